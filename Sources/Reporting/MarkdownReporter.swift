public import Readiness

/// Placeholder until the Markdown reporter lands.
public struct MarkdownReporter: Reporter {
    /// Creates the reporter.
    public init() {}

    /// Renders nothing yet.
    public func render(_ evaluations: [Evaluation], context: ReportContext) -> String { "" }
}
