import Testing

@testable import Reporting

/// The escaping each format relies on, case by case.
@Suite struct EscapingTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var id: String
        var input: String
        var expected: String
        var testDescription: String { id }
    }

    @Test(
        "XML and HTML element text",
        arguments: [
            Case(id: "markup", input: "a<b & c>d", expected: "a&lt;b &amp; c&gt;d"),
            Case(id: "quotes stay in text", input: "\"x\" 'y'", expected: "\"x\" 'y'"),
            Case(id: "newline and tab stay", input: "a\n\tb", expected: "a\n\tb"),
            Case(id: "carriage return", input: "a\r\nb", expected: "a&#13;\nb"),
            Case(id: "C0 control", input: "a\u{1}b\u{1B}c", expected: "a\u{FFFD}b\u{FFFD}c"),
            Case(id: "non-characters", input: "\u{FFFE}\u{FFFF}", expected: "\u{FFFD}\u{FFFD}"),
            Case(id: "CJK and emoji untouched", input: "数据 ✅", expected: "数据 ✅"),
        ])
    func xmlText(_ c: Case) {
        #expect(c.input.xmlEscaped == c.expected)
    }

    @Test(
        "XML and HTML attribute values",
        arguments: [
            Case(id: "quotes", input: "say \"hi\" it's", expected: "say &quot;hi&quot; it&#39;s"),
            Case(id: "whitespace survives normalisation", input: "a\nb\tc\rd", expected: "a&#10;b&#9;c&#13;d"),
            Case(id: "markup", input: "<&>", expected: "&lt;&amp;&gt;"),
        ])
    func xmlAttribute(_ c: Case) {
        #expect(c.input.xmlAttributeEscaped == c.expected)
    }

    @Test(
        "GitHub workflow command property values",
        arguments: [
            Case(id: "separators", input: "Lake Dune, North: 6", expected: "Lake Dune%2C North%3A 6"),
            Case(id: "percent first", input: "100%2C", expected: "100%252C"),
            Case(id: "line breaks", input: "a\r\nb", expected: "a%0D%0Ab"),
            Case(id: "control character", input: "a\u{7}b", expected: "a\u{FFFD}b"),
        ])
    func githubProperty(_ c: Case) {
        #expect(c.input.githubPropertyEscaped == c.expected)
    }

    @Test(
        "GitHub workflow command messages keep ':' and ','",
        arguments: [
            Case(id: "separators kept", input: "a, b: c", expected: "a, b: c"),
            Case(id: "percent and newline", input: "50%\nnext", expected: "50%25%0Anext"),
        ])
    func githubMessage(_ c: Case) {
        #expect(c.input.githubMessageEscaped == c.expected)
    }

    @Test(
        "Markdown inline text",
        arguments: [
            Case(id: "pipe", input: "a | b", expected: "a \\| b"),
            Case(id: "intraword underscore kept", input: "restore_tested", expected: "restore_tested"),
            Case(id: "emphasis underscores", input: "_x_", expected: "\\_x\\_"),
            Case(id: "asterisks and code", input: "*a* `b`", expected: "\\*a\\* \\`b\\`"),
            Case(id: "html", input: "<script>", expected: "\\<script\\>"),
            Case(id: "entity", input: "&amp; R&D", expected: "\\&amp; R\\&D"),
            Case(id: "plain ampersand", input: "A & B", expected: "A & B"),
            Case(id: "link", input: "[x](y)", expected: "\\[x\\](y)"),
            Case(id: "newlines become spaces", input: "a\r\nb\nc", expected: "a b c"),
            Case(id: "heading marker", input: "#12", expected: "\\#12"),
        ])
    func markdown(_ c: Case) {
        #expect(c.input.markdownEscaped == c.expected)
    }

    @Test(
        "Markdown code spans",
        arguments: [
            Case(id: "plain", input: "DATA-OWNER", expected: "`DATA-OWNER`"),
            Case(id: "backtick", input: "a`b", expected: "``a`b``"),
            Case(id: "leading backtick", input: "`a", expected: "`` `a ``"),
            Case(id: "pipe", input: "a|b", expected: "`a\\|b`"),
            Case(id: "newline", input: "a\nb", expected: "`a b`"),
        ])
    func markdownCode(_ c: Case) {
        #expect(c.input.markdownCode == c.expected)
    }

    @Test(
        "paths relative to the base path",
        arguments: [
            Case(id: "inside", input: "/work/p/Examples/a.yaml", expected: "Examples/a.yaml"),
            Case(id: "outside", input: "/work/q/a.yaml", expected: "../q/a.yaml"),
            Case(id: "dots", input: "/work/p/./x/../a.yaml", expected: "a.yaml"),
            Case(id: "built-in", input: "builtin:data", expected: "builtin:data"),
            Case(id: "pseudo-file", input: "<stdin>", expected: "<stdin>"),
        ])
    func relativePath(_ c: Case) {
        #expect(ReportPath.relative(c.input, to: "/work/p/") == c.expected)
    }

    @Test func uriReference() {
        #expect(ReportPath.uriReference("My Files/ü#1.yaml") == "My%20Files/%C3%BC%231.yaml")
        #expect(ReportPath.directoryURI("/work/my project") == "file:///work/my%20project/")
        #expect(ReportPath.directoryURI(".") == nil)
    }

    @Test func webLinks() {
        #expect(ReportPath.isWebLink("https://example.org/a?b=1&c=2"))
        #expect(!ReportPath.isWebLink("javascript:alert(1)"))
        #expect(!ReportPath.isWebLink("file:///etc/passwd"))
        #expect(!ReportPath.isWebLink("https://example.org/a b"))
    }

    @Test func ruleNames() {
        #expect(SARIFReporter.pascalCase("DATA-RESTORE-TESTED") == "DataRestoreTested")
        #expect(SARIFReporter.pascalCase("net_wan2") == "NetWan2")
    }

    @Test("rule-id lines in a risk-matrix cell")
    func riskMatrixLines() {
        #expect(RiskMatrixChart.lines(for: ["NET-LATENCY"], maxWidth: 88, budget: 3) == ["NET-LATENCY"])
        #expect(
            RiskMatrixChart.lines(for: ["DATA-REHEARSAL-COUNT"], maxWidth: 88, budget: 3) == [
                "DATA-REHEARSAL-", "COUNT",
            ])
        #expect(RiskMatrixChart.lines(for: ["A", "B", "C", "D"], maxWidth: 88, budget: 3) == ["A", "B", "+2"])
        #expect(RiskMatrixChart.lines(for: ["A", "B", "C"], maxWidth: 88, budget: 3) == ["A", "B", "C"])
    }

    @Test("timeline ticks: Mondays for a short plan, months for a longer one")
    func timelineTicks() {
        // 2027-03-18 is a Thursday; the next Monday is 2027-03-22.
        let start = 20_530  // 2026-03-18
        let short = PhaseTimelineChart.ticks(from: start + 365, to: start + 365 + 30)
        #expect(short.first?.label == "03-22")
        #expect(short.map(\.label) == ["03-22", "03-29", "04-05", "04-12"])
        let long = PhaseTimelineChart.ticks(from: start, to: start + 200)
        #expect(long.first?.label == "2026-04")
        #expect(long.allSatisfy { $0.label.count == 7 })
    }
}
