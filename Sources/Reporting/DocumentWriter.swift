import Readiness

/// What the HTML and Markdown writers share: the phrasebook, the context, and how they show a
/// path, a result's place and a phase's dates.
protocol DocumentWriter {
    /// The phrases, in the report's language.
    var strings: ReportStrings { get }
    /// The version, language and base path.
    var context: ReportContext { get }
}

extension DocumentWriter {
    var language: String { context.language }

    /// A path relative to the base path.
    func path(_ file: String) -> String { ReportPath.relative(file, to: context.basePath) }

    /// `file:line:column` of a result, relative to the base path; nil when its place is unknown.
    func place(of result: RuleResult) -> String? {
        guard let location = result.knownLocation else { return nil }
        return "\(path(location.file)):\(location.line):\(location.column)"
    }

    /// `start → end`, an open side left out, `—` for neither.
    func dates(_ start: String?, _ end: String?) -> String {
        switch (start, end) {
        case (nil, nil): "—"
        case (let s?, nil): "\(s) →"
        case (nil, let e?): "→ \(e)"
        case (let s?, let e?): "\(s) → \(e)"
        }
    }
}
