import CEL
import StrictYAML

extension RuleRun {
    /// The variables a rule sees: the run's, with the parameter values an override sets for
    /// this rule alone bound into `params`.
    func globals(for rule: Rule) -> ValueMap {
        rule.parameterBindings.isEmpty ? globals : Self.binding(rule.parameterBindings, into: globals)
    }

    /// `globals` with `params` entries replaced by the given values.
    static func binding(_ bindings: [RuleOverride.ParameterValue], into globals: ValueMap) -> ValueMap {
        guard let p = globals.index(ofString: "params"), case .map(let params) = globals.values[p] else { return globals }
        var keys = params.keys
        var values = params.values
        for binding in bindings {
            if let i = keys.firstIndex(of: .string(binding.name)) {
                values[i] = binding.value
            } else {
                keys.append(.string(binding.name))
                values.append(binding.value)
            }
        }
        var all = globals.values
        all[p] = .map(ValueMap(keys: keys, values: values))
        return ValueMap(keys: globals.keys, values: all, entryPositions: globals.entryPositions, position: globals.position)
    }

    /// The items a result acts on under the rule's restriction (`only:` in an override): of a
    /// kind the rule's `affects` names, those within the restriction, or nil when none is (the
    /// element is outside the restriction, so the rule does not apply to it); a kind the rule
    /// does not name, or names no item of (a project-wide result), becomes the restriction's
    /// items, so the finding acts only on the phases that hold them.
    static func restricted(_ items: [RuleResult.AffectedItem], to only: [Phase.ScopeEntry]) -> [RuleResult.AffectedItem]? {
        var out = items
        for entry in only {
            let ofKind = items.filter { $0.kind == entry.kind }
            if ofKind.isEmpty {
                out += entry.items.map { RuleResult.AffectedItem(kind: entry.kind, item: $0) }
                continue
            }
            let kept = ofKind.filter { entry.items.contains($0.item) }
            guard !kept.isEmpty else { return nil }
            out.removeAll { $0.kind == entry.kind && !entry.items.contains($0.item) }
        }
        return out
    }

    /// The path to collect for a missing fact: the first fact the failing expression reads at
    /// or below the missing part (`environment` → `environment.sizing.rated_concurrent_users`),
    /// so the report names a leaf someone can fill in; an element path from a list function
    /// (`[3].module`) is restated from the list it came from.
    static func leafPath(_ path: String, in expression: CompiledExpression) -> String {
        let read = expression.program.referencedPaths.map { $0.joined(separator: ".") }
        if path.hasPrefix("["), let list = read.first { return list + path }
        return read.first { $0.hasPrefix(path + ".") } ?? path
    }

    /// A value as it reads inside a message: a term (a role name) in the report language.
    func messageText(of value: Value, rule: Rule, limit: Int = Messages.renderLimit) -> String {
        if let terms = rule.terms {
            if case .string(let s) = value, let text = terms.text(of: s, language: language) { return text }
            if case .list(let list) = value {
                return list.elements.map { messageText(of: $0, rule: rule) }.joined(separator: Phrases(language: language).listSeparator)
            }
        }
        return Messages.text(of: value, limit: limit)
    }
}
