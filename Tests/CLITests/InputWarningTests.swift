import Foundation
import Testing

@testable import ReadinessCLI

/// Warnings about a snapshot (a key no rule reads, a waiver of an unknown rule) reach every
/// report a reader sees, not only the terminal's standard error.
@Suite struct InputWarningTests {
    static let snapshot = "Tests/CLITests/Fixtures/input-warnings.yaml"

    static let formats: [(format: String, expected: [String])] = [
        ("text", ["Input warning: ", "wan_mpbs", "did you mean 'NET-LATENCY'?"]),
        ("markdown", ["**⚠️ Input warnings**", "input-warnings.yaml:6:38` unknown key 'wan_mpbs'", "NET-LATNCY"]),
        ("html", ["<ul class=\"input-warnings\">", "wan_mpbs", "input-warnings.yaml:8:5</span> the waiver names rule 'NET-LATNCY'"]),
        ("json", ["\"warnings\": [", "\"code\": \"snapshot.unknown-key\"", "\"code\": \"waiver.unknown-rule\""]),
        ("sarif", ["\"id\" : \"readiness/input-warning\"", "unknown key 'wan_mpbs'"]),
        ("github", ["::warning file=", "title=readiness%3A snapshot.unknown-key::", "title=readiness%3A waiver.unknown-rule::"]),
    ]

    @Test("each format shows the input warnings", arguments: formats)
    func shown(_ format: String, _ expected: [String]) throws {
        let output = Paths.temporary("input-warnings.\(format)")
        let status = exitStatus(["check", Paths.package(Self.snapshot), "--format", format, "--output", output, "--fail-on", "none"])
        #expect(status == 0)
        let text = try String(contentsOfFile: output, encoding: .utf8)
        for piece in expected {
            #expect(text.contains(piece), "\(format) lacks \(piece)")
        }
    }

    @Test("a snapshot without problems has no input warnings section")
    func absent() throws {
        let output = Paths.temporary("no-input-warnings.md")
        #expect(exitStatus(["check", Paths.package("Examples/small-company-crm.yaml"), "--format", "markdown", "--output", output, "--fail-on", "none"]) == 0)
        #expect(try !String(contentsOfFile: output, encoding: .utf8).contains("Input warnings"))
    }
}
