import Foundation
import Testing

@testable import ReadinessCLI

/// The decision model from the command line: missing evidence fails the default gate, a
/// feasibility check is reported as one, and the JSON carries the statuses.
@Suite struct DecisionCommandTests {
    static let fixtures = "Tests/ReadinessTests/Fixtures/decision/"

    @Test("an empty snapshot and a staffing-only snapshot fail the default gate", arguments: ["empty.yaml", "staffing-only.yaml"])
    func missingEvidenceFails(_ file: String) {
        #expect(exitStatus(["check", Paths.package(Self.fixtures + file)]) == 1)
    }

    @Test("the feasibility example passes the default gate and reports a feasibility assessment with planned work")
    func feasibility() throws {
        let output = Paths.temporary("feasibility.json")
        #expect(exitStatus(["check", Paths.package("Examples/feasibility-regional-erp.yaml"), "--format", "json", "--output", output]) == 0)
        let data = try Data(contentsOf: URL(fileURLWithPath: output))
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(report["stage"] as? String == "feasibility")
        #expect(report["verdict"] as? String == "split")
        #expect(report["status"] as? String == "red")
        let planned = try #require(report["planned_work"] as? [[String: Any]])
        #expect(planned.contains { $0["rule"] as? String == "DATA-RESTORE-TESTED" })
        let markdown = Paths.temporary("feasibility.md")
        #expect(exitStatus(["check", Paths.package("Examples/feasibility-regional-erp.yaml"), "--format", "markdown", "--output", markdown, "--lang", "zh"]) == 0)
        let text = try String(contentsOfFile: markdown, encoding: .utf8)
        #expect(text.hasPrefix("# 项目前期可行性评估报告"))
    }

    @Test("the JSON report's areas and phases carry statuses that agree with the verdict")
    func statuses() throws {
        let output = Paths.temporary("mining.json")
        #expect(exitStatus(["check", Paths.package("Examples/mining-crm-multisite.yaml"), "--format", "json", "--output", output]) == 0)
        let data = try Data(contentsOf: URL(fileURLWithPath: output))
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let scores = try #require(report["scores"] as? [String: Any])
        let categories = try #require(scores["categories"] as? [[String: Any]])
        let statuses = Dictionary(uniqueKeysWithValues: categories.map { ($0["name"] as? String ?? "", $0["status"] as? String ?? "") })
        #expect(statuses["network"] == "red")
        #expect(statuses["governance"] == "green")
        let phases = try #require((report["phases"] as? [String: Any])?["planned"] as? [[String: Any]])
        #expect(phases.map { $0["status"] as? String } == ["green", "red", "red"])
    }
}
