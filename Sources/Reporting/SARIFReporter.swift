public import Readiness

/// Placeholder until the SARIF reporter lands.
public struct SARIFReporter: Reporter {
    /// Creates the reporter.
    public init() {}

    /// Renders nothing yet.
    public func render(_ evaluations: [Evaluation], context: ReportContext) -> String { "" }
}
