/// How serious a rule's failure is.
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case info, low, medium, high, critical

    /// 1 (info) to 5 (critical).
    public var rank: Int {
        switch self {
        case .info: 1
        case .low: 2
        case .medium: 3
        case .high: 4
        case .critical: 5
        }
    }

    /// The weight of a rule of this severity in the readiness scores (see docs/scoring.md).
    public var weight: Double {
        switch self {
        case .info: 1
        case .low: 2
        case .medium: 3
        case .high: 5
        case .critical: 8
        }
    }

    /// The likelihood (1–5) assumed when a rule gives none.
    public var defaultLikelihood: Int {
        switch self {
        case .info: 1
        case .low: 2
        case .medium: 3
        case .high: 3
        case .critical: 4
        }
    }

    /// The impact (1–5) assumed when a rule gives none.
    public var defaultImpact: Int { rank }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// What a consultant recommends when a rule fails, from the mildest to the most severe.
public enum RuleAction: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case warn, mitigate, split, `defer`, block

    /// 1 (warn) to 5 (block).
    public var rank: Int {
        switch self {
        case .warn: 1
        case .mitigate: 2
        case .split: 3
        case .defer: 4
        case .block: 5
        }
    }

    public static func < (a: RuleAction, b: RuleAction) -> Bool { a.rank < b.rank }
}

/// How one rule, or one element of a `for_each` rule, ended.
public enum ResultStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case pass, warn, fail
    case notApplicable = "not_applicable"
    case unknown, error, waived
    /// Not yet due on the evaluation date (a rule's `due:`): planned work, neither pass nor fail.
    case notDue = "not_due"

    /// Precedence when several results are summarised as one (the worst wins):
    /// error > fail > unknown > warn > waived > pass > not_due > not_applicable.
    public var severityRank: Int {
        switch self {
        case .notApplicable: 0
        case .notDue: 1
        case .pass: 2
        case .waived: 3
        case .warn: 4
        case .unknown: 5
        case .fail: 6
        case .error: 7
        }
    }

    /// The credit a result earns in the readiness score (nil: not counted).
    public var credit: Double? {
        switch self {
        case .pass, .waived: 1
        case .warn: 0.5
        case .fail, .unknown, .error: 0
        case .notApplicable, .notDue: nil
        }
    }

    /// Whether this result is reported as a finding (everything but pass, not applicable and
    /// not yet due).
    public var isFinding: Bool { self != .pass && self != .notApplicable && self != .notDue }

    /// Whether the result says the rule could not be judged on the facts given (a fact missing,
    /// or the rule failing to evaluate): an evidence gap, never a pass.
    public var isEvidenceGap: Bool { self == .unknown || self == .error }
}

/// The decision for the project, or for one phase, from the best to the worst.
public enum Verdict: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case go
    case goWithConditions = "go_with_conditions"
    case split
    case `defer`
    case noGo = "no_go"

    /// 0 (go) to 4 (no_go).
    public var rank: Int {
        switch self {
        case .go: 0
        case .goWithConditions: 1
        case .split: 2
        case .defer: 3
        case .noGo: 4
        }
    }

    public static func < (a: Verdict, b: Verdict) -> Bool { a.rank < b.rank }

    /// The verdict an open failure of a rule with this action calls for.
    public init(action: RuleAction) {
        switch action {
        case .warn, .mitigate: self = .goWithConditions
        case .split: self = .split
        case .defer: self = .defer
        case .block: self = .noGo
        }
    }
}
