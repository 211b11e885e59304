import Foundation
import Readiness
import ReadinessHistory
import Testing

@testable import ReadinessCLI

/// `readiness diff`, `check --record` and `readiness history` through the real command type.
@Suite struct HistoryCommandTests {
    static let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func week(_ n: Int) -> String {
        package.appendingPathComponent("Tests/HistoryTests/Fixtures/mining-week\(n).yaml").path
    }

    /// Runs `readiness ARGS…` in this process and returns its exit status.
    static func run(_ arguments: [String]) -> Int32 {
        do {
            var command = try ReadinessCommand.parseCommandLine(arguments)
            try command.run()
            return 0
        } catch {
            return ReadinessCommand.exitStatus(for: error)
        }
    }

    static func json(_ path: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any] ?? [:]
    }

    @Test func diffOfSnapshotsShowsWhatChanged() throws {
        let out = try TemporaryDirectory.file("diff.json")
        #expect(Self.run(["diff", Self.week(1), Self.week(2), "--format", "json", "--output", out]) == 0)
        let diff = try Self.json(out)["diff"] as? [String: Any] ?? [:]
        #expect((diff["resolved_findings"] as? [Any])?.isEmpty == false)
        #expect((diff["old"] as? [String: Any])?["verdict"] as? String == "split")
    }

    @Test func diffOfReportsEqualsDiffOfSnapshots() throws {
        let r1 = try TemporaryDirectory.file("r1.json")
        let r3 = try TemporaryDirectory.file("r3.json")
        #expect(Self.run(["check", Self.week(1), "--format", "json", "--output", r1]) == 0)
        #expect([0, 1].contains(Self.run(["check", Self.week(3), "--format", "json", "--output", r3])))
        let fromReports = try TemporaryDirectory.file("a.json")
        let fromSnapshots = try TemporaryDirectory.file("b.json")
        let mixed = try TemporaryDirectory.file("c.json")
        let s1 = Self.run(["diff", r1, r3, "--format", "json", "--output", fromReports])
        let s2 = Self.run(["diff", Self.week(1), Self.week(3), "--format", "json", "--output", fromSnapshots])
        let s3 = Self.run(["diff", r1, Self.week(3), "--format", "json", "--output", mixed])
        #expect(s1 == s2 && s2 == s3)
        let a = try Data(contentsOf: URL(fileURLWithPath: fromReports))
        #expect(a == (try Data(contentsOf: URL(fileURLWithPath: fromSnapshots))))
        #expect(a == (try Data(contentsOf: URL(fileURLWithPath: mixed))))
    }

    @Test func failOnNewGatesOnNewOrWorseFindingsOnly() throws {
        let out = try TemporaryDirectory.file("diff.txt")
        // Week 2 resolves findings but, being a week later, opens date-driven ones; week 3 opens more.
        #expect(Self.run(["diff", Self.week(1), Self.week(1), "--fail-on-new", "--output", out]) == 0)
        #expect(Self.run(["diff", Self.week(1), Self.week(2), "--fail-on-new", "--output", out]) == 1)
        #expect(Self.run(["diff", Self.week(2), Self.week(3), "--fail-on-new", "--output", out]) == 1)
        #expect(Self.run(["diff", Self.week(1), Self.week(1), "--fail-on", "split", "--output", out]) == 1)
        #expect(Self.run(["diff", Self.week(1), Self.week(1), "--output", out]) == 0)
    }

    @Test func diffRejectsBadInput() throws {
        let out = try TemporaryDirectory.file("diff.txt")
        let portfolio = try TemporaryDirectory.file("portfolio.json")
        _ = Self.run(["check", Self.week(1), Self.week(2), "--format", "json", "--output", portfolio])
        #expect(Self.run(["diff", portfolio, Self.week(2), "--output", out]) == 2)
        #expect(Self.run(["diff", Self.week(1), "no-such-file.yaml", "--output", out]) == 2)
        #expect(Self.run(["diff", Self.week(1), Self.week(2), "--format", "csv"]) == 2)
        let broken = try TemporaryDirectory.file("broken.json")
        try Data("{\"schema\": \"readiness.report/1\", \"verdict\": 3}".utf8).write(to: URL(fileURLWithPath: broken))
        #expect(Self.run(["diff", broken, Self.week(2), "--output", out]) == 2)
    }

    @Test func checkRecordsAndHistoryReads() throws {
        let db = try TemporaryDirectory.file("history.db")
        for n in 1...3 { #expect([0, 1].contains(Self.run(["check", Self.week(n), "--record", db, "--format", "json", "--output", db + ".json"]))) }
        // Recording the same snapshot and date again adds nothing.
        _ = Self.run(["check", Self.week(3), "--record", db, "--format", "json", "--output", db + ".json"])
        let assessments = try HistoryStore(path: db).assessments()
        #expect(assessments.map(\.asOf) == ["2027-03-01", "2027-03-08", "2027-03-15"])
        for format in ["text", "json", "markdown", "html", "csv"] {
            #expect(Self.run(["history", db, "--format", format, "--output", db + "." + format]) == 0)
        }
        let csv = try String(contentsOfFile: db + ".csv", encoding: .utf8)
        #expect(csv.split(separator: "\r\n").count == 4)
        #expect(Self.run(["history", db, "--project", "nobody", "--output", db + ".txt"]) == 0)
        #expect(Self.run(["history", db, "--since", "2027-03-40"]) == 2)
        #expect(Self.run(["history", db, "--format", "pdf"]) == 2)
    }

    @Test func recordingIntoAForeignFileFailsWithStatus2AndLeavesItAlone() throws {
        let path = try TemporaryDirectory.file("snapshot-copy.yaml")
        try FileManager.default.copyItem(atPath: Self.week(1), toPath: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(Self.run(["check", Self.week(1), "--record", path, "--format", "json", "--output", path + ".json"]) == 2)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(Self.run(["history", path]) == 2)
    }

    /// Two `readiness` processes recording into one file at once (when the executable is built).
    @Test func twoProcessesRecordAtOnce() throws {
        let binary = Self.package.appendingPathComponent(".build/debug/readiness").path
        guard FileManager.default.isExecutableFile(atPath: binary) else { return }
        let db = try TemporaryDirectory.file("history.db")
        let processes = (1...2).map { n -> Process in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["check", Self.week(n), Self.week(n == 1 ? 3 : 1), "--as-of", "2027-04-0\(n)", "--record", db, "--format", "json", "--output", db + ".\(n).json"]
            return process
        }
        for process in processes { try process.run() }
        for process in processes { process.waitUntilExit() }
        #expect(processes.allSatisfy { $0.terminationStatus <= 1 })
        #expect(try HistoryStore(path: db).assessments().count == 4)
    }
}
