/// Where the project stands on the evaluation date, which decides the kind of assessment.
public enum ProjectStage: String, Sendable, Hashable, Codable, CaseIterable {
    /// Before the project starts: a pre-project feasibility check. Checks due later (a tested
    /// restore, a steering committee) are planned work, not failures.
    case feasibility
    /// The project is under way: a readiness review towards the go-live of its phases.
    case delivery
}
