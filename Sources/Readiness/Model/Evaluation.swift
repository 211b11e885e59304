public import SourceDiagnostics
import StrictYAML

/// The result of one rule, or of one element of a `for_each` rule.
///
/// Kept small (a large snapshot has hundreds of thousands): the fields most results leave empty
/// live in a shared box (`RareFields`), reached as if they were stored here.
@dynamicMemberLookup
public struct RuleResult: Sendable {
    /// Index of the rule in `Evaluation.rules`.
    public var ruleIndex: Int
    public var status: ResultStatus
    /// The element's label (for `for_each` rules).
    public var subject: String?
    /// The element's position in its `for_each` list, else nil.
    public var index: Int?
    /// The rendered message (for findings only).
    public var message: String?
    /// Where the element or the fact involved stands in the snapshot.
    public var location: SourceLocation?
    /// The items this result affects, by scope kind (for failing results of rules with `affects`).
    public var affected: [AffectedItem]
    @usableFromInline var details: Details?

    /// Creates a result.
    public init(
        ruleIndex: Int, status: ResultStatus, subject: String?, index: Int?, message: String?,
        location: SourceLocation?, missingFact: String?, errorMessage: String?, affected: [AffectedItem],
        waiver: Waiver?
    ) {
        self.ruleIndex = ruleIndex
        self.status = status
        self.subject = subject
        self.index = index
        self.message = message
        self.location = location
        self.affected = affected
        if missingFact != nil || errorMessage != nil || waiver != nil {
            var fields = RareFields()
            fields.missingFact = missingFact
            fields.errorMessage = errorMessage
            fields.waiver = waiver
            details = Details(fields)
        }
    }

    /// The fields most results leave empty, read and written as if stored on the result
    /// (`result.missingFact`, `result.waiver`…).
    @inlinable
    public subscript<Field>(dynamicMember field: WritableKeyPath<RareFields, Field?>) -> Field? {
        get { details?.fields[keyPath: field] }
        set {
            var fields = details?.fields ?? RareFields()
            fields[keyPath: field] = newValue
            details = Details(fields)
        }
    }

    /// The fields most results leave empty.
    public struct RareFields: Sendable {
        /// The path of the missing fact, for `unknown` results.
        public var missingFact: String?
        /// What went wrong, for `error` results.
        public var errorMessage: String?
        /// The waiver that turned this result into `waived`.
        public var waiver: Waiver?
        /// When a `not_due` check falls due (`YYYY-MM-DD`; nil when the dates do not say).
        public var dueDate: String?

        /// No rare field set.
        @inlinable public init() {}
    }

    /// The rare fields, boxed (shared between copies, replaced whole on a change).
    @usableFromInline
    final class Details: Sendable {
        @usableFromInline let fields: RareFields

        @usableFromInline init(_ fields: RareFields) {
            self.fields = fields
        }
    }

    /// An item of a phase scope that a result affects.
    public struct AffectedItem: Sendable, Hashable, Codable {
        public var kind: String
        public var item: String
    }
}

/// Counts of results by status.
public struct StatusCounts: Sendable, Hashable, Codable {
    public var pass = 0
    public var warn = 0
    public var fail = 0
    public var notApplicable = 0
    public var unknown = 0
    public var error = 0
    public var waived = 0
    public var notDue = 0

    public init() {}

    /// Counts one result.
    public mutating func add(_ status: ResultStatus) {
        switch status {
        case .pass: pass += 1
        case .warn: warn += 1
        case .fail: fail += 1
        case .notApplicable: notApplicable += 1
        case .unknown: unknown += 1
        case .error: error += 1
        case .waived: waived += 1
        case .notDue: notDue += 1
        }
    }

    /// Adds another set of counts.
    public mutating func add(_ other: StatusCounts) {
        pass += other.pass
        warn += other.warn
        fail += other.fail
        notApplicable += other.notApplicable
        unknown += other.unknown
        error += other.error
        waived += other.waived
        notDue += other.notDue
    }

    /// The count for one status.
    public subscript(status: ResultStatus) -> Int {
        switch status {
        case .pass: pass
        case .warn: warn
        case .fail: fail
        case .notApplicable: notApplicable
        case .unknown: unknown
        case .error: error
        case .waived: waived
        case .notDue: notDue
        }
    }

    /// All results counted.
    public var total: Int { pass + warn + fail + notApplicable + unknown + error + waived + notDue }

    /// The results that judge readiness now: all but not applicable and not yet due.
    public var assessed: Int { total - notApplicable - notDue }

