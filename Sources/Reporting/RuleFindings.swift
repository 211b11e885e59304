import Readiness

/// A rule and its findings, as the reports list them.
struct RuleFindings: Sendable {
    var summary: RuleSummary
    var results: [RuleResult]
    /// What it takes to clear each result, parallel to `results` (nil for those without).
    var whatItTakes: [WhatItTakes?] = []
    var rule: Rule { summary.rule }
}
