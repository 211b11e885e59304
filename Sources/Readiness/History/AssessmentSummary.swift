import SourceDiagnostics

/// What a history keeps of one assessment, and what `readiness diff` compares: the verdict, the
/// scores per area, the phase plan's decisions, every finding and the waivers in force.
///
/// Built from an `Evaluation`, from a JSON report (`readiness.report/N`) or from a history
/// database, so the three agree on what an assessment is. Fields the decision model adds later
/// (area and phase statuses) are optional here, so older records still read.
///
/// Like the other report types, it declares camelCase keys, which the JSON documents write in
/// snake case (`as_of`, see `SnakeCaseKeys`).
public struct AssessmentSummary: Sendable, Hashable, Codable {
    /// The project's name (`project.name`), if the snapshot gives one.
    public var project: String?
    /// The evaluation date, `YYYY-MM-DD`.
    public var asOf: String?
    /// The snapshot's path as it was given.
    public var snapshot: String
    /// When the assessment was recorded in a history (ISO 8601, UTC); nil until recorded.
    public var recordedAt: String?
    public var verdict: Verdict
    /// Whether unknowns counted as failures.
    public var isStrict: Bool
    /// The overall readiness score, 0–100.
    public var readiness: Double
    /// The overall evidence coverage, 0–100.
    public var coverage: Double
    /// The overall risk exposure.
    public var exposure: Int
    /// The rulesets and snapshot read, with their digests.
    public var inputs: [InputFile]
    /// Per category, in the report's order.
    public var areas: [Area]
    /// The planned phases, in plan order.
    public var phases: [PlannedPhase]
    /// Every result that is neither pass nor not applicable, in evaluation order.
    public var findings: [Finding]
    /// The waivers: applied, expired and unused.
    public var waivers: [WaiverState]

    /// Readiness and coverage of one category.
    public struct Area: Sendable, Hashable, Codable {
        public var name: String
        public var readiness: Double
        public var coverage: Double
        public var exposure: Int
        /// The area's status (red, amber, green or grey) when the decision model gives one.
        public var status: String?

        /// Creates an area.
        public init(name: String, readiness: Double, coverage: Double, exposure: Int, status: String? = nil) {
            self.name = name
            self.readiness = readiness
            self.coverage = coverage
            self.exposure = exposure
            self.status = status
        }
    }

    /// One phase of the recommended plan.
    public struct PlannedPhase: Sendable, Hashable, Codable {
        public var name: String
        public var decision: Verdict
        /// The phase's status when the decision model gives one.
        public var status: String?
        /// The scope that stays in the phase, as `kind: item` pairs in plan order.
        public var scope: [RuleResult.AffectedItem]
        /// The phase it was split from, for a follow-on phase.
        public var splitFrom: String?

        /// Creates a phase.
        public init(
            name: String, decision: Verdict, status: String? = nil, scope: [RuleResult.AffectedItem], splitFrom: String? = nil
        ) {
            self.name = name
            self.decision = decision
            self.status = status
            self.scope = scope
            self.splitFrom = splitFrom
        }
    }

    /// One finding, matched across assessments by rule and subject.
    public struct Finding: Sendable, Hashable, Codable {
        public var rule: String
        public var subject: String?
        public var status: ResultStatus
        public var severity: Severity
        public var action: RuleAction
        public var category: String
        public var message: String
        public var location: Location?

        /// Creates a finding.
        public init(
            rule: String, subject: String?, status: ResultStatus, severity: Severity, action: RuleAction,
            category: String, message: String, location: Location?
        ) {
            self.rule = rule
            self.subject = subject
            self.status = status
            self.severity = severity
            self.action = action
            self.category = category
            self.message = message
            self.location = location
        }

        /// Whether the finding is open, as `check` counts it: a failure, a warning or an
        /// evidence gap (unknown or error), not waived and due.
        public var isOpen: Bool { status.openRank > 0 }

        /// The rank a diff compares: fail 3, warn 2, unknown and error 1, pass and waived 0.
        public var rank: Int { status.openRank }
    }

    /// A place in an input file.
    public struct Location: Sendable, Hashable, Codable {
        public var file: String
        public var line: Int
        public var column: Int
    }

    /// A waiver and what became of it.
    public struct WaiverState: Sendable, Hashable, Codable {
        /// `applied`, `expired` or `unused`.
        public var state: String
        public var rule: String
        public var subject: String?
        public var reason: String
        public var approvedBy: String
        public var expires: String
        /// Results it waived (applied waivers only).
        public var count: Int

        /// Creates a waiver state.
        public init(
            state: String, rule: String, subject: String?, reason: String, approvedBy: String, expires: String, count: Int
        ) {
            self.state = state
            self.rule = rule
            self.subject = subject
            self.reason = reason
            self.approvedBy = approvedBy
            self.expires = expires
            self.count = count
        }
    }

    enum CodingKeys: String, CodingKey {
        case project, asOf, snapshot, recordedAt, verdict, readiness, coverage, exposure, inputs, areas, phases, findings
        case waivers
        case isStrict = "strict"
    }

    /// Creates a summary from its parts.
    public init(
        project: String?, asOf: String?, snapshot: String, recordedAt: String? = nil, verdict: Verdict,
        isStrict: Bool = false, readiness: Double, coverage: Double, exposure: Int, inputs: [InputFile],
        areas: [Area], phases: [PlannedPhase], findings: [Finding], waivers: [WaiverState]
    ) {
        self.project = project
        self.asOf = asOf
        self.snapshot = snapshot
        self.recordedAt = recordedAt
        self.verdict = verdict
        self.isStrict = isStrict
        self.readiness = readiness
        self.coverage = coverage
        self.exposure = exposure
        self.inputs = inputs
        self.areas = areas
        self.phases = phases
        self.findings = findings
        self.waivers = waivers
    }

    /// The SHA-256 of the snapshot read (empty when unknown).
    public var snapshotDigest: String {
        inputs.first { $0.kind == "snapshot" }?.sha256 ?? ""
    }

    /// One SHA-256 over the rulesets' digests, in the order they were read.
    public var rulesetsDigest: String {
        let digests = inputs.filter { $0.kind != "snapshot" }.map(\.sha256)
        return SHA256.hexDigest(Array(digests.joined(separator: "\n").utf8))
    }

    /// The open findings (fail, warn or an evidence gap; not waived, due).
    public var openFindings: [Finding] { findings.filter(\.isOpen) }
}

extension ResultStatus {
    /// How bad a result is for a diff: fail 3, warn 2, unknown and error 1, anything else 0.
    public var openRank: Int {
        switch self {
        case .fail: 3
        case .warn: 2
        case .unknown, .error: 1
        case .pass, .waived, .notApplicable, .notDue: 0
        }
    }
}

extension AssessmentSummary.Location {
    /// The place a source location names, or nil when its position is unknown.
    public init?(_ location: SourceLocation?) {
        guard let location, location.position.isKnown else { return nil }
        self.init(file: location.file, line: location.line, column: location.column)
    }
}
