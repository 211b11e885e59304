public import Readiness

/// Placeholder until the Text reporter lands.
public struct TextReporter: Reporter {
    /// Creates the reporter.
    public init() {}

    /// Renders nothing yet.
    public func render(_ evaluations: [Evaluation], context: ReportContext) -> String { "" }
}
