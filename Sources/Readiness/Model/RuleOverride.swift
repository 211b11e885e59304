public import SourceDiagnostics
public import StrictYAML

/// A client's calibration of one rule, from an `overrides:` section of a ruleset that extends
/// the built-ins or of a snapshot: switch the rule off, change its severity, action,
/// likelihood, impact or parameters for this rule only, or restrict it to some sites or
/// modules — always with a reason, which every report shows.
public struct RuleOverride: Sendable {
    /// A parameter value the override sets for this rule only.
    public struct ParameterValue: Sendable {
        /// The parameter's name (`min_business_analysts`).
        public var name: String
        /// The value, typed as the declaring ruleset declared it once applied.
        public var value: Value
        /// Where the value is written.
        public var location: SourceLocation
    }

    /// One field the override changed, as reports show it (`severity: high → medium`).
    public struct Change: Sendable, Hashable, Codable {
        /// The field: `enabled`, `severity`, `action`, `likelihood`, `impact`, `params.NAME` or
        /// `only.KIND`.
        public var field: String
        /// The rule's value before the override.
        public var from: String
        /// The value the override set.
        public var to: String
    }

    /// The id of the rule it calibrates.
    public var ruleID: String
    /// `enabled: false` switches the rule off; `true` switches back on a rule an earlier
    /// override switched off.
    public var isEnabled: Bool?
    /// The new severity, when changed.
    public var severity: Severity?
    /// The new action, when changed.
    public var action: RuleAction?
    /// The new likelihood (1–5), when changed.
    public var likelihood: Int?
    /// The new impact (1–5), when changed.
    public var impact: Int?
    /// Parameter values for this rule only.
    public var parameters: [ParameterValue] = []
    /// The sites, modules (or other scope items) the rule is restricted to, by scope kind.
    public var only: [Phase.ScopeEntry] = []
    /// Why the client's situation calls for it (required, never empty).
    public var reason: String
    /// Where the override stands.
    public var location: SourceLocation
    /// Where its `rule:` value stands (for an unknown rule id).
    public var ruleLocation: SourceLocation
    /// `ruleset` or `snapshot`: where the override was written.
    public var origin: String
    /// What the override changed, filled in when it is applied.
    public var changes: [Change] = []

    /// Creates an override; loading reads them from `overrides:` (see `RuleCatalog.applying(_:)`).
    public init(
        ruleID: String, isEnabled: Bool? = nil, severity: Severity? = nil, action: RuleAction? = nil,
        likelihood: Int? = nil, impact: Int? = nil, parameters: [ParameterValue] = [], only: [Phase.ScopeEntry] = [],
        reason: String, location: SourceLocation, ruleLocation: SourceLocation, origin: String
    ) {
        self.ruleID = ruleID
        self.isEnabled = isEnabled
        self.severity = severity
        self.action = action
        self.likelihood = likelihood
        self.impact = impact
        self.parameters = parameters
        self.only = only
        self.reason = reason
        self.location = location
        self.ruleLocation = ruleLocation
        self.origin = origin
    }

    /// Whether the override switches the rule off.
    public var disablesRule: Bool { isEnabled == false }
}

extension RuleOverride {
    /// What the override changed, in one line: `severity high → medium; params.min_business_analysts 2 → 1`.
    public var summary: String {
        changes.map { "\($0.field) \($0.from) → \($0.to)" }.joined(separator: "; ")
    }
}
