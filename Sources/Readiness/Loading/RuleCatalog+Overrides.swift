public import SourceDiagnostics
import StrictYAML

extension RuleCatalog {
    /// The catalog with a client's overrides applied in order (a ruleset's, then a
    /// snapshot's), each checked against the loaded rules: an unknown rule id is an error with a
    /// did-you-mean, as is a parameter no ruleset declares, one the rule does not read, or a
    /// value of another type than its declaration. Each applied override records what it
    /// changed (`RuleOverride.changes`), for the reports' provenance.
    /// - Returns: the calibrated catalog, and the diagnostics (errors and warnings).
    public func applying(_ overrides: [RuleOverride]) -> (catalog: RuleCatalog, diagnostics: [Diagnostic]) {
        guard !overrides.isEmpty else { return (self, []) }
        var catalog = self
        var diagnostics = DiagnosticCollector()
        var places: [String: (ruleset: Int, rule: Int)] = [:]
        for (r, ruleset) in rulesets.enumerated() {
            for (i, rule) in ruleset.rules.enumerated() where places[rule.id] == nil { places[rule.id] = (r, i) }
        }
        let declared = Dictionary(parameters.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
        for var override in overrides {
            guard let (r, i) = places[override.ruleID] else {
                diagnostics.append(RulesetDiagnostics.overrideOfUnknownRule(
                    override.ruleID, known: Array(places.keys), at: override.ruleLocation))
                continue
            }
            var rule = catalog.rulesets[r].rules[i]
            guard Self.bindParameters(of: &override, to: &rule, declared: declared, into: &diagnostics) else { continue }
            Self.apply(&override, to: &rule)
            rule.appliedOverrides.append(override)
            catalog.rulesets[r].rules[i] = rule
            catalog.overrides.append(override)
        }
        return (catalog, diagnostics.diagnostics)
    }

    /// Types the override's parameter values as their rulesets declare them and checks that
    /// the rule reads each; false when one is wrong (reported).
    private static func bindParameters(
        of override: inout RuleOverride, to rule: inout Rule, declared: [String: Parameter],
        into diagnostics: inout DiagnosticCollector
    ) -> Bool {
        var ok = true
        let read = Set(rule.expressions.flatMap { $0.program.referencedPaths }.compactMap { path in
            path.count >= 2 && path[0] == "params" ? path[1] : nil
        })
        for k in override.parameters.indices {
            let given = override.parameters[k]
            guard let parameter = declared[given.name] else {
                diagnostics.append(RulesetDiagnostics.unknownParameter(
                    given.name, declared: Array(declared.keys).sorted(), at: given.location, severity: .error))
                ok = false
                continue
            }
            guard read.contains(given.name) else {
                diagnostics.append(RulesetDiagnostics.overrideParameterNotRead(
                    given.name, rule: rule.id, reads: read.sorted(), at: given.location))
                ok = false
                continue
            }
            guard let typed = parameter.typed(given.value) else {
                diagnostics.append(RulesetDiagnostics.parameterType(
                    given.name, expected: parameter.typeDescription, rulesetID: parameter.rulesetID,
                    found: given.value, at: given.location))
                ok = false
                continue
            }
            override.parameters[k].value = typed
            let before = rule.parameterBindings.first { $0.name == given.name }?.value ?? parameter.value
            override.changes.append(.init(field: "params.\(given.name)", from: before.description, to: typed.description))
            rule.parameterBindings.removeAll { $0.name == given.name }
            rule.parameterBindings.append(override.parameters[k])
        }
        return ok
    }

    /// Sets the fields the override names, noting each change.
    private static func apply(_ override: inout RuleOverride, to rule: inout Rule) {
        func note(_ field: String, _ from: String, _ to: String) {
            if from != to { override.changes.append(.init(field: field, from: from, to: to)) }
        }
        if let enabled = override.isEnabled {
            note("enabled", String(rule.isEnabled), String(enabled))
            rule.isEnabled = enabled
        }
        if let severity = override.severity {
            // Likelihood and impact that were the old severity's defaults follow the new one.
            let followsDefaults = rule.likelihood == rule.severity.defaultLikelihood && rule.impact == rule.severity.defaultImpact
            note("severity", rule.severity.rawValue, severity.rawValue)
            if followsDefaults {
                if override.likelihood == nil { note("likelihood", String(rule.likelihood), String(severity.defaultLikelihood)) }
                if override.impact == nil { note("impact", String(rule.impact), String(severity.defaultImpact)) }
                rule.likelihood = severity.defaultLikelihood
                rule.impact = severity.defaultImpact
            }
            rule.severity = severity
        }
        if let action = override.action {
            note("action", rule.action.rawValue, action.rawValue)
            rule.action = action
        }
        if let likelihood = override.likelihood {
            note("likelihood", String(rule.likelihood), String(likelihood))
            rule.likelihood = likelihood
        }
        if let impact = override.impact {
            note("impact", String(rule.impact), String(impact))
            rule.impact = impact
        }
        for entry in override.only {
            let before = rule.only.first { $0.kind == entry.kind }?.items.joined(separator: ", ") ?? "*"
            note("only.\(entry.kind)", before, entry.items.joined(separator: ", "))
            rule.only.removeAll { $0.kind == entry.kind }
            rule.only.append(entry)
        }
    }
}
