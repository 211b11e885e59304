import SourceDiagnostics
import Testing

/// The quoted source line under a diagnostic: found without splitting the whole file, cleaned of
/// control characters, and read once per file however many diagnostics point into it.
@Suite struct DiagnosticRendererTests {
    static let text = "first\r\nsecond: \u{1B}[31mred\n\nfourth é\nlast without newline"

    @Test(
        "the quoted line and its caret",
        arguments: [
            (1, 1, "  first\n  ^\n"), (2, 3, "  second: \\x1b[31mred\n    ^\n"), (3, 1, "  \n  ^\n"),
            (4, 8, "  fourth é\n         ^\n"), (5, 6, "  last without newline\n       ^\n"), (6, 1, ""),
        ])
    func quotedLine(line: Int, column: Int, expected: String) {
        let renderer = DiagnosticRenderer(sourceText: { _ in Self.text })
        let diagnostic = Self.warning("message", line: line, column: column)
        let rendered = renderer.render(diagnostic)
        #expect(rendered == "f.yaml:\(line):\(column): warning: message [w]\n" + expected)
    }

    @Test("a file is read once for all the diagnostics that point into it")
    func readsOnce() {
        let reads = Counter()
        let renderer = DiagnosticRenderer(sourceText: { _ in
            reads.increment()
            return Self.text
        })
        let diagnostics = (1...5).map { Self.warning("m", line: $0, column: 1) }
        let rendered = renderer.render(diagnostics)
        #expect(rendered.components(separatedBy: "^\n").count == 6)
        #expect(reads.value == 1)
    }

    static func warning(_ message: String, line: Int, column: Int) -> Diagnostic {
        Diagnostic(
            severity: .warning, code: "w", message: message,
            span: SourceSpan(SourceLocation(file: "f.yaml", line: line, column: column)))
    }

    final class Counter: @unchecked Sendable {
        private(set) var value = 0
        func increment() { value += 1 }
    }
}
