import Foundation
import Readiness
import Reporting
import Testing

@testable import ReadinessCLI

/// `readiness test`: discovery of `*.test.yaml`, `--run`, the formats and the totals line.
@Suite struct TestCommandTests {
    static let fixtures = Paths.package("Tests/CLITests/Fixtures")

    @Test("a folder yields only *.test.yaml files; a file named explicitly runs whatever its name")
    func discovery() {
        let files = RulesetTestRunner.testFiles(in: [Paths.package("Rulesets")])
        #expect(!files.isEmpty)
        #expect(files.allSatisfy { $0.hasSuffix(".test.yaml") })
        #expect(RulesetTestRunner.testFiles(in: ["x.yaml"]) == ["x.yaml"])
    }

    static func report(_ file: String) throws -> RulesetTestReport {
        let cases = try RulesetTestRunner().run(file: fixtures + "/" + file)
        return RulesetTestReport(cases: cases, fileErrors: [])
    }

    @Test("the totals line counts failures and errors apart, never '0 failed' when a case failed")
    func totals() throws {
        #expect(try Self.report("failing.test.yaml").totalsLine == "1 passed, 1 failed, 0 errors")
        #expect(try Self.report("erroring.test.yaml").totalsLine == "1 passed, 0 failed, 1 error")
        #expect(exitStatus(["test", Self.fixtures + "/erroring.test.yaml"]) == 2)
    }

    @Test("--run keeps the cases whose name contains the text or matches the expression")
    func run() {
        let file = Self.fixtures + "/failing.test.yaml"
        #expect(exitStatus(["test", file, "--run", "passes"]) == 0)
        #expect(exitStatus(["test", file, "--run", "wrong"]) == 1)
        #expect(exitStatus(["test", file, "--run", "^the .* passes$"]) == 0)
    }

    @Test("JUnit and JSON carry every case with its file, line and outcome")
    func formats() throws {
        let report = try Self.report("failing.test.yaml")
        let xml = report.junit()
        #expect(xml.contains("<testsuites name=\"readiness test\" tests=\"2\" failures=\"1\" errors=\"0\">"))
        #expect(xml.contains("line=\""))
        #expect(xml.contains("<failure type=\"mismatch\""))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
        #expect(json["schema"] as? String == "readiness.test/1")
        let totals = try #require(json["totals"] as? [String: Int])
        #expect(totals == ["passed": 1, "failed": 1, "errors": 0])
        #expect(exitStatus(["test", Self.fixtures + "/failing.test.yaml", "--format", "junit"]) == 1)
        #expect(exitStatus(["test", Self.fixtures + "/failing.test.yaml", "--format", "json", "--run", "passes"]) == 0)
    }

    @Test("a folder without test files is bad input, not a pass")
    func noTestFiles() throws {
        let empty = try Reports.directory("no-tests")
        #expect(exitStatus(["test", empty]) == 2)
    }

    @Test("--lang other than en or zh is a usage error for every command that takes it", arguments: [
        ["init", "--lang", "fr"], ["explain", "NET-LATENCY", "--lang", "fr"],
        ["check", "Examples/small-company-crm.yaml", "--lang", "fr"],
    ])
    func unknownLanguage(_ arguments: [String]) {
        #expect(exitStatus(arguments) == 2)
    }
}
