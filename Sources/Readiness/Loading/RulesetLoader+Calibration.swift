import SourceDiagnostics
import StrictYAML

extension RulesetLoader.Session {
    /// The catalog of everything loaded, with the rulesets' `terms` given to every rule and
    /// their `overrides` applied in load order (a ruleset that extends the built-ins calibrates
    /// them); problems with an override are added to the diagnostics.
    mutating func finishedCatalog() -> RuleCatalog {
        var catalog = RuleCatalog(rulesets: rulesets)
        var table: [String: LocalizedText] = [:]
        for ruleset in rulesets {
            for (value, text) in ruleset.terms { table[value] = text }
        }
        if !table.isEmpty {
            let terms = RuleTerms(table)
            for r in catalog.rulesets.indices {
                for i in catalog.rulesets[r].rules.indices { catalog.rulesets[r].rules[i].terms = terms }
            }
        }
        let overrides = rulesets.flatMap(\.overrides)
        guard !overrides.isEmpty else { return catalog }
        let (calibrated, problems) = catalog.applying(overrides)
        diagnostics.append(contentsOf: problems)
        return calibrated
    }

    /// The `terms:` mapping: a value (a role name) → its text by language.
    static func terms(
        _ header: MappingReader, file: String, into diagnostics: inout DiagnosticCollector
    ) -> [(value: String, text: LocalizedText)] {
        guard
            let reader = header.submapping(
                "terms", expected: "a mapping from a value to its text ({project_manager: {en: project manager, zh: 项目经理}})",
                context: "terms", into: &diagnostics)
        else { return [] }
        var out: [(String, LocalizedText)] = []
        for term in reader.textKeys {
            if let text = reader.text(term, required: true, into: &diagnostics) { out.append((term, text)) }
        }
        return out
    }
}
