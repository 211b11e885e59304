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
        var texts: [String: String?] = [:]
        return render(diagnostic, texts: &texts)
    }

    /// One diagnostic, each file's text read once for all of them (`texts`).
    private func render(_ diagnostic: Diagnostic, texts: inout [String: String?]) -> String {
        var out = ""
        if let span = diagnostic.span { out += "\(span.start): " }
        out += "\(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.code)]\n"
        if let span = diagnostic.span, span.start.position.isKnown,
            let text = text(of: span.file, cache: &texts),
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

    /// A file's text, read once (`cache` remembers unreadable files too).
    private func text(of file: String, cache: inout [String: String?]) -> String? {
        if let known = cache[file] { return known }
        let read = sourceText(file)
        cache[file] = .some(read)
        return read
    }

    /// The rendered text of several diagnostics.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        var texts: [String: String?] = [:]
        return diagnostics.map { render($0, texts: &texts) }.joined()
    }

    static func line(_ number: Int, of text: String) -> String? {
        guard number >= 1 else { return nil }
        // Walks to the line's start and end, without splitting the whole text.
        let utf8 = text.utf8
        var start = utf8.startIndex
        for _ in 1..<number {
            guard let newline = utf8[start...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            start = utf8.index(after: newline)
        }
        let end = utf8[start...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
        let line = text[start..<end]
        let trimmed = line.hasSuffix("\r") ? line.dropLast() : line
        // Control characters (NUL, escapes) are never echoed to a terminal.
        var clean = String.UnicodeScalarView()
        for scalar in trimmed.unicodeScalars.prefix(300) {
            clean.append(scalar.value < 0x20 && scalar != "\t" || scalar.value == 0x7F ? "\u{FFFD}" : scalar)
        }
        return trimmed.unicodeScalars.count > 300 ? String(clean) + "…" : String(clean)
    }
}
