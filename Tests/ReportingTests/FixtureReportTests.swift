import Foundation
import Readiness
import Reporting
import Testing

/// Every format against the hand-built fixture, which has every status, a split, a deferral,
/// waivers and hostile text; the outputs are golden files.
@Suite struct FixtureReportTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var format: ReportFormat
        var language: String
        var isPortfolio: Bool
        var fileExtension: String

        var id: String { "fixture\(isPortfolio ? "-portfolio" : "")-\(language).\(fileExtension)" }
        var testDescription: String { id }
    }

    static let extensions: [ReportFormat: String] = [
        .sarif: "sarif", .junit: "xml", .github: "txt", .markdown: "md", .html: "html",
    ]

    static let cases: [Case] = {
        var cases: [Case] = []
        for format in [ReportFormat.sarif, .junit, .github, .markdown, .html] {
            let ext = extensions[format] ?? "txt"
            cases.append(Case(format: format, language: "en", isPortfolio: false, fileExtension: ext))
        }
        for format in [ReportFormat.markdown, .html] {
            cases.append(
                Case(format: format, language: "zh", isPortfolio: false, fileExtension: extensions[format] ?? "txt"))
        }
        for format in [ReportFormat.sarif, .junit, .markdown, .html] {
            cases.append(
                Case(format: format, language: "en", isPortfolio: true, fileExtension: extensions[format] ?? "txt"))
        }
        return cases
    }()

    @Test("fixture report", arguments: cases)
    func report(_ testCase: Case) throws {
        let evaluations =
            testCase.isPortfolio
            ? [EvaluationFixture.make(language: testCase.language), EvaluationFixture.makeClean()]
            : [EvaluationFixture.make(language: testCase.language)]
        let context = ReportContext.golden(language: testCase.language, basePath: ".")
        let output = try testCase.format.makeReporter().render(evaluations, context: context)
        try expectGolden(output, named: testCase.id)
    }
}
