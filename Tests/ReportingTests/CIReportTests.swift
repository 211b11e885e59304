import Foundation
import Readiness
import Testing

@testable import Reporting

/// The CI-facing formats: GitLab Code Quality, JUnit's file/line and warn mapping, SARIF's split
/// into runs within GitHub's limits and its waiver notifications, the GitHub waiver warnings.
@Suite struct CIReportTests {
    static func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    @Test("GitLab Code Quality of an example and of the portfolio", arguments: ["erp-unrehearsed-migration", "portfolio"])
    func gitlabGolden(_ name: String) throws {
        let examples = name == "portfolio" ? ExampleReportTests.examples : [name]
        let evaluations = try examples.map { try ExampleReportTests.evaluate($0) }
        let output = try GitLabReporter().render(evaluations, context: ExampleReportTests.context())
        try expectGolden(output, named: "\(name).gitlab.json")
        let issues = try #require(try Self.json(output) as? [[String: Any]])
        let open = evaluations.flatMap(\.findings).filter { $0.status != .waived }
        #expect(issues.count == open.count)
        for issue in issues {
            let location = try #require(issue["location"] as? [String: Any])
            #expect((location["path"] as? String)?.hasPrefix("Examples/") == true)
            #expect(((location["lines"] as? [String: Any])?["begin"] as? Int ?? 0) >= 1)
            #expect(["info", "minor", "major", "critical", "blocker"].contains(issue["severity"] as? String ?? ""))
        }
        #expect(Set(issues.compactMap { $0["fingerprint"] as? String }).count == issues.count)
    }

    @Test("GitLab severities follow the rule's severity and the status")
    func gitlabSeverity() {
        #expect(GitLabReporter.severity(.fail, .critical, isStrict: false) == "blocker")
        #expect(GitLabReporter.severity(.warn, .critical, isStrict: false) == "critical")
        #expect(GitLabReporter.severity(.fail, .info, isStrict: false) == "info")
        #expect(GitLabReporter.severity(.warn, .info, isStrict: false) == "info")
        // An evidence gap is rated like the failure it may hide (docs/scoring.md).
        #expect(GitLabReporter.severity(.unknown, .high, isStrict: false) == "critical")
        #expect(GitLabReporter.severity(.error, .low, isStrict: false) == "minor")
        #expect(GitLabReporter.severity(.notDue, .critical, isStrict: false) == "info")
        #expect(GitLabReporter.path("/elsewhere/snap.yaml", base: "/repo") == "snap.yaml")
        #expect(GitLabReporter.path("/repo/a/snap.yaml", base: "/repo") == "a/snap.yaml")
    }

    @Test("JUnit test cases carry the file and line of the element involved")
    func junitFileAndLine() throws {
        let evaluation = try ExampleReportTests.evaluate("erp-unrehearsed-migration")
        let xml = try JUnitReporter().render([evaluation], context: ExampleReportTests.context())
        let cases = xml.split(separator: "\n").filter { $0.contains("<testcase ") }
        #expect(!cases.isEmpty)
        #expect(cases.allSatisfy { $0.contains(" file=\"Examples/erp-unrehearsed-migration.yaml\"") })
        #expect(cases.contains { $0.contains(" line=\"") })
    }

    @Test("a warn is a JUnit failure, or a passed test with system-out, as the context says")
    func junitWarnMapping() throws {
        let evaluation = EvaluationFixture.make()
        #expect(evaluation.results.contains { $0.status == .warn })
        let failing = try JUnitReporter().render([evaluation], context: ReportContext.with { $0.junitWarn = .failure })
        let passing = try JUnitReporter().render([evaluation], context: ReportContext.with { $0.junitWarn = .pass })
        #expect(failing.contains("<failure type=\"warn\""))
        #expect(!passing.contains("<failure type=\"warn\""))
        #expect(passing.contains("<system-out>[warn] "))
        func failures(_ xml: String) -> Int? {
            guard let range = xml.range(of: #"<testsuites [^>]*failures="(\d+)""#, options: .regularExpression) else { return nil }
            return Int(xml[range].split(separator: "\"").dropLast().last ?? "")
        }
        let warns = evaluation.results.filter { $0.status == .warn }.count
        #expect(failures(failing).map { $0 - warns } == failures(passing))
    }

    @Test("SARIF within the limits is one run; over them, runs of at most the limit, each its own category")
    func sarifSplit() throws {
        let evaluations = try ExampleReportTests.examples.map { try ExampleReportTests.evaluate($0) }
        let total = evaluations.reduce(0) { $0 + $1.findings.count }
        let whole = try #require(try Self.json(SARIFReporter().render(evaluations, context: ExampleReportTests.context())) as? [String: Any])
        #expect((whole["runs"] as? [Any])?.count == 1)

        let limit = max(total / 4, 1)
        let reporter = SARIFReporter(limits: .init(resultsPerRun: limit, runsPerFile: 20))
        let log = try #require(try Self.json(reporter.render(evaluations, context: ExampleReportTests.context())) as? [String: Any])
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count > 1)
        var seen = 0
        var categories: Set<String> = []
        for run in runs {
            let results = try #require(run["results"] as? [[String: Any]])
            #expect(results.count <= limit)
            seen += results.count
            let id = try #require((run["automationDetails"] as? [String: Any])?["id"] as? String)
            categories.insert(id)
            let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
            for result in results {
                let index = try #require(result["ruleIndex"] as? Int)
                #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
            }
        }
        #expect(seen == total)
        #expect(categories.count == runs.count)
    }

