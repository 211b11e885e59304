public import Readiness

/// Placeholder until the HTML reporter lands.
public struct HTMLReporter: Reporter {
    /// Creates the reporter.
    public init() {}

    /// Renders nothing yet.
    public func render(_ evaluations: [Evaluation], context: ReportContext) -> String { "" }
}
