public import Readiness

/// Placeholder until the GitHub reporter lands.
public struct GitHubReporter: Reporter {
    /// Creates the reporter.
    public init() {}

    /// Renders nothing yet.
    public func render(_ evaluations: [Evaluation], context: ReportContext) -> String { "" }
}