    @Test("a portfolio over the file's limit is refused, saying how to split it")
    func sarifRefused() throws {
        let evaluations = try ExampleReportTests.examples.map { try ExampleReportTests.evaluate($0) }
        let limits = SARIFReporter.Limits(resultsPerRun: 2, runsPerFile: 2)
        #expect(throws: SARIFReporter.LimitError.self) { try SARIFReporter.checkLimits(evaluations, limits: limits) }
        do {
            try SARIFReporter.checkLimits(evaluations, limits: limits)
        } catch {
            #expect(error.description.contains("split the portfolio"))
        }
        try SARIFReporter.checkLimits(evaluations)
    }

    @Test("waived results carry suppressions; expired and unused waivers are notifications and GitHub warnings")
    func waivers() throws {
        let evaluation = EvaluationFixture.make()
        #expect(!evaluation.waivers.expired.isEmpty || !evaluation.waivers.unused.isEmpty)
        let output = try SARIFReporter().render([evaluation], context: ReportContext())
        let log = try #require(try Self.json(output) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        let suppressed = results.filter { $0["suppressions"] != nil }
        #expect(suppressed.count == evaluation.results.filter { $0.status == .waived }.count)
        for result in suppressed {
            let suppression = try #require((result["suppressions"] as? [[String: Any]])?.first)
            #expect(suppression["kind"] as? String == "external")
            #expect(!(suppression["justification"] as? String ?? "").isEmpty)
            #expect((suppression["properties"] as? [String: Any])?["approvedBy"] != nil)
        }
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        let notifications = try #require(invocation["toolExecutionNotifications"] as? [[String: Any]])
        #expect(notifications.count == evaluation.waivers.expired.count + evaluation.waivers.unused.count)
        let github = GitHubReporter().render([evaluation], context: ReportContext())
        let warnings = github.split(separator: "\n").filter { $0.hasPrefix("::warning") && $0.contains("waiver") }
        #expect(warnings.count == notifications.count)
    }

    @Test("GitLab output validates against the Code Quality schema", .enabled(if: gitlabUnavailability == nil, Comment(rawValue: gitlabUnavailability ?? "")))
    func gitlabSchema() throws {
        let evaluations = try ExampleReportTests.examples.map { try ExampleReportTests.evaluate($0) }
            + [EvaluationFixture.make(), EvaluationFixture.makeClean()]
        let output = try GitLabReporter().render(evaluations, context: ExampleReportTests.context())
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("readiness-gitlab-\(UUID().uuidString).json")
        try Data(output.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1], encoding="utf-8"))
            errors = list(jsonschema.Draft202012Validator(schema).iter_errors(json.load(open(sys.argv[2], encoding="utf-8"))))
            for e in errors[:10]: print("/".join(map(str, e.absolute_path)), e.message)
            sys.exit(1 if errors else 0)
            """
        let schema = SchemaValidationTests.schemas.appendingPathComponent("gitlab-codequality.schema.json").path
        let result = try SchemaValidationTests.python(["-c", script, schema, file.path])
        #expect(result.status == 0, "\(result.output)")
    }

    static let gitlabUnavailability: String? = {
        let schema = SchemaValidationTests.schemas.appendingPathComponent("gitlab-codequality.schema.json").path
        guard FileManager.default.fileExists(atPath: schema) else { return "no GitLab schema at \(schema)" }
        guard (try? SchemaValidationTests.python(["-c", "import jsonschema; jsonschema.Draft202012Validator"]).status) == 0 else {
            return "python3 with jsonschema (draft 2020-12) is not available"
        }
        return nil
    }()
}
