import Foundation
import Readiness
import Testing

@testable import Reporting

/// One definition of "open" across formats: a rule that only errors is an open risk (an evidence
/// gap that never lets a blocker through) in the JSON, the risk matrix, Markdown and HTML alike.
@Suite struct OpenDefinitionTests {
    static func errorsOnly() throws -> Evaluation {
        let ruleset = """
            ruleset: errors
            rules:
              - {id: ERR, title: Compares a number with text, category: data, severity: high, check: "data.count > 'ten'", action: block}
            """
        let catalog = try RulesetLoader().load(text: ruleset, file: "errors.yaml")
        let snapshot = try SnapshotLoader().load(bytes: Array("project: {name: x, as_of: '2026-01-01'}\ndata: {count: 3}\n".utf8), file: "s.yaml")
        return try Engine().evaluate(catalog, against: snapshot).evaluation
    }

    @Test("a rule that only errors is open everywhere, and blocks")
    func errorsOnlyAreOpen() throws {
        let e = try Self.errorsOnly()
        #expect(e.results.map(\.status) == [.error])
        #expect(e.verdict == .noGo)
        #expect(e.scores.exposure == 12)
        #expect(e.scores.riskMatrix[2][3] == ["ERR"])
        let context = ReportContext.golden(language: "en", basePath: "/")
        let json = try JSONReporter().render([e], context: context)
        #expect(json.contains("\"exposure\": 12"))
        #expect(json.contains("\"verdict\": \"no_go\""))
        let strings = ReportStrings(language: "en")
        let markdown = MarkdownReporter().render([e], context: context)
        #expect(!markdown.contains(strings.noOpenRisks))
        #expect(markdown.contains("`ERR`"))
        let html = HTMLReporter().render([e], context: context)
        #expect(!html.contains(strings.noOpenRisks))
        let text = TextReporter().render([e], context: context)
        #expect(text.contains("NO-GO"))
    }
}
