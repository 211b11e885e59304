import Foundation
import Testing

@testable import ReadinessCLI

/// `--fail-on none`, `--min-coverage` and `--baseline`.
@Suite struct GateTests {
    static let small = Paths.package("Examples/small-company-crm.yaml")
    static let noGo = Paths.package("Examples/erp-unrehearsed-migration.yaml")

    @Test("--fail-on none reports without failing the gate")
    func reportOnly() {
        #expect(exitStatus(["check", Self.noGo]) == 1)
        #expect(exitStatus(["check", Self.noGo, "--fail-on", "none"]) == 0)
        #expect(exitStatus(["check", Self.noGo, Self.small, "--fail-on", "none"]) == 0)
    }

    @Test("--min-coverage fails the gate when any snapshot's evidence coverage is below it")
    func minCoverage() throws {
        // A snapshot that gives almost no evidence: most checks are unknown.
        let sparse = Paths.temporary("sparse.yaml")
        try "project: {name: Sparse, as_of: 2026-06-01}\n".write(toFile: sparse, atomically: true, encoding: .utf8)
        let report = Reports.object(Reports.check([sparse, "--fail-on", "none"], format: "json", name: "coverage.json").text)
        let overall = (report["scores"] as? [String: Any])?["overall"] as? [String: Any]
        let coverage = try #require(overall?["coverage"] as? Double)
        #expect(coverage < 50)
        #expect(exitStatus(["check", sparse, "--fail-on", "none", "--min-coverage", String(coverage)]) == 0)
        #expect(exitStatus(["check", sparse, "--fail-on", "none", "--min-coverage", String(coverage + 0.5)]) == 1)
        #expect(exitStatus(["check", Self.small, "--min-coverage", "100"]) == 0)
        #expect(exitStatus(["check", Self.small, sparse, "--fail-on", "none", "--min-coverage", "60"]) == 1)
    }

    @Test("a baseline of the same findings passes a failing verdict; the text says nothing is new")
    func baselineUnchanged() throws {
        let baseline = Paths.temporary("baseline-nogo.json")
        #expect(exitStatus(["check", Self.noGo, "--format", "json", "--output", baseline]) == 1)
        #expect(exitStatus(["check", Self.noGo, "--baseline", baseline]) == 0)
        let text = Reports.check([Self.noGo, "--baseline", baseline], format: "text", name: "baseline.txt")
        #expect(text.status == 0)
        #expect(text.text.contains("Compared with the baseline"))
        #expect(text.text.contains(" 0 new, 0 worse, "))
        let markdown = Reports.check([Self.noGo, "--baseline", baseline], format: "markdown", name: "baseline.md")
        #expect(markdown.text.contains("## Compared with the baseline"))
    }

    @Test("findings match by rule and subject, not by line: moving every line keeps the baseline")
    func baselineIgnoresLines() throws {
        let baseline = Paths.temporary("baseline-lines.json")
        _ = exitStatus(["check", Self.noGo, "--format", "json", "--output", baseline])
        let moved = Paths.temporary("moved.yaml")
        let original = try String(contentsOfFile: Self.noGo, encoding: .utf8)
        try ("# three\n# more\n# lines\n" + original).write(toFile: moved, atomically: true, encoding: .utf8)
        #expect(exitStatus(["check", moved, "--baseline", baseline]) == 0)
    }

    @Test("new findings that decide a failing verdict fail the gate; the text lists them as new")
    func baselineNewFindings() throws {
        let baseline = Paths.temporary("baseline-small.json")
        #expect(exitStatus(["check", Self.small, "--format", "json", "--output", baseline]) == 0)
        #expect(exitStatus(["check", Self.noGo, "--baseline", baseline]) == 1)
        let text = Reports.check([Self.noGo, "--baseline", baseline], format: "text", name: "baseline-new.txt")
        #expect(text.text.contains("  NEW "))
        #expect(text.text.contains("  RESOLVED ") || !text.text.contains(" 0 resolved"))
    }

    @Test("a portfolio baseline matches each snapshot by path")
    func baselinePortfolio() throws {
        let baseline = Paths.temporary("baseline-portfolio.json")
        _ = exitStatus(["check", Self.small, Self.noGo, "--format", "json", "--output", baseline])
        #expect(exitStatus(["check", Self.small, Self.noGo, "--baseline", baseline]) == 0)
        #expect(exitStatus(["check", Self.noGo, Self.small, "--baseline", baseline]) == 0)
    }

    @Test("a deciding rule failing at a new site is new, though it failed elsewhere before")
    func baselineNewSubjectOfDecidingRule() throws {
        let mining = Paths.package("Examples/mining-crm-multisite.yaml")
        let baseline = Paths.temporary("baseline-mining.json")
        _ = exitStatus(["check", mining, "--format", "json", "--output", baseline, "--fail-on", "none"])
        // Port Hedland Port's latency goes from 36 ms to 900 ms: NET-LATENCY now fails there too.
        let text = try String(contentsOfFile: mining, encoding: .utf8)
        let worse = Paths.temporary("mining-worse.yaml")
        try text.replacingOccurrences(of: "      latency_ms: 36\n", with: "      latency_ms: 900\n")
            .write(toFile: worse, atomically: true, encoding: .utf8)
        #expect(exitStatus(["check", mining, "--baseline", baseline, "--fail-on", "split"]) == 0)
        #expect(exitStatus(["check", worse, "--baseline", baseline, "--fail-on", "split"]) == 1)
    }

    @Test("--min-coverage out of range, negative included, is a usage error")
    func minCoverageRange() {
        #expect(exitStatus(["check", Self.small, "--min-coverage", "-5"]) == 2)
        #expect(exitStatus(["check", Self.small, "--min-coverage", "101"]) == 2)
    }
}
