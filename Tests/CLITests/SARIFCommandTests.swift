import Foundation
import Testing

@testable import ReadinessCLI

/// SARIF as GitHub code scanning takes it: paths under `%SRCROOT%`, suppressions for waived
/// results, notifications for expired and unused waivers, and a large portfolio split into runs.
@Suite struct SARIFCommandTests {
    static let noGo = Paths.package("Examples/erp-unrehearsed-migration.yaml")

    static func runs(_ text: String) -> [[String: Any]] {
        Reports.object(text)["runs"] as? [[String: Any]] ?? []
    }

    @Test("--base-dir makes artifact URIs relative to it, under %SRCROOT%")
    func baseDir() throws {
        let sarif = Reports.check([Self.noGo, "--base-dir", Paths.package("Examples")], format: "sarif", name: "base.sarif")
        let run = try #require(Self.runs(sarif.text).first)
        let artifacts = try #require(run["artifacts"] as? [[String: Any]])
        let location = try #require(artifacts.first?["location"] as? [String: Any])
        #expect(location["uri"] as? String == "erp-unrehearsed-migration.yaml")
        #expect(location["uriBaseId"] as? String == "%SRCROOT%")
        let root = try #require((run["originalUriBaseIds"] as? [String: Any])?["%SRCROOT%"] as? [String: Any])
        #expect((root["uri"] as? String)?.hasSuffix("/Examples/") == true)
    }

    @Test("by default, URIs are relative to the git work tree's root, never escaping it")
    func defaultBase() throws {
        let sarif = Reports.check([Self.noGo], format: "sarif", name: "default.sarif")
        let run = try #require(Self.runs(sarif.text).first)
        let artifacts = try #require(run["artifacts"] as? [[String: Any]])
        for artifact in artifacts {
            let uri = try #require((artifact["location"] as? [String: Any])?["uri"] as? String)
            #expect(!uri.hasPrefix("../") && !uri.hasPrefix("/"))
        }
    }

    @Test("the work tree's root is the nearest directory with .git")
    func workTreeRoot() throws {
        let root = try Reports.directory("worktree")
        try FileManager.default.createDirectory(atPath: root + "/.git", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/a/b", withIntermediateDirectories: true)
        let found = ReportOptions.workTreeRoot(from: root + "/a/b")
        #expect(found.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }
            == URL(fileURLWithPath: root).resolvingSymlinksInPath().path)
    }

    @Test("waived results carry suppressions; expired and unused waivers are notifications and ::warning annotations")
    func waivers() throws {
        let json = Reports.object(Reports.check([Self.noGo, "--fail-on", "none"], format: "json", name: "w.json").text)
        let findings = try #require(json["findings"] as? [[String: Any]])
        let failing = try #require(findings.first { $0["status"] as? String == "fail" })
        let rule = try #require(failing["rule"] as? String)
        var waiver = "waivers:\n- rule: \(rule)\n"
        if let subject = failing["subject"] as? String { waiver += "  subject: \"\(subject)\"\n" }
        waiver += "  reason: accepted by the steering committee\n  approved_by: J. Doe\n  expires: 2027-12-31\n"
        waiver += "- rule: NO-SUCH-RULE-FAILS\n  reason: nothing to waive\n  approved_by: J. Doe\n  expires: 2027-12-31\n"
        waiver += "- rule: \(rule)\n  reason: long gone\n  approved_by: J. Doe\n  expires: 2001-01-01\n"
        let file = Paths.temporary("waivers.yaml")
        try waiver.write(toFile: file, atomically: true, encoding: .utf8)

        let sarif = Reports.check([Self.noGo, "--waivers", file, "--fail-on", "none"], format: "sarif", name: "w.sarif")
        let run = try #require(Self.runs(sarif.text).first)
        let results = try #require(run["results"] as? [[String: Any]])
        let suppressed = results.compactMap { $0["suppressions"] as? [[String: Any]] }.flatMap { $0 }
        #expect(!suppressed.isEmpty)
        #expect(suppressed.allSatisfy { $0["kind"] as? String == "external" })
        #expect(suppressed.allSatisfy { $0["justification"] as? String == "accepted by the steering committee" })
        #expect(suppressed.allSatisfy { ($0["properties"] as? [String: Any])?["approvedBy"] as? String == "J. Doe" })
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        let notifications = try #require(invocation["toolExecutionNotifications"] as? [[String: Any]])
        let ids = notifications.compactMap { ($0["descriptor"] as? [String: Any])?["id"] as? String }
        #expect(ids.contains("readiness/waiver-expired"))
        #expect(ids.contains("readiness/waiver-unused"))

        let github = Reports.check([Self.noGo, "--waivers", file, "--fail-on", "none"], format: "github", name: "w.txt")
        let warnings = github.text.split(separator: "\n").filter { $0.hasPrefix("::warning ") && $0.contains("title=readiness%3A waiver ") }
        #expect(warnings.count == 2)
        #expect(warnings.allSatisfy { $0.contains("file=") && $0.contains("line=") })
        // The waiver of a rule no ruleset defines is also an input warning.
        #expect(github.text.split(separator: "\n").contains { $0.hasPrefix("::warning ") && $0.contains("waiver.unknown-rule") })
        #expect(ids.contains("readiness/input-warning"))
    }

    @Test("a portfolio over 25,000 results is split into runs GitHub accepts, a snapshot's results kept together")
    func largePortfolio() throws {
        // Two projects of 1,650 sites each on thin, saturated links: about 8 findings a site.
        var text = "project: {name: Large, as_of: 2026-06-01}\nnetwork:\n  sites:\n"
        for i in 0..<1_650 {
            text += "    - {name: Site \(i), users: 100, wan_mbps: 1, latency_ms: 400, peak_utilisation_pct: 95,"
            text += " backup_link: false, offline_procedure: false, remote: true}\n"
        }
        let folder = try Reports.directory("portfolio")
        let snapshots = [folder + "/east.yaml", folder + "/west.yaml"]
        for path in snapshots { try text.write(toFile: path, atomically: false, encoding: .utf8) }
        let json = Reports.object(Reports.check([snapshots[0], "--fail-on", "none"], format: "json", name: "large.json").text)
        let perSnapshot = try #require((json["findings"] as? [Any])?.count)
        try #require(perSnapshot * 2 > 25_000 && perSnapshot <= 25_000)

        let sarif = Reports.check(snapshots + ["--fail-on", "none"], format: "sarif", name: "large.sarif")
        #expect(sarif.status == 0)
        let runs = Self.runs(sarif.text)
        #expect(runs.count == 2)
        #expect(runs.map { ($0["results"] as? [Any])?.count ?? 0 } == [perSnapshot, perSnapshot])
        let categories = runs.compactMap { ($0["automationDetails"] as? [String: Any])?["id"] as? String }
        #expect(categories == ["readiness/part-1/", "readiness/part-2/"])
    }
}
