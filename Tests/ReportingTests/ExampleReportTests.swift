import Foundation
import Readiness
import Testing

@testable import Reporting

/// The three examples in `Examples/`, run through the real loader and engine with the built-in
/// rulesets, in every format; the outputs are golden files (`RECORD_GOLDEN=1` re-records them).
@Suite struct ExampleReportTests {
    static let package = goldenDirectory.deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let examples = ["mining-crm-multisite", "small-company-crm", "erp-unrehearsed-migration", "feasibility-regional-erp"]

    /// Evaluates an example as `readiness check` does (once per example and language: the
    /// results are shared by every test).
    static func evaluate(_ name: String, language: String = "en") throws -> Evaluation {
        guard let evaluation = try evaluations.get()["\(name)/\(language)"] else {
            throw EvaluationMissing(name: name, language: language)
        }
        return evaluation
    }

    struct EvaluationMissing: Error {
        var name: String
        var language: String
    }

    private static let evaluations = Result<[String: Evaluation], any Error> {
        let catalog = try RulesetLoader().load([]).catalog
        var evaluations: [String: Evaluation] = [:]
        for name in examples {
            let path = package.appendingPathComponent("Examples/\(name).yaml").path
            let snapshot = try SnapshotLoader().load(contentsOf: path)
            for language in ["en", "zh"] {
                evaluations["\(name)/\(language)"] = try Engine()
                    .evaluate(catalog, against: snapshot, options: EvaluationOptions(language: language)).evaluation
            }
        }
        return evaluations
    }

    /// The context the CLI gives, with a fixed version so a release does not touch the golden files.
    static func context(_ language: String = "en") -> ReportContext {
        ReportContext.golden(language: language, basePath: package.path)
    }

    /// The output with the machine's package path (SARIF's `%SRCROOT%`) replaced by a placeholder.
    static func portable(_ output: String) -> String {
        var output = output.replacingOccurrences(of: package.path + "/", with: "")
        guard let root = ReportPath.directoryURI(package.path) else { return output }
        output = output.replacingOccurrences(of: root, with: "file:///PACKAGE/")
        return output
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var examples: [String]
        var format: ReportFormat
        var language: String
        var name: String
        var testDescription: String { name }
    }

    static let extensions: [ReportFormat: String] = [
        .sarif: "sarif", .junit: "xml", .github: "txt", .markdown: "md", .html: "html", .text: "text", .json: "json",
    ]
    static let formats: [ReportFormat] = [.sarif, .junit, .github, .markdown, .html, .text, .json]

    static let cases: [Case] = {
        var cases: [Case] = []
        for example in examples {
            for format in formats {
                cases.append(
                    Case(
                        examples: [example], format: format, language: "en",
                        name: "\(example).\(extensions[format] ?? "txt")"))
            }
        }
        for format in [ReportFormat.markdown, .html, .text, .json] {
            cases.append(
                Case(
                    examples: ["small-company-crm"], format: format, language: "zh",
                    name: "small-company-crm-zh.\(extensions[format] ?? "txt")"))
        }
        for format in formats {
            cases.append(
                Case(
                    examples: examples, format: format, language: "en", name: "portfolio.\(extensions[format] ?? "txt")"
                ))
        }
        return cases
    }()

    @Test("example report", arguments: cases)
    func report(_ testCase: Case) throws {
        let evaluations = try testCase.examples.map { try Self.evaluate($0, language: testCase.language) }
        let output = try testCase.format.makeReporter().render(evaluations, context: Self.context(testCase.language))
        try expectGolden(Self.portable(output), named: testCase.name)
    }

    @Test("each example's SARIF names its verdict and has a result for every finding")
    func sarifResults() throws {
        for example in Self.examples {
            let evaluation = try Self.evaluate(example)
            let output = try SARIFReporter().render([evaluation], context: Self.context())
            let json = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
            let runs = try #require(json["runs"] as? [[String: Any]])
            #expect(runs.count == 1)
            let results = try #require(runs[0]["results"] as? [[String: Any]])
            #expect(results.count == evaluation.findings.count)
            let properties = try #require(runs[0]["properties"] as? [String: Any])
            let summaries = try #require(properties["readiness"] as? [[String: Any]])
            #expect(summaries.first?["verdict"] as? String == evaluation.verdict.rawValue)
        }
    }
}
