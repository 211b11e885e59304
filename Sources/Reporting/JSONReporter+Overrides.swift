import Readiness

extension JSONReporter {
    /// A client's override of a rule, as the report's provenance lists it.
    struct OverrideJSON: Encodable {
        var rule: String
        var origin: String
        var reason: String
        var location: Location?
        var changes: [RuleOverride.Change]

        init(_ override: RuleOverride) {
            rule = override.ruleID
            origin = override.origin
            reason = override.reason
            location = Location(override.location)
            changes = override.changes
        }
    }
}
