extension AssessmentSummary.Finding {
    /// The finding a rule's result makes; `title` (the rule's title in the report's language) is
    /// the message of a result that gives none.
    public init(_ result: RuleResult, of rule: Rule, title: String) {
        self.init(
            rule: rule.id, subject: result.subject, status: result.status, severity: rule.severity,
            action: rule.action, category: rule.category, message: result.message ?? title,
            location: AssessmentSummary.Location(result.location))
    }
}
