public import Readiness

/// The output formats of `readiness check`.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, sarif, junit, github, gitlab, markdown, html

    /// The reporter for this format.
    public func makeReporter() -> any Reporter {
        switch self {
        case .text: TextReporter()
        case .json: JSONReporter()
        case .sarif: SARIFReporter()
        case .junit: JUnitReporter()
        case .github: GitHubReporter()
        case .gitlab: GitLabReporter()
        case .markdown: MarkdownReporter()
        case .html: HTMLReporter()
        }
    }
}

/// What every reporter is told besides the evaluations: version, language, paths, colour.
///
/// Reports never read the clock: the same inputs give byte-identical output.
///
/// Every report needs a language and a base path; the settings one format reads (colour for
/// `text`, `junitWarn` for `junit`) and the version are set by name.
public struct ReportContext: Sendable {
    /// The report language (`en` or `zh`).
    public var language: String
    /// The directory that paths in the report are made relative to (SARIF's `%SRCROOT%`).
    public var basePath: String
    /// The tool's version, as reports print it.
    public var toolVersion = ReadinessVersion.current
    /// Whether to colour terminal output.
    public var usesColor = false
    /// How JUnit reports a `warn`: as a failure, or as a passed test with the finding in its
    /// `system-out`.
    public var junitWarn = JUnitWarnMapping.failure

    /// Creates a context for a language, with paths relative to `basePath`.
    public init(language: String = "en", basePath: String = ".") {
        self.language = language
        self.basePath = basePath
    }
}

/// Renders evaluations in one format.
///
/// `evaluations` holds one entry per snapshot, in argument order; when there are several, the
/// report covers the portfolio (see `Portfolio`).
public protocol Reporter: Sendable {
    /// The whole report as text.
    ///
    /// - Throws: `DiagnosticError` when the report cannot be written (a JSON form that cannot
    ///   be encoded), never a partial report in its place.
    func render(_ evaluations: [Evaluation], context: ReportContext) throws -> String

    /// The whole report as pieces to write in order (by default, the text as one piece).
    func renderPieces(_ evaluations: [Evaluation], context: ReportContext) throws -> RenderedReport
}

/// A reporter that writes its report as pieces (large parts rendered on all cores, kept as
/// separate buffers); its text is the pieces joined. It implements `renderPieces` and takes
/// `render` from here.
public protocol PieceRenderingReporter: Reporter {}

extension PieceRenderingReporter {
    /// The whole report as text: the pieces joined.
    public func render(_ evaluations: [Evaluation], context: ReportContext) throws -> String {
        try renderPieces(evaluations, context: context).text
    }
}

extension Reporter {
    public func renderPieces(_ evaluations: [Evaluation], context: ReportContext) throws -> RenderedReport {
        RenderedReport(try render(evaluations, context: context))
    }
}
