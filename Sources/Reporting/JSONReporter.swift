public import Readiness

/// Placeholder until the JSON reporter lands.
public struct JSONReporter: Reporter {
    /// Creates the reporter.
    public init() {}

    /// Renders nothing yet.
    public func render(_ evaluations: [Evaluation], context: ReportContext) -> String { "" }
}
