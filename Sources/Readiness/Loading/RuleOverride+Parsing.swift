import SourceDiagnostics
import StrictYAML

extension RuleOverride {
    /// The keys an override takes.
    static let keys = ["rule", "reason", "enabled", "severity", "action", "likelihood", "impact", "params", "only"]

    /// Reads an `overrides:` list (of a ruleset or a snapshot), reporting every problem with
    /// its position: a missing or empty `reason`, an override that changes nothing, unknown
    /// keys, wrong types. Whether each rule and parameter exists is checked when the overrides
    /// are applied to the loaded rules (`RuleCatalog.applying(_:)`).
    static func list(
        _ value: Value, at location: SourceLocation, file: String, origin: String,
        into diagnostics: inout DiagnosticCollector
    ) -> [RuleOverride] {
        MappingReader.mappings(
            value, field: "overrides", expected: "a list of overrides ({rule, reason, …})", at: location, file: file,
            into: &diagnostics
        ) { _, map, here, diagnostics in
            one(map, at: here, file: file, origin: origin, into: &diagnostics)
        }
    }

    private static func one(
        _ map: ValueMap, at location: SourceLocation, file: String, origin: String,
        into diagnostics: inout DiagnosticCollector
    ) -> RuleOverride? {
        let reader = MappingReader(map, file: file, context: "an override")
        reader.checkKeys(keys, into: &diagnostics)
        let rule = reader.string("rule", required: true, into: &diagnostics)
        let reason = reader.string("reason", required: true, into: &diagnostics)
        if let reason, reason.allSatisfy(\.isWhitespace) {
            diagnostics.append(RulesetDiagnostics.emptyOverrideReason(at: reader.valueLocation("reason")))
        }
        var isEnabled: Bool?
        if let value = reader.value("enabled"), value != .null {
            if case .bool(let b) = value { isEnabled = b } else {
                diagnostics.append(RulesetDiagnostics.wrongType("enabled", expected: "true or false", found: value, at: reader.valueLocation("enabled")))
            }
        }
        var override = RuleOverride(
            ruleID: rule ?? "", isEnabled: isEnabled,
            severity: reader.enumeration("severity", as: Severity.self, required: false, into: &diagnostics),
            action: reader.enumeration("action", as: RuleAction.self, required: false, into: &diagnostics),
            likelihood: reader.integer("likelihood", in: 1...5, into: &diagnostics),
            impact: reader.integer("impact", in: 1...5, into: &diagnostics),
            reason: reason ?? "", location: location, ruleLocation: reader.valueLocation("rule"), origin: origin)
        override.parameters = parameters(reader, file: file, into: &diagnostics)
        override.only = scope(reader, file: file, into: &diagnostics)
        let changesSomething = isEnabled != nil || override.severity != nil || override.action != nil
            || override.likelihood != nil || override.impact != nil || !override.parameters.isEmpty || !override.only.isEmpty
        if !changesSomething, !keys.dropFirst(2).contains(where: { reader.value($0) != nil }) {
            diagnostics.append(RulesetDiagnostics.overrideChangesNothing(at: location))
        }
        guard rule != nil, let reason, !reason.allSatisfy(\.isWhitespace) else { return nil }
        return override
    }

    /// `params: {NAME: VALUE}`: values for this rule only.
    private static func parameters(_ reader: MappingReader, file: String, into diagnostics: inout DiagnosticCollector) -> [ParameterValue] {
        reader.namedValues("params", expected: "a mapping from parameter name to value", into: &diagnostics).map {
            ParameterValue(name: $0.name, value: $0.value, location: $0.location)
        }
    }

    /// `only: {sites: [...], modules: [...]}`: the items the rule is restricted to.
    private static func scope(_ reader: MappingReader, file: String, into diagnostics: inout DiagnosticCollector) -> [Phase.ScopeEntry] {
        guard let value = reader.value("only"), value != .null else { return [] }
        guard case .map(let map) = value, map.count > 0 else {
            diagnostics.append(RulesetDiagnostics.wrongType(
                "only", expected: "a mapping from scope kind to a list of items, such as {sites: [Perth HQ]}", found: value,
                at: reader.valueLocation("only")))
            return []
        }
        let sub = MappingReader(map, file: file, context: "'only'")
        var out: [Phase.ScopeEntry] = []
        for i in 0..<map.count {
            guard case .string(let kind) = map.keys[i] else { continue }
            let items = sub.strings(kind, into: &diagnostics)
            if items.isEmpty {
                diagnostics.append(RulesetDiagnostics.wrongType("only.\(kind)", expected: "a non-empty list of items", found: map.values[i], at: sub.valueLocation(kind)))
                continue
            }
            out.append(Phase.ScopeEntry(kind: kind, items: items))
        }
        return out
    }
}
