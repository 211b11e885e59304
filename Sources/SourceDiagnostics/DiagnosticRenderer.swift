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
        var texts: [String: SourceText?] = [:]
        return render(diagnostic, texts: &texts)
    }

    /// One diagnostic, each file's text read once for all of them (`texts`).
    private func render(_ diagnostic: Diagnostic, texts: inout [String: SourceText?]) -> String {
        var out = ""
        if let span = diagnostic.span { out += "\(span.start)".terminalEscaped + ": " }
        out += "\(diagnostic.severity.rawValue): \(diagnostic.message.terminalEscaped) [\(diagnostic.code)]\n"
        if diagnostic.quotesSource, let span = diagnostic.span, span.start.position.isKnown,
            let text = text(of: span.file, cache: &texts),
            let line = Self.line(span.start.line, of: text)
        {
            out += "  " + line.text + "\n"
            let caretColumn = max(1, span.start.column)
            out += "  " + String(line.marker(before: caretColumn - 1)) + "^\n"
        }
        for note in diagnostic.notes {
            if let span = note.span { out += "\(span.start)".terminalEscaped + ": " }
            out += "note: \(note.message.terminalEscaped)\n"
        }
        return out
    }

    /// A file's text, read once (`cache` remembers unreadable files too).
    private func text(of file: String, cache: inout [String: SourceText?]) -> SourceText? {
        if let known = cache[file] { return known }
        let read = sourceText(file).map(SourceText.init)
        cache[file] = .some(read)
        return read
    }

    /// The rendered text of several diagnostics.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        var texts: [String: SourceText?] = [:]
        return diagnostics.map { render($0, texts: &texts) }.joined()
    }

    /// A source line as quoted under a diagnostic: its first 300 scalars, each control or bidi
    /// character shown as its escape (so nothing is echoed raw to a terminal), and the width of
    /// each scalar as shown, for placing the caret.
    struct QuotedLine {
        /// The line as printed.
        var text = ""
        /// For each scalar of the source line, how it is shown (tab stays a tab, an escape
        /// takes its length in spaces).
        var widths: [Int] = []

        /// The spaces (and tabs) that put a caret under the scalar at `column` (0-based).
        func marker(before column: Int) -> String {
            var marker = ""
            for width in widths.prefix(column) {
                marker += width < 0 ? "\t" : String(repeating: " ", count: width)
            }
            return marker
        }
    }

    static func line(_ number: Int, of text: SourceText) -> QuotedLine? {
        guard var range = text.byteRange(ofLine: number) else { return nil }
        if range.upperBound > range.lowerBound, text.bytes[range.upperBound - 1] == UInt8(ascii: "\r") {
            range = range.lowerBound..<(range.upperBound - 1)
        }
        let trimmed = String(decoding: text.bytes[range], as: UTF8.self)
        var quoted = QuotedLine()
        for scalar in trimmed.unicodeScalars.prefix(300) {
            if scalar == "\t" {
                quoted.text += "\t"
                quoted.widths.append(-1)
            } else {
                let shown = String(scalar).terminalEscaped
                quoted.text += shown
                quoted.widths.append(shown.unicodeScalars.count)
            }
        }
        if trimmed.unicodeScalars.count > 300 { quoted.text += "…" }
        if quoted.text.drop(while: { $0 == " " }).hasPrefix("::") {
            quoted.text = quoted.text.terminalEscaped
        }
        return quoted
    }
}