    /// The worst status counted, or nil when nothing was counted.
    public var worst: ResultStatus? {
        ResultStatus.allCases.filter { self[$0] > 0 }.max { $0.severityRank < $1.severityRank }
    }
}

/// One rule's summary in an evaluation.
public struct RuleSummary: Sendable {
    public var rule: Rule
    public var counts: StatusCounts
    /// The rule's overall status: the worst of its results (not_applicable when it has none).
    public var status: ResultStatus { counts.worst ?? .notApplicable }
    /// Whether the rule is an open risk: a failure or warning that is not waived, or an
    /// evidence gap (unknown or error) — the one definition of open the verdict uses too.
    public var isOpen: Bool { counts.fail > 0 || counts.warn > 0 || counts.unknown > 0 || counts.error > 0 }
}

/// Readiness scores (see docs/scoring.md).
public struct Scores: Sendable {
    /// Readiness and evidence coverage of one category, or of the whole project.
    public struct Area: Sendable, Hashable, Codable {
        public var name: String
        /// 0–100: the severity-weighted mean of the rules' credit.
        public var readiness: Double
        /// 0–100: the share of applicable results that are not `unknown`.
        public var coverage: Double
        public var counts: StatusCounts
        /// The risk exposure of this area's open failures (sum of likelihood × impact).
        public var exposure: Int
        /// The area's state from its open findings (the headline; `readiness` is the share of
        /// checks passed, a secondary figure).
        public var status: ReadinessStatus = .green

        /// Whether any check was judged (due and applicable); when none was, the percentages
        /// say nothing and reports show "—" instead.
        public var isAssessed: Bool { counts.assessed > 0 }
    }

    public var overall: Area
    public var categories: [Area]
    /// `matrix[likelihood-1][impact-1]`: the ids of rules with open failures in each cell.
    public var riskMatrix: [[[String]]]
    /// The sum of likelihood × impact over rules with open failures.
    public var exposure: Int
}

/// Why a phase or the project got its decision: a finding, summarised.
public struct Reason: Sendable, Hashable, Codable {
    public var rule: String
    public var subject: String?
    public var status: ResultStatus
    public var action: RuleAction
    public var message: String
    /// For an evidence gap: the fact to collect.
    public var missingFact: String? = nil
    /// For an evidence gap: the day the evidence is due (`YYYY-MM-DD`); after it, the gap acts
    /// like a failure.
    public var collectBy: String? = nil

    /// Whether the finding is an evidence gap (unknown or error) rather than a failure.
    public var isEvidenceGap: Bool { status.isEvidenceGap }
}

/// Work that would clear a blocker, from a deferring or blocking rule's recommendation.
public struct Prerequisite: Sendable, Hashable, Codable {
    public var rule: String
    public var subjects: [String]
    public var action: RuleAction
    public var recommendation: String
    /// The lead time the rule declares for the work (days), when it does.
    public var leadTimeDays: Int? = nil
    /// The earliest day the work can be done, counted from the evaluation date.
    public var earliestDone: String? = nil
}

/// The phase plan before and after the recommended splits and deferrals.
public struct PhasePlan: Sendable {
    /// One phase's decision.
    public struct PlannedPhase: Sendable, Hashable {
        public var name: String
        public var start: String?
        public var end: String?
        public var decision: Verdict
        /// The scope that stays in this phase.
        public var scope: [Phase.ScopeEntry]
        /// Items moved out to the follow-on phase, with why.
        public var moved: [MovedItem]
        /// The follow-on phase that receives the moved items, if any.
        public var followOn: String?
        /// The phase this one was split from, for a follow-on phase.
        public var splitFrom: String?
        public var dependsOn: [String]
        /// Why the phase is deferred (own findings, or a deferred phase it depends on).
        public var deferredBecause: [Reason]
        /// Phases it depends on that are deferred.
        public var deferredDependencies: [String]
        /// Conditions to meet (open mitigate/warn findings affecting this phase, and evidence to
        /// collect before its deadline).
        public var conditions: [Reason]
        /// The phase's state (red, amber, green, grey), from the same findings as its decision.
        public var status: ReadinessStatus = .green
        /// Phases it depends on that were split, whose follow-ons end after this phase starts.
        public var conflicts: [PlanConflict] = []
        /// Waivers keeping a finding out of this phase that expire before the phase ends.
        public var expiringWaivers: [ExpiringWaiver] = []
        /// Whether every site (or every module) of the phase moved out, so the phase is deferred
        /// rather than going live empty.
        public var isEmptied: Bool = false

