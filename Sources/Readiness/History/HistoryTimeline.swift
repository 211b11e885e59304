/// A project's recorded assessments in order, with what each changed from the one before:
/// what `readiness history` shows (verdicts, open findings by severity, coverage, areas, and the
/// findings opened and closed between consecutive assessments).
public struct HistoryTimeline: Sendable, Codable {
    /// The project's name (nil for snapshots that give none).
    public var project: String?
    /// One point per assessment, oldest first.
    public var points: [Point]

    /// One assessment and its change from the previous one.
    public struct Point: Sendable, Codable {
        public var asOf: String?
        public var recordedAt: String?
        public var snapshot: String
        public var verdict: Verdict
        public var readiness: Double
        public var coverage: Double
        public var exposure: Int
        /// Open findings (fail or warn) by severity; every severity is present.
        public var openBySeverity: [Severity: Int]
        /// Results whose facts are missing (`unknown`).
        public var unknown: Int
        public var areas: [AssessmentSummary.Area]
        public var phases: [PhaseState]
        /// Findings that appeared or got worse since the previous assessment.
        public var opened: [AssessmentSummary.Finding]
        /// Findings that disappeared or got better since the previous assessment.
        public var closed: [AssessmentSummary.Finding]

        enum CodingKeys: CodingKey {
            case asOf, recordedAt, snapshot, verdict, readiness, coverage, exposure, openBySeverity, unknown, areas, phases
            case opened, closed
        }

        /// Creates a point.
        public init(
            asOf: String?, recordedAt: String?, snapshot: String, verdict: Verdict, readiness: Double, coverage: Double,
            exposure: Int, openBySeverity: [Severity: Int], unknown: Int, areas: [AssessmentSummary.Area],
            phases: [PhaseState], opened: [AssessmentSummary.Finding], closed: [AssessmentSummary.Finding]
        ) {
            self.asOf = asOf
            self.recordedAt = recordedAt
            self.snapshot = snapshot
            self.verdict = verdict
            self.readiness = readiness
            self.coverage = coverage
            self.exposure = exposure
            self.openBySeverity = openBySeverity
            self.unknown = unknown
            self.areas = areas
            self.phases = phases
            self.opened = opened
            self.closed = closed
        }

        /// All open findings.
        public var openCount: Int { openBySeverity.values.reduce(0, +) }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(asOf, forKey: .asOf)
            try c.encode(recordedAt, forKey: .recordedAt)
            try c.encode(snapshot, forKey: .snapshot)
            try c.encode(verdict, forKey: .verdict)
            try c.encode(readiness, forKey: .readiness)
            try c.encode(coverage, forKey: .coverage)
            try c.encode(exposure, forKey: .exposure)
            try c.encode(Dictionary(uniqueKeysWithValues: openBySeverity.map { ($0.key.rawValue, $0.value) }), forKey: .openBySeverity)
            try c.encode(unknown, forKey: .unknown)
            try c.encode(areas, forKey: .areas)
            try c.encode(phases, forKey: .phases)
            try c.encode(opened, forKey: .opened)
            try c.encode(closed, forKey: .closed)
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            asOf = try c.decodeIfPresent(String.self, forKey: .asOf)
            recordedAt = try c.decodeIfPresent(String.self, forKey: .recordedAt)
            snapshot = try c.decode(String.self, forKey: .snapshot)
            verdict = try c.decode(Verdict.self, forKey: .verdict)
            readiness = try c.decode(Double.self, forKey: .readiness)
            coverage = try c.decode(Double.self, forKey: .coverage)
            exposure = try c.decode(Int.self, forKey: .exposure)
            let counts = try c.decode([String: Int].self, forKey: .openBySeverity)
            openBySeverity = Dictionary(uniqueKeysWithValues: counts.compactMap { k, v in Severity(rawValue: k).map { ($0, v) } })
            unknown = try c.decode(Int.self, forKey: .unknown)
            areas = try c.decode([AssessmentSummary.Area].self, forKey: .areas)
            phases = try c.decode([PhaseState].self, forKey: .phases)
            opened = try c.decode([AssessmentSummary.Finding].self, forKey: .opened)
            closed = try c.decode([AssessmentSummary.Finding].self, forKey: .closed)
        }
    }

    /// A phase's decision at one assessment.
    public struct PhaseState: Sendable, Codable {
        public var name: String
        public var decision: Verdict
        public var status: String?
    }

    /// The timelines of the assessments given (in their order), one per project, projects by name.
    public static func timelines(_ assessments: [AssessmentSummary]) -> [HistoryTimeline] {
        var order: [String?] = []
        var byProject: [String?: [AssessmentSummary]] = [:]
        for a in assessments {
            if byProject[a.project] == nil { order.append(a.project) }
            byProject[a.project, default: []].append(a)
        }
        order.sort { ($0 ?? "") < ($1 ?? "") }
        return order.map { HistoryTimeline(project: $0, assessments: byProject[$0] ?? []) }
    }

    /// The timeline of one project's assessments, in the order given.
    public init(project: String?, assessments: [AssessmentSummary]) {
        self.project = project
        var previous: AssessmentSummary?
        points = assessments.map { a in
            var open = Dictionary(uniqueKeysWithValues: Severity.allCases.map { ($0, 0) })
            var unknown = 0
            for f in a.findings {
                if f.isOpen { open[f.severity, default: 0] += 1 }
                if f.status == .unknown { unknown += 1 }
            }
            var opened: [AssessmentSummary.Finding] = []
            var closed: [AssessmentSummary.Finding] = []
            if let previous {
                let diff = AssessmentDiff(from: previous, to: a)
                opened = diff.newFindings + diff.worseFindings.map(\.new)
                closed = diff.resolvedFindings + diff.betterFindings.map(\.new)
            }
            previous = a
            return Point(
                asOf: a.asOf, recordedAt: a.recordedAt, snapshot: a.snapshot, verdict: a.verdict, readiness: a.readiness,
                coverage: a.coverage, exposure: a.exposure, openBySeverity: open, unknown: unknown, areas: a.areas,
                phases: a.phases.map { PhaseState(name: $0.name, decision: $0.decision, status: $0.status) },
                opened: opened, closed: closed)
        }
    }

    /// The latest point whose verdict differs from the one before it, with its index.
    public var lastVerdictChange: (index: Int, from: Verdict, to: Verdict)? {
        guard points.count > 1 else { return nil }
        for i in stride(from: points.count - 1, to: 0, by: -1) where points[i].verdict != points[i - 1].verdict {
            return (i, points[i - 1].verdict, points[i].verdict)
        }
        return nil
    }
}
