import Foundation
import Readiness
import SourceDiagnostics
import Testing

@testable import ReadinessCLI

/// `readiness whatif` and what it takes, from the command line.
@Suite struct WhatIfCommandTests {
    static let mining = "Examples/mining-crm-multisite.yaml"

    func json(_ arguments: [String], status: Int32 = 0) throws -> [String: Any] {
        let output = Paths.temporary("whatif-\(arguments.count)-\(arguments.joined().hashValue).json")
        #expect(exitStatus(arguments + ["--format", "json", "--output", output]) == status)
        let data = try Data(contentsOf: URL(fileURLWithPath: output))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("--set by element name resolves the finding it targets and leaves the snapshot untouched")
    func setByName() throws {
        let path = Paths.package(Self.mining)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let report = try json(["whatif", path, "--set", "network.sites[Pit Creek Mine].wan_mbps=14"])
        #expect(report["schema"] as? String == "readiness.whatif/1")
        let changes = try #require(report["changes"] as? [[String: Any]])
        #expect(changes.first?["from"] as? String == "4")
        #expect(changes.first?["to"] as? String == "14")
        let diff = try #require(report["diff"] as? [String: Any])
        let resolved = try #require(diff["resolved_findings"] as? [[String: Any]])
        #expect(resolved.map { $0["rule"] as? String } == ["NET-WAN-PER-USER"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test("--apply-suggestions clears every finding of the mining example: the split becomes a go")
    func applySuggestions() throws {
        let report = try json(["whatif", Paths.package(Self.mining), "--apply-suggestions"])
        let diff = try #require(report["diff"] as? [String: Any])
        #expect((diff["old"] as? [String: Any])?["verdict"] as? String == "split")
        #expect((diff["new"] as? [String: Any])?["verdict"] as? String == "go")
        #expect(exitStatus(["whatif", Paths.package(Self.mining), "--apply-suggestions", "--fail-on", "split"]) == 0)
        #expect(exitStatus(["whatif", Paths.package(Self.mining), "--set", "project.name=x", "--fail-on", "split"]) == 1)
    }

    @Test("bad paths, bad values and a missing --set are bad input", arguments: [
        ["--set", "network.sites[Nowhere].wan_mbps=1"],
        ["--set", "network.sites[99].wan_mbps=1"],
        ["--set", "project.name.first=1"],
        ["--set", "no-equals"],
        ["--set", "network.sites[0].wan_mbps=[1"],
        // What the snapshot schema refuses: a wrong type, an unknown fact, a phase naming a
        // site that is nowhere.
        ["--set", "network.sites[Pit Creek Mine].wan_mbps=fast"],
        ["--set", "network.sites[Pit Creek Mine].wan_mpbs=14"],
        ["--set", "phases[0].scope.sites[0]=Nowhere Mine"],
        [],
    ])
    func badInput(_ extra: [String]) {
        #expect(exitStatus(["whatif", Paths.package(Self.mining)] + extra) == 2)
    }

    @Test("a problem a --set brings names the --set, not the file's line that still holds the old value")
    func blamesTheSet() throws {
        let loader = SnapshotLoader()
        let original = try loader.load(contentsOf: Paths.package(Self.mining))
        let edits = try ["project.as_of=2026-13-45", "network.sites[Pit Creek Mine].users=40"].map {
            try SnapshotEdit.parse($0, in: original)
        }
        var thrown: DiagnosticError?
        do { _ = try original.editing(edits, loader: loader) } catch { thrown = error }
        let error = try #require(thrown?.diagnostics.first)
        #expect(error.span != nil)
        let blamed = WhatIfCommand.blamingEdits(DiagnosticError([error]), edits, in: original).diagnostics
        #expect(blamed.count == 1)
        #expect(blamed[0].span == nil)
        #expect(blamed[0].code == "snapshot.invalid-date")
        #expect(blamed[0].notes.first?.message == "from --set project.as_of=2026-13-45; the snapshot file is unchanged")
    }

    @Test("the JSON report gives each open finding what it takes, with the whatif argument")
    func checkJSON() throws {
        let report = try json(["check", Paths.package(Self.mining)])
        let findings = try #require(report["findings"] as? [[String: Any]])
        let wan = try #require(findings.first { $0["rule"] as? String == "NET-WAN-PER-USER" && $0["subject"] as? String == "Pit Creek Mine" })
        let takes = try #require(wan["what_it_takes"] as? [String: Any])
        #expect(takes["outcome"] as? String == "change")
        let first = try #require((takes["changes"] as? [[String: Any]])?.first)
        #expect(first["set"] as? String == "network.sites[Pit Creek Mine].wan_mbps=11")
        let quiet = try json(["check", Paths.package(Self.mining), "--no-what-it-takes"])
        let plain = try #require(quiet["findings"] as? [[String: Any]])
        #expect(plain.allSatisfy { $0["what_it_takes"] == nil })
    }

    @Test("a portfolio works out what it takes only when asked")
    func portfolio() throws {
        let files = [Paths.package(Self.mining), Paths.package("Examples/erp-unrehearsed-migration.yaml")]
        func findings(_ report: [String: Any]) -> [[String: Any]] {
            (report["snapshots"] as? [[String: Any]] ?? []).flatMap { $0["findings"] as? [[String: Any]] ?? [] }
        }
        let plain = findings(try json(["check"] + files + ["--fail-on", "none"]))
        #expect(!plain.isEmpty && plain.allSatisfy { $0["what_it_takes"] == nil })
        let asked = findings(try json(["check"] + files + ["--fail-on", "none", "--what-it-takes"]))
        #expect(asked.contains { $0["what_it_takes"] != nil })
    }
}
