/// The state of an area, a phase or the project, derived from the same open findings as the
/// verdict (docs/scoring.md): the headline of every report.
public enum ReadinessStatus: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// All evidenced and passing.
    case green
    /// Conditions to meet, or evidence still to collect.
    case amber
    /// Not assessed: too little of the evidence the rules read was given (under 50% coverage),
    /// and no failure the evidence shows.
    case grey
    /// A finding that splits, defers or blocks.
    case red

    /// 0 (green) to 3 (red).
    public var rank: Int {
        switch self {
        case .green: 0
        case .amber: 1
        case .grey: 2
        case .red: 3
        }
    }

    public static func < (a: ReadinessStatus, b: ReadinessStatus) -> Bool { a.rank < b.rank }

    /// The evidence coverage (percent) under which an area or the project is not assessed.
    public static let assessedCoverage = 50.0

    /// The status of a decision, before coverage is considered.
    public init(_ verdict: Verdict) {
        switch verdict {
        case .go: self = .green
        case .goWithConditions: self = .amber
        case .split, .defer, .noGo: self = .red
        }
    }

    /// Under the coverage threshold a status turns grey (not assessed), unless it is red because
    /// of a failure the evidence shows: red from missing evidence alone is "not assessed" too.
    public func assessed(coverage: Double, isFailure: Bool) -> ReadinessStatus {
        guard coverage < Self.assessedCoverage else { return self }
        return self == .red && isFailure ? .red : .grey
    }
}

/// A check that is not yet due on the evaluation date (its rule's `due:`): planned work.
public struct PlannedCheck: Sendable, Hashable, Codable {
    public var rule: String
    public var subject: String?
    /// When it falls due (`YYYY-MM-DD`), when the dates say.
    public var due: String?
    /// What the check asks for: the rule's title.
    public var title: String
    /// What it would find today (fail, warn, unknown, error): the work still to do.
    public var currentStatus: ResultStatus
}

/// A phase that starts before a follow-on it depends on can deliver what it needs.
public struct PlanConflict: Sendable, Hashable, Codable {
    /// The phase it depends on, which was split.
    public var dependsOn: String
    /// The follow-on that holds the moved items.
    public var followOn: String
    /// The items moved there.
    public var items: [String]
    /// When the follow-on goes live (`YYYY-MM-DD`), when known.
    public var followOnStart: String?
}

/// A waiver that keeps a finding out of a phase but expires before that phase ends.
public struct ExpiringWaiver: Sendable, Hashable, Codable {
    public var rule: String
    public var subject: String?
    public var expires: String
}
