import Foundation
import Readiness
import SourceDiagnostics
import Testing

@testable import Reporting

/// Strings from input are made safe for where they land: terminals and CI logs (control
/// characters, workflow commands), HTML (bidi isolation) and SARIF (links in message text).
@Suite struct OutputSafetyTests {
    /// Input and its terminal-escaped form, one pair per kind of character.
    static let terminalPairs: [[String]] = [
        ["a\u{1B}[2Jb", "a\\x1b[2Jb"],  // escape sequence
        ["a\r\nb", "a\\r\\nb"],  // newline and return
        ["\u{0}\u{7}\u{7F}", "\\x00\\x07\\x7f"],  // NUL, BEL, DEL
        ["a\u{9B}b", "a\\u{009B}b"],  // C1 control
        ["a\u{202E}b\u{2066}c\u{200F}", "a\\u{202E}b\\u{2066}c\\u{200F}"],  // bidi override
        ["::add-mask::x", "\\x3a:add-mask::x"],  // workflow command at the start
        ["  ::error::x", "  \\x3a:error::x"],  // workflow command after spaces
        ["a\n::error::x", "a\\n::error::x"],  // workflow command after a newline
        ["x ##[error]y", "x \\x23#[error]y"],  // old-style command anywhere
        ["a::b", "a::b"],  // a colon pair inside stays
        ["数据\t✅", "数据\t✅"],  // tab and CJK stay
    ]

    @Test("terminal escaping: controls, bidi controls, workflow-command prefixes")
    func terminal() {
        for pair in Self.terminalPairs {
            #expect(pair[0].terminalEscaped == pair[1])
        }
    }

    @Test("SARIF message text escapes brackets so that input never becomes a link")
    func sarifText() {
        #expect("see [click](https://evil.example)".sarifTextEscaped == "see \\[click\\](https://evil.example)")
        #expect("a\\[b".sarifTextEscaped == "a\\\\\\[b")
        #expect("a\u{202E}b".sarifTextEscaped == "a\\u{202E}b")
    }

    @Test("HTML isolates bidi controls in <bdi>; other formats show them as escapes")
    func bidi() {
        #expect("a\u{202E}b<".htmlEscaped == "<bdi>a\u{202E}b&lt;</bdi>")
        #expect("plain".htmlEscaped == "plain")
        #expect("a\u{202E}b".xmlEscaped == "a\\u{202E}b")
        #expect("a\u{202E}b".xmlAttributeEscaped == "a\\u{202E}b")
        #expect("a\u{202E}b".markdownEscaped == "a\\\\u{202E}b")
        #expect("a\u{202E}b".githubMessageEscaped == "a\\u{202E}b")
    }

    @Test("diagnostics escape the file name, the message and the quoted line, and keep the caret in place")
    func diagnostics() {
        let file = "evil\u{1B}]0;x\u{7}.yaml"
        let diagnostic = Diagnostic.error(
            "test.code", "unknown key 'a\u{1B}[2J\n::error::forged'",
            at: SourceLocation(file: file, line: 1, column: 6))
        let renderer = DiagnosticRenderer(sourceText: { _ in "\u{1B}[31m: x\n" })
        let text = renderer.render(diagnostic)
        #expect(!text.unicodeScalars.contains("\u{1B}"))
        #expect(!text.unicodeScalars.contains("\u{7}"))
        #expect(text.split(separator: "\n").allSatisfy { !$0.hasPrefix("::") })
        #expect(text.contains("evil\\x1b]0;x\\x07.yaml:1:6: error: unknown key 'a\\x1b[2J\\n::error::forged'"))
        // The caret sits under the ':' after the escaped ESC (four characters wide) and "[31m".
        #expect(text.contains("  \\x1b[31m: x\n  " + String(repeating: " ", count: 8) + "^\n"))
    }

    @Test("a diagnostic that must not quote its file shows no source line")
    func noQuote() {
        var diagnostic = Diagnostic.error("x", "not a ruleset", at: SourceLocation(file: "f", line: 1, column: 1))
        diagnostic.quotesSource = false
        let text = DiagnosticRenderer(sourceText: { _ in "secret: hunter2\n" }).render(diagnostic)
        #expect(!text.contains("hunter2"))
    }

    /// The corpus snapshot whose names carry escapes, workflow commands, bidi overrides and a
    /// Markdown link, evaluated with the built-in rules.
    static let hostile = Result<Evaluation, any Error> {
        let catalog = try RulesetLoader().load([]).catalog
        let snapshot = try SnapshotLoader().load(contentsOf: Corpus.path("snapshots/hostile-names.yaml"))
        return try Engine().evaluate(catalog, against: snapshot, options: EvaluationOptions()).evaluation
    }

    @Test("the text report of a hostile snapshot holds no control character, bidi control or workflow command")
    func textReport() throws {
        let evaluation = try Self.hostile.get()
        for usesColor in [false, true] {
            var context = ReportContext()
            context.usesColor = usesColor
            let text = TextReporter(findingsPerRule: 100).render([evaluation], context: context)
            #expect(text.contains("Shanghai\\x1b]0;pwned\\x07"))
            let controls = text.unicodeScalars.filter {
                ($0.value < 0x20 && $0 != "\n" && $0 != "\u{1B}") || $0.isBidiControl
            }
            #expect(controls.isEmpty)
            if !usesColor { #expect(!text.unicodeScalars.contains("\u{1B}")) }
            #expect(!text.contains("##["))
            for line in text.split(separator: "\n") {
                #expect(!line.drop(while: { $0 == " " }).hasPrefix("::"), "\(line)")
            }
        }
    }

    @Test("HTML isolates the hostile names, SARIF escapes their links, GitHub keeps to one line per command")
    func otherReports() throws {
        let evaluation = try Self.hostile.get()
        let html = HTMLReporter().render([evaluation], context: ReportContext())
        #expect(html.contains("<bdi>"))
        let sarif = try SARIFReporter().render([evaluation], context: ReportContext())
        #expect(!sarif.contains("[click](https://evil.example)"))
        let github = GitHubReporter().render([evaluation], context: ReportContext())
        for line in github.split(separator: "\n") {
            #expect(line.hasPrefix("::"))
            #expect(!line.unicodeScalars.contains { $0.isBidiControl })
        }
        let markdown = MarkdownReporter().render([evaluation], context: ReportContext())
        #expect(!markdown.unicodeScalars.contains { $0.isBidiControl })
    }
}
