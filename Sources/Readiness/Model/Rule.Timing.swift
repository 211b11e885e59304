extension Rule {
    /// When a check is due (`due:` in a rule), relative to the project's start or to the go-live
    /// of the phases it acts on. A rule without `due` is due at every stage, a pre-project
    /// feasibility check included: it states what must hold for the plan to be feasible.
    public enum Due: Sendable, Hashable {
        /// Due once the project has started (`due: {from: start}`).
        case fromStart
        /// Due a number of days before the go-live of each phase it acts on
        /// (`due: {before: go_live, days: 30}`).
        case beforeGoLive(days: Int)

        /// How the clause is written in a ruleset, for reports and `readiness explain`.
        public var description: String {
            switch self {
            case .fromStart: "from the project start"
            case .beforeGoLive(let days): days == 0 ? "by go-live" : "\(days) days before go-live"
            }
        }
    }
}

/// The defaults of a rule's timing when the rule and its ruleset say nothing.
public enum RuleTimingDefaults {
    /// Days before a phase's go-live by which the evidence a rule reads must be in: before this
    /// deadline a gap is a condition (collect the fact by then); after it, the gap acts like a
    /// failure of the rule.
    public static let evidenceDeadlineDays = 30
}
