import Readiness

/// How loudly a finding is reported in CI formats (SARIF `level`, GitHub annotation command).
///
/// The rule's severity decides (critical and high are errors, medium a warning, low and info a
/// note); a `warn` outcome is at most a warning, and so is an `unknown` unless the run is strict
/// (when unknowns count as failures for the gate). An `error` result (the rule could not be
/// evaluated) is always an error.
enum ReportLevel: String, Sendable, Comparable {
    case note, warning, error

    /// The level a severity calls for.
    init(_ severity: Severity) {
        switch severity {
        case .critical, .high: self = .error
        case .medium: self = .warning
        case .low, .info: self = .note
        }
    }

    /// The level of one finding.
    init(status: ResultStatus, severity: Severity, isStrict: Bool) {
        let base = ReportLevel(severity)
        switch status {
        case .error: self = .error
        case .warn: self = min(base, .warning)
        case .unknown: self = isStrict ? base : min(base, .warning)
        default: self = base
        }
    }

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    static func < (a: ReportLevel, b: ReportLevel) -> Bool { a.rank < b.rank }

    /// The GitHub Actions workflow command for this level.
    var githubCommand: String {
        switch self {
        case .note: "notice"
        case .warning: "warning"
        case .error: "error"
        }
    }
}
