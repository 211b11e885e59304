import Foundation
import Readiness
import Testing

@testable import Reporting

/// `readiness diff` and `readiness history` outputs on the mining example re-assessed three
/// weeks running (Tests/HistoryTests/Fixtures), as golden files.
@Suite struct HistoryReportTests {
    static let weeks = ["mining-week1", "mining-week2", "mining-week3"]

    /// The weekly assessments, loaded under their package-relative paths, recorded a day apart.
    static let assessments = Result<[AssessmentSummary], any Error> {
        let catalog = try RulesetLoader().load([]).catalog
        return try weeks.enumerated().map { i, name in
            let file = "Tests/HistoryTests/Fixtures/\(name).yaml"
            let bytes = try [UInt8](Data(contentsOf: ExampleReportTests.package.appendingPathComponent(file)))
            let snapshot = try SnapshotLoader().load(bytes: bytes, file: file)
            var summary = AssessmentSummary(try Engine().evaluate(catalog, against: snapshot).evaluation)
            summary.recordedAt = "2027-03-0\(2 + i)T09:00:00Z"
            return summary
        }
    }

    static func context(_ language: String) -> ReportContext {
        ReportContext.golden(language: language, basePath: ExampleReportTests.package.path)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var format: ChangeFormat
        var language: String
        var name: String { "\(language == "en" ? "" : "\(language)-")\(format.rawValue)" }
        var testDescription: String { name }
        var ext: String {
            switch format {
            case .text: "txt"
            case .markdown: "md"
            default: format.rawValue
            }
        }
    }

    static let historyCases: [Case] =
        ChangeFormat.allCases.map { Case(format: $0, language: "en") } + [Case(format: .html, language: "zh"), Case(format: .text, language: "zh")]

    @Test("history", arguments: historyCases)
    func history(_ c: Case) throws {
        let output = try HistoryReporter().render(try Self.assessments.get(), format: c.format, context: Self.context(c.language))
        try expectGolden(output, named: "history\(c.language == "en" ? "" : "-\(c.language)").\(c.ext)")
    }

    static let diffCases: [Case] =
        [ChangeFormat.text, .json, .markdown, .html].map { Case(format: $0, language: "en") } + [Case(format: .html, language: "zh")]

    @Test("diff", arguments: diffCases)
    func diff(_ c: Case) throws {
        let weeks = try Self.assessments.get()
        let diff = AssessmentDiff(from: weeks[0], to: weeks[2])
        let output = try DiffReporter().render(diff, format: c.format, context: Self.context(c.language))
        try expectGolden(output, named: "diff\(c.language == "en" ? "" : "-\(c.language)").\(c.ext)")
    }

    @Test func weeklyAssessmentsChangeAsTheFixturesSay() throws {
        let weeks = try Self.assessments.get()
        let timeline = HistoryTimeline(project: weeks[0].project, assessments: weeks)
        #expect(timeline.points.count == 3)
        #expect(timeline.points[0].opened.isEmpty && timeline.points[0].closed.isEmpty)
        #expect(!timeline.points[1].closed.isEmpty)
        #expect(!timeline.points[2].opened.isEmpty)
    }

    @Test func textEscapesControlCharactersAndCSVDefusesFormulas() throws {
        var a = AssessmentSummary(
            project: "P\u{1B}[31m", asOf: "2027-01-01", snapshot: "s.yaml", verdict: .go, readiness: 1, coverage: 1,
            exposure: 0, inputs: [], areas: [], phases: [], findings: [], waivers: [])
        a.findings = [.init(rule: "R", subject: "=cmd|' /C calc'!A0", status: .fail, severity: .high, action: .warn,
                            category: "c", message: "line\nbreak, \"quoted\"", location: nil)]
        let b = AssessmentSummary(
            project: a.project, asOf: "2027-01-02", snapshot: "s.yaml", verdict: .go, readiness: 1, coverage: 1,
            exposure: 0, inputs: [], areas: [], phases: [], findings: [], waivers: [])
        let text = try DiffReporter().render(AssessmentDiff(from: b, to: a), format: .text, context: Self.context("en"))
        #expect(!text.contains("\u{1B}"))
        let csv = try DiffReporter().render(AssessmentDiff(from: b, to: a), format: .csv, context: Self.context("en"))
        #expect(csv.contains(",'=cmd|' /C calc'!A0,"))
        #expect(try !HistoryReporter().render([a, b], format: .html, context: Self.context("en")).contains("\u{1B}"))
    }
}
