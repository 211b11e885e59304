/// What changed between two assessments of a project: the verdict, each phase's decision and
/// scope, the findings (matched by rule and subject, never by line) and each area's scores.
///
/// `readiness diff` renders it; `readiness history` uses it between consecutive assessments.
public struct AssessmentDiff: Sendable, Hashable, Codable {
    /// The assessment compared from.
    public var old: Side
    /// The assessment compared to.
    public var new: Side
    /// Phases in the new plan order, then phases only the old plan has.
    public var phases: [PhaseChange]
    /// Findings only the new assessment has.
    public var newFindings: [AssessmentSummary.Finding]
    /// Findings only the old assessment has.
    public var resolvedFindings: [AssessmentSummary.Finding]
    /// Findings in both whose status got worse (fail > warn > unknown/error > pass).
    public var worseFindings: [FindingChange]
    /// Findings in both whose status got better.
    public var betterFindings: [FindingChange]
    /// Findings in both with the same rank (same status, or unknown ↔ error).
    public var unchangedCount: Int
    /// Areas in the new order, then areas only the old one has.
    public var areas: [AreaChange]

    /// One side of the comparison.
    public struct Side: Sendable, Hashable, Codable {
        public var project: String?
        public var asOf: String?
        public var snapshot: String
        public var verdict: Verdict
        public var readiness: Double
        public var coverage: Double
        public var openFindings: Int
    }

    /// A phase's decision and scope, before and after (nil where the phase is absent).
    public struct PhaseChange: Sendable, Hashable, Codable {
        public var name: String
        public var oldDecision: Verdict?
        public var newDecision: Verdict?
        public var oldStatus: String?
        public var newStatus: String?
        /// Scope items the new plan has in this phase and the old one did not.
        public var movedIn: [RuleResult.AffectedItem]
        /// Scope items the old plan had in this phase and the new one does not.
        public var movedOut: [RuleResult.AffectedItem]

        /// Whether anything about the phase changed.
        public var isChanged: Bool {
            oldDecision != newDecision || oldStatus != newStatus || !movedIn.isEmpty || !movedOut.isEmpty
        }
    }

    /// A finding present in both assessments, with its old and new status.
    public struct FindingChange: Sendable, Hashable, Codable {
        public var old: AssessmentSummary.Finding
        public var new: AssessmentSummary.Finding
    }

    /// An area's scores before and after (nil where the area is absent).
    public struct AreaChange: Sendable, Hashable, Codable {
        public var name: String
        public var oldReadiness: Double?
        public var newReadiness: Double?
        public var oldCoverage: Double?
        public var newCoverage: Double?
        public var oldStatus: String?
        public var newStatus: String?

        /// Whether a score or the status changed.
        public var isChanged: Bool {
            oldReadiness != newReadiness || oldCoverage != newCoverage || oldStatus != newStatus
        }
    }

    enum CodingKeys: String, CodingKey {
        case old, new, phases, newFindings, resolvedFindings, worseFindings, betterFindings, areas
        case unchangedCount = "unchangedFindings"
    }

    /// Compares two assessments.
    public init(from old: AssessmentSummary, to new: AssessmentSummary) {
        self.old = Side(old)
        self.new = Side(new)
        phases = Self.phaseChanges(old.phases, new.phases)
        areas = Self.areaChanges(old.areas, new.areas)
        let matched = FindingMatcher.match(old.findings, new.findings)
        newFindings = matched.added
        resolvedFindings = matched.removed
        worseFindings = matched.pairs.filter { $0.new.rank > $0.old.rank }
        betterFindings = matched.pairs.filter { $0.new.rank < $0.old.rank }
        unchangedCount = matched.pairs.count - worseFindings.count - betterFindings.count
    }

    /// Whether the verdict changed.
    public var isVerdictChanged: Bool { old.verdict != new.verdict }

    /// Whether nothing that the diff reports changed.
    public var isEmpty: Bool {
        !isVerdictChanged && newFindings.isEmpty && resolvedFindings.isEmpty && worseFindings.isEmpty
            && betterFindings.isEmpty && !phases.contains(where: \.isChanged) && !areas.contains(where: \.isChanged)
    }

    /// New findings that are open or worse findings: what `--fail-on-new` gates on. A new
    /// finding that is only unknown or error counts too, as does a newly waived one: no.
    public var hasNewOrWorse: Bool {
        newFindings.contains { $0.rank > 0 } || !worseFindings.isEmpty
    }

    static func phaseChanges(
        _ old: [AssessmentSummary.PlannedPhase], _ new: [AssessmentSummary.PlannedPhase]
    ) -> [PhaseChange] {
        aligned(old, new, by: \.name).map { PhaseChange(name: $0.name, old: $0.old, new: $0.new) }
    }

    static func areaChanges(_ old: [AssessmentSummary.Area], _ new: [AssessmentSummary.Area]) -> [AreaChange] {
        aligned(old, new, by: \.name).map { AreaChange(name: $0.name, old: $0.old, new: $0.new) }
    }

    /// Pairs two lists by name: each item of `new`, in order, with the first item of `old` of
    /// its name, then each item of `old` whose name `new` lacks, in order.
    static func aligned<Item>(
        _ old: [Item], _ new: [Item], by name: (Item) -> String
    ) -> [(name: String, old: Item?, new: Item?)] {
        let oldByName = Dictionary(old.map { (name($0), $0) }, uniquingKeysWith: { first, _ in first })
        let newNames = Set(new.map(name))
        var pairs: [(name: String, old: Item?, new: Item?)] = new.map { (name($0), oldByName[name($0)], $0) }
        pairs += old.filter { !newNames.contains(name($0)) }.map { (name($0), $0, nil) }
        return pairs
    }
}

extension AssessmentDiff.PhaseChange {
    /// A phase as the old and the new plan have it (nil where a plan lacks it).
    init(name: String, old: AssessmentSummary.PlannedPhase?, new: AssessmentSummary.PlannedPhase?) {
        let oldScope = Set(old?.scope ?? [])
        let newScope = Set(new?.scope ?? [])
        self.init(
            name: name, oldDecision: old?.decision, newDecision: new?.decision, oldStatus: old?.status,
            newStatus: new?.status, movedIn: (new?.scope ?? []).filter { !oldScope.contains($0) },
            movedOut: (old?.scope ?? []).filter { !newScope.contains($0) })
    }
}

extension AssessmentDiff.AreaChange {
    /// An area as the old and the new assessment have it (nil where one lacks it).
    init(name: String, old: AssessmentSummary.Area?, new: AssessmentSummary.Area?) {
        self.init(
            name: name, oldReadiness: old?.readiness, newReadiness: new?.readiness, oldCoverage: old?.coverage,
            newCoverage: new?.coverage, oldStatus: old?.status, newStatus: new?.status)
    }
}

extension AssessmentDiff.Side {
    init(_ s: AssessmentSummary) {
        self.init(
            project: s.project, asOf: s.asOf, snapshot: s.snapshot, verdict: s.verdict, readiness: s.readiness,
            coverage: s.coverage, openFindings: s.openFindings.count)
    }
}
