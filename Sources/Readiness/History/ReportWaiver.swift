import SourceDiagnostics

/// A waiver as a JSON report lists it (under `waivers` and in a waived finding): what the
/// reporter writes and what an `AssessmentSummary` reads back.
public struct ReportWaiver: Sendable, Hashable, Codable {
    /// The rule it waives.
    public var rule: String
    /// The one subject it waives, or nil for every subject of the rule.
    public var subject: String?
    /// Why the finding is accepted.
    public var reason: String
    /// Who accepted it.
    public var approvedBy: String
    /// The last day the waiver holds, `YYYY-MM-DD`.
    public var expires: String
    /// Results it waived (applied waivers only).
    public var count: Int?
    /// Where the waiver is written.
    public var location: AssessmentSummary.Location?

    /// The waiver as a report lists it, with the number of results it waived when it was applied.
    public init(_ waiver: Waiver, count: Int? = nil) {
        rule = waiver.ruleID
        subject = waiver.subject
        reason = waiver.reason
        approvedBy = waiver.approvedBy
        expires = waiver.expires
        self.count = count
        location = AssessmentSummary.Location(waiver.location)
    }

    /// The waiver in a summary, as `applied`, `expired` or `unused`.
    func state(_ name: String) -> AssessmentSummary.WaiverState {
        AssessmentSummary.WaiverState(
            state: name, rule: rule, subject: subject, reason: reason, approvedBy: approvedBy, expires: expires,
            count: count ?? 0)
    }
}
