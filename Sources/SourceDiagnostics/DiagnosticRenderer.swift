/// Renders diagnostics for a terminal: `path:line:col: error: message [code]`, then the source
/// line and a caret under the column, like Yams' `YamlError` and cel-go's `ToDisplayString`.
public struct DiagnosticRenderer: Sendable {
    /// Looks up the text of a file by path, so the renderer can quote the offending line.
    public var sourceText: @Sendable (String) -> String?

    /// Creates a renderer; `sourceText` returns a file's text, or nil when it cannot be read.
    public init(sourceText: @escaping @Sendable (String) -> String? = { _ in nil }) {
        self.sourceText = sourceText
    }

    /// The rendered text of one diagnostic, ending in a newline.
    public func render(_ diagnostic: Diagnostic) -> String {
        var out = ""
        if let span = diagnostic.span { out += "\(span.start): " }
        out += "\(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.code)]\n"
        if let span = diagnostic.span, span.start.position.isKnown,
            let text = sourceText(span.file),
            let line = Self.line(span.start.line, of: text)
        {
            out += "  " + line + "\n"
            let caretColumn = max(1, span.start.column)
            var marker = ""
            for (i, scalar) in line.unicodeScalars.enumerated() where i < caretColumn - 1 {
                marker.unicodeScalars.append(scalar == "\t" ? "\t" : " ")
            }
            out += "  " + marker + "^\n"
        }
        for note in diagnostic.notes {
            if let span = note.span { out += "\(span.start): " }
            out += "note: \(note.message)\n"
        }
        return out
    }

    /// The rendered text of several diagnostics.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(render).joined()
    }

    static func line(_ number: Int, of text: String) -> String? {
        guard number >= 1 else { return nil }
        var current = 1
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == number {
                let trimmed = line.hasSuffix("\r") ? line.dropLast() : line
                // Control characters (NUL, escapes) are never echoed to a terminal.
                var clean = String.UnicodeScalarView()
                for scalar in trimmed.unicodeScalars.prefix(300) {
                    clean.append(scalar.value < 0x20 && scalar != "\t" || scalar.value == 0x7F ? "\u{FFFD}" : scalar)
                }
                return trimmed.unicodeScalars.count > 300 ? String(clean) + "…" : String(clean)
            }
            current += 1
        }
        return nil
    }
}
