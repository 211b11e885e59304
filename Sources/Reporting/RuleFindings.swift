import Readiness

/// A rule and its findings, as the reports list them.
struct RuleFindings: Sendable {
    var summary: RuleSummary
    var results: [RuleResult]
    var rule: Rule { summary.rule }
}
