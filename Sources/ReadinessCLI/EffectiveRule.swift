import Readiness
import StrictYAML

/// A rule as `readiness rules --format json` lists it: as it will run, with the overrides that
/// calibrated it.
struct EffectiveRule: Encodable {
    /// An override as listed: where it was written, why, and what it changed.
    struct Override: Encodable {
        var origin: String
        var reason: String
        var source: String
        var changes: [RuleOverride.Change]
    }

    var id: String
    var title: [String: String]
    var category: String
    var severity: String
    var action: String
    var likelihood: Int
    var impact: Int
    var enabled: Bool
    var params: [String: String]
    var only: [String: [String]]
    var ruleset: String
    var source: String
    var overrides: [Override]

    init(_ rule: Rule) {
        id = rule.id
        title = Dictionary(
            rule.title.translations.map { ($0.language.isEmpty ? "en" : $0.language, $0.text) }, uniquingKeysWith: { a, _ in a })
        category = rule.category
        severity = rule.severity.rawValue
        action = rule.action.rawValue
        likelihood = rule.likelihood
        impact = rule.impact
        enabled = rule.isEnabled
        params = Dictionary(rule.parameterBindings.map { ($0.name, $0.value.description) }, uniquingKeysWith: { _, last in last })
        only = Dictionary(rule.only.map { ($0.kind, $0.items) }, uniquingKeysWith: { _, last in last })
        ruleset = rule.rulesetID
        source = "\(rule.location.file):\(rule.location.line)"
        overrides = rule.appliedOverrides.map {
            Override(origin: $0.origin, reason: $0.reason, source: "\($0.location.file):\($0.location.line)", changes: $0.changes)
        }
    }

}
