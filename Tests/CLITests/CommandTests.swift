import ArgumentParser
import Foundation
import Testing

@testable import ReadinessCLI

/// Runs the real command type, as `readiness ARGS…` would, and returns its exit status.
func exitStatus(_ arguments: [String]) -> Int32 {
    do {
        var command = try ReadinessCommand.parseCommandLine(arguments)
        try command.run()
        return 0
    } catch {
        return ReadinessCommand.exitStatus(for: error)
    }
}

enum Paths {
    static let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func package(_ name: String) -> String { package.appendingPathComponent(name).path }

    static func temporary(_ name: String) -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("readiness-cli-\(getpid())")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent(name).path
    }
}

@Suite struct CommandTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var arguments: [String]
        var status: Int32
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        .init(name: "split passes the default gate", arguments: ["check", "Examples/mining-crm-multisite.yaml"], status: 0),
        .init(name: "split fails --fail-on split", arguments: ["check", "Examples/mining-crm-multisite.yaml", "--fail-on", "split"], status: 1),
        .init(name: "no-go fails the gate", arguments: ["check", "Examples/erp-unrehearsed-migration.yaml"], status: 1),
        .init(name: "go with conditions passes", arguments: ["check", "Examples/small-company-crm.yaml"], status: 0),
        .init(name: "a portfolio fails if any snapshot fails", arguments: ["check", "Examples/small-company-crm.yaml", "Examples/erp-unrehearsed-migration.yaml"], status: 1),
        .init(name: "a missing snapshot is bad input", arguments: ["check", "Examples/no-such-file.yaml"], status: 2),
        .init(name: "an unknown built-in ruleset is bad input", arguments: ["check", "Examples/small-company-crm.yaml", "--ruleset", "netwrk"], status: 2),
        .init(name: "an unknown parameter is bad input", arguments: ["check", "Examples/small-company-crm.yaml", "--param", "no_such=1"], status: 2),
        .init(name: "a bad date is bad input", arguments: ["check", "Examples/small-company-crm.yaml", "--as-of", "2026-13-40"], status: 2),
        .init(name: "an unknown format is a usage error", arguments: ["check", "Examples/small-company-crm.yaml", "--format", "pdf"], status: 2),
        .init(name: "the built-in rulesets validate", arguments: ["validate"], status: 0),
        .init(name: "an invalid ruleset fails validation", arguments: ["validate", "Tests/ReadinessTests/Fixtures/invalid.yaml"], status: 2),
        .init(name: "the built-in ruleset tests pass", arguments: ["test", "Rulesets/tests"], status: 0),
        .init(name: "explain knows the rules", arguments: ["explain", "NET-WAN-PER-USER"], status: 0),
        .init(name: "explain of an unknown rule is bad input", arguments: ["explain", "NET-NOPE"], status: 2),
        .init(name: "eval evaluates", arguments: ["eval", "1 + 2"], status: 0),
        .init(name: "eval of a failing expression exits 1", arguments: ["eval", "1 / 0"], status: 1),
        .init(name: "eval of a syntax error exits 2", arguments: ["eval", "1 +"], status: 2),
    ]

    @Test("exit statuses", arguments: cases)
    func status(_ c: Case) {
        let arguments = c.arguments.map { $0.hasPrefix("Examples/") || $0.hasPrefix("Tests/") ? Paths.package($0) : $0 }
            .map { $0 == "Rulesets/tests" ? Paths.package($0) : $0 }
        #expect(exitStatus(arguments) == c.status)
    }

    @Test("several formats in one run, each written atomically to its file")
    func outputs() throws {
        let json = Paths.temporary("report.json")
        let sarif = Paths.temporary("report.sarif")
        let status = exitStatus([
            "check", Paths.package("Examples/mining-crm-multisite.yaml"), "--format", "json", "--output", json,
            "--format", "sarif", "--output", sarif,
        ])
        #expect(status == 0)
        let report = try JSONSerialization.jsonObject(with: try Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any]
        #expect(report?["verdict"] as? String == "split")
        #expect(report?["schema"] as? String == "readiness.report/2")
        let log = try JSONSerialization.jsonObject(with: try Data(contentsOf: URL(fileURLWithPath: sarif))) as? [String: Any]
        #expect(log?["version"] as? String == "2.1.0")
    }

    @Test("the same inputs give byte-identical reports")
    func deterministic() throws {
        let first = Paths.temporary("first.json")
        let second = Paths.temporary("second.json")
        for path in [first, second] {
            let status = exitStatus([
                "check", Paths.package("Examples/mining-crm-multisite.yaml"), Paths.package("Examples/small-company-crm.yaml"),
                "--format", "json", "--output", path,
            ])
            #expect(status == 0)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: first)) == Data(contentsOf: URL(fileURLWithPath: second)))
    }

    @Test("the tool refuses to write a report over one of its inputs")
    func refusesToOverwriteInput() throws {
        let snapshot = Paths.temporary("snapshot.yaml")
        try FileManager.default.copyItem(atPath: Paths.package("Examples/small-company-crm.yaml"), toPath: snapshot + ".tmp")
        try? FileManager.default.removeItem(atPath: snapshot)
        try FileManager.default.moveItem(atPath: snapshot + ".tmp", toPath: snapshot)
        let before = try Data(contentsOf: URL(fileURLWithPath: snapshot))
        #expect(exitStatus(["check", snapshot, "--format", "json", "--output", snapshot]) == 2)
        #expect(try Data(contentsOf: URL(fileURLWithPath: snapshot)) == before)
    }

    @Test("init writes a starter snapshot that checks with no unknown facts")
    func initThenCheck() throws {
        let starter = Paths.temporary("starter.yaml")
        try? FileManager.default.removeItem(atPath: starter)
        #expect(exitStatus(["init", "--output", starter]) == 0)
        let report = Paths.temporary("starter.json")
        #expect(exitStatus(["check", starter, "--format", "json", "--output", report, "--strict", "--fail-on", "no_go"]) == 0)
        let json = try JSONSerialization.jsonObject(with: try Data(contentsOf: URL(fileURLWithPath: report))) as? [String: Any]
        #expect((json?["evidence_gaps"] as? [Any])?.isEmpty == true)
    }
}
