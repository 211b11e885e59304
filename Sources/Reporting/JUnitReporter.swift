public import Readiness

/// Placeholder until the JUnit reporter lands.
public struct JUnitReporter: Reporter {
    /// Creates the reporter.
    public init() {}

    /// Renders nothing yet.
    public func render(_ evaluations: [Evaluation], context: ReportContext) -> String { "" }
}