        /// Whether the phase is deferred or blocked.
        public var isHeldBack: Bool { decision == .defer || decision == .noGo }
    }

    /// An item moved out of a phase.
    public struct MovedItem: Sendable, Hashable, Codable {
        public var kind: String
        public var item: String
        public var because: [Reason]
    }

    /// The phases as the snapshot gives them.
    public var original: [Phase]
    /// The phases after the plan: each original phase, followed by its follow-on when split.
    public var planned: [PlannedPhase]
    /// Findings that apply to the project as a whole.
    public var projectWide: [Reason]
    /// Affected items that no phase's scope lists (so they apply to the project as a whole).
    public var unplacedItems: [RuleResult.AffectedItem]
    /// What would clear each deferral or block.
    public var prerequisites: [Prerequisite]
}

/// What became of the waivers.
public struct WaiverReport: Sendable {
    /// Waivers that turned at least one failure into `waived`, with how many.
    public var applied: [(waiver: Waiver, count: Int)]
    /// Waivers past their expiry date: not honoured.
    public var expired: [Waiver]
    /// Active waivers that matched no failing result.
    public var unused: [Waiver]
}

/// An input file and its digest, so a report can be traced to exactly what it judged.
public struct InputFile: Sendable, Hashable, Codable {
    public var path: String
    public var kind: String
    public var sha256: String
}

/// The full evaluation of one snapshot: results, scores, verdict and plan.
public struct Evaluation: Sendable {
    public var snapshot: Snapshot
    /// The evaluation date, `YYYY-MM-DD`.
    public var asOf: String
    /// The report language.
    public var language: String
    /// Whether unknowns counted as failures for the gate.
    public var isStrict: Bool
    public var rules: [RuleSummary]
    /// Every result, rule by rule (passes included).
    public var results: [RuleResult] {
        didSet { knownFindingIndices = nil }
    }
    public var scores: Scores
    public var verdict: Verdict
    /// The open findings that decided the verdict (those calling for it).
    public var decidedBy: [Reason]
    public var plan: PhasePlan
    public var waivers: WaiverReport
    /// The parameters in force, with their final values.
    public var parameters: [Parameter]
    /// The rulesets and snapshot read.
    public var inputs: [InputFile]
    /// The client's calibration of rules in force (the rulesets' overrides, then the
    /// snapshot's), each with what it changed and why.
    public var overrides: [RuleOverride] = []
    /// Checks not yet due on the evaluation date: planned work with their due dates.
    public var plannedWork: [PlannedCheck] = []
    /// The indices of the results not yet due, in order.
    public internal(set) var notDueIndices: [Int] = []
    /// The project's dates as the decision read them.
    public internal(set) var calendar: ProjectCalendar?
    /// The project's state: the verdict's status, grey when too little is evidenced.
    public var status: ReadinessStatus = .green
    /// What it takes to clear each open finding, by index into `results` (empty when the
    /// evaluation was asked not to work it out).
    public var whatItTakes: [Int: WhatItTakes] = [:]
    /// Display names of categories, from the titles of the rulesets named like them.
    public var categoryTitles: [String: LocalizedText] = [:]
    /// Warnings about this evaluation's inputs (a key no rule reads, a waiver of an unknown
    /// rule, no evaluation date): shown in the reports, since each may change the answer.
    public var inputWarnings: [Diagnostic] = []
    /// The indices of the findings, as the engine noted them while judging; any change to
    /// `results` drops them.
    var knownFindingIndices: [Int]?

    /// The indices of the results that are findings (neither pass nor not applicable), in
    /// order: noted while judging, so a report or a decision need not read 200,000 results to
    /// find 30,000 findings.
    public var findingIndices: [Int] {
        if let knownFindingIndices { return knownFindingIndices }
        return results.withUnsafeBufferPointer { buffer in buffer.indices.filter { buffer[$0].status.isFinding } }
    }

    /// The stage of the project on the evaluation date: a feasibility check or a delivery review.
    public var stage: ProjectStage { calendar?.stage ?? .delivery }

    /// A category's name in the report language (its ruleset's title, else the name itself).
    public func categoryTitle(_ category: String) -> String {
        categoryTitles[category]?.resolved(language) ?? category
    }

    /// Results that are findings (neither pass nor not applicable).
    public var findings: [RuleResult] { findingIndices.map { results[$0] } }

    /// The rule of a result.
    public func rule(of result: RuleResult) -> Rule { rules[result.ruleIndex].rule }
}
