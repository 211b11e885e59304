/// One problem found in the input: the single diagnostic type the whole tool shares.
///
/// Modelled on swift-format's `Finding` and swift-syntax's `Diagnostic`: a severity, a stable
/// code, a lowercase message, the span it is about, and notes that add context.
public struct Diagnostic: Sendable, Hashable, Error, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Hashable, Comparable, Codable {
        case note, warning, error

        private var rank: Int {
            switch self {
            case .note: 0
            case .warning: 1
            case .error: 2
            }
        }

        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    /// Additional context attached to a diagnostic, such as "did you mean 'severity'?".
    public struct Note: Sendable, Hashable {
        /// The note's text.
        public var message: String
        /// Where the note points, if anywhere.
        public var span: SourceSpan?
        /// The library setting the note asks to change (`maxInputBytes`, `asOf`), so that a front
        /// end can name it in its own terms: the command line says `--max-input-bytes`. The
        /// libraries never name a command-line flag themselves.
        public var setting: String?

        /// Creates a note.
        public init(message: String, span: SourceSpan? = nil, setting: String? = nil) {
            self.message = message
            self.span = span
            self.setting = setting
        }
    }

    /// The severity.
    public var severity: Severity
    /// A stable, dotted identifier such as `yaml.duplicate-key`.
    public var code: String
    /// What is wrong, lowercase, without a final period.
    public var message: String
    /// Where the problem is, when the input has a position for it.
    public var span: SourceSpan?
    /// Further context.
    public var notes: [Note]
    /// Whether a renderer may quote the source line at the span: false for a file that is too
    /// large to read or is not what it was meant to be (a credentials file named by `extends`),
    /// whose contents must not be echoed.
    public var quotesSource = true

    /// Creates a diagnostic.
    public init(
        severity: Severity = .error, code: String, message: String, span: SourceSpan?,
        notes: [Note] = []
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.span = span
        self.notes = notes
    }

    /// Creates an error diagnostic at a location.
    public static func error(
        _ code: String, _ message: String, at location: SourceLocation?, notes: [Note] = []
    ) -> Diagnostic {
        Diagnostic(
            severity: .error, code: code, message: message, span: location.map(SourceSpan.init),
            notes: notes)
    }

    /// The same diagnostic, marked so that no renderer quotes its file (see `quotesSource`).
    public var withoutSourceQuote: Diagnostic {
        var copy = self
        copy.quotesSource = false
        return copy
    }

    /// The diagnostic as `path:line:col: error: message [code]`, notes on following lines.
    public var description: String {
        var text = ""
        if let span { text += "\(span.start): " }
        text += "\(severity.rawValue): \(message) [\(code)]"
        for note in notes {
            text += "\n"
            if let span = note.span { text += "\(span.start): " }
            text += "note: \(note.message)"
        }
        return text
    }
}

/// An error that carries one or more diagnostics, at least one of them an error.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    /// The diagnostics, sorted by position.
    public var diagnostics: [Diagnostic]

    /// Creates the error from diagnostics, sorting them by position.
    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sortedByPosition()
    }

    /// Creates the error from one diagnostic.
    public init(_ diagnostic: Diagnostic) {
        self.diagnostics = [diagnostic]
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

extension Array where Element == Diagnostic {
    /// The diagnostics in file, line and column order; those without a span come last.
    public func sortedByPosition() -> [Diagnostic] {
        enumerated().sorted { a, b in
            switch (a.element.span, b.element.span) {
            case let (x?, y?): return x == y ? a.offset < b.offset : x < y
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a.offset < b.offset
            }
        }.map(\.element)
    }

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
