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

extension FixtureReportTests {
    /// The JSON report writes snake-case keys (`as_of`, `split_from`, `approved_by`, `sha256`);
    /// reading it back gives what the evaluation gives: every key read finds its field.
    @Test("a JSON report reads back as the assessment it was written from")
    func jsonReportReadsBack() throws {
        let evaluation = EvaluationFixture.make()
        let context = ReportContext.golden(language: "en", basePath: ".")
        let json = try JSONReporter().render([evaluation], context: context)
        let read = try AssessmentSummary(report: Data(json.utf8), file: "report.json")
        let expected = AssessmentSummary(evaluation)
        #expect(read == expected)
        #expect(read.asOf != nil && read.phases.contains { $0.splitFrom != nil } && read.waivers.contains { !$0.approvedBy.isEmpty })
        #expect(read.inputs.allSatisfy { !$0.sha256.isEmpty } && !read.inputs.isEmpty)
    }

    @Test("a report that lacks a key is named by the key as the report spells it")
    func missingKeyIsNamedInSnakeCase() throws {
        let context = ReportContext.golden(language: "en", basePath: ".")
        let json = try JSONReporter().render([EvaluationFixture.make()], context: context)
        #expect(json.contains("\"approved_by\""))
        let broken = json.replacingOccurrences(of: "\"approved_by\"", with: "\"approver\"")
        let error = #expect(throws: ReportReadingError.self) {
            try AssessmentSummary(report: Data(broken.utf8), file: "report.json")
        }
        #expect(error?.message == "not a readable Readiness report (missing 'waivers.applied.Index 0.approved_by')")
    }
}
