import ArgumentParser
import Foundation
import Testing

@testable import ReadinessCLI

/// The typed snapshot on the command line: `check` and `validate` reject bad snapshots,
/// `init` writes a form `check` accepts, `schema` prints the schemas, and `eval` sees what
/// rules see.
@Suite struct TypedCommandTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var arguments: [String]
        var status: Int32
        var testDescription: String { name }
    }

    static let fixtures = "Tests/ReadinessTests/Fixtures/typed/"
    static let mining = "Examples/mining-crm-multisite.yaml"

    static let cases: [Case] = [
        .init(name: "check rejects a wrong type with exit 2", arguments: ["check", Paths.package(fixtures + "wrong-types.yaml")], status: 2),
        .init(name: "check rejects a dangling reference with exit 2", arguments: ["check", Paths.package(fixtures + "dangling.yaml")], status: 2),
        .init(name: "check runs on explicit unknowns", arguments: ["check", Paths.package(fixtures + "unknowns.yaml"), "--ruleset", "network", "--fail-on", "no_go"], status: 0),
        .init(name: "validate accepts a valid snapshot", arguments: ["validate", Paths.package(mining)], status: 0),
        .init(name: "validate accepts rulesets and snapshots together", arguments: ["validate", "network", Paths.package("Rulesets/staffing.yaml"), Paths.package(mining)], status: 0),
        .init(name: "validate rejects a snapshot with wrong types", arguments: ["validate", Paths.package(fixtures + "wrong-types.yaml")], status: 2),
        .init(name: "validate warns on typos but passes", arguments: ["validate", Paths.package(fixtures + "unknowns.yaml")], status: 0),
        .init(name: "validate --strict makes unknown keys errors", arguments: ["validate", "--strict", Paths.package(fixtures + "custom-facts-snapshot.yaml"), Paths.package(fixtures + "custom-facts.yaml")], status: 2),
        .init(name: "validate rejects a ruleset with type errors", arguments: ["validate", Paths.package(fixtures + "type-errors.yaml")], status: 2),
        .init(name: "schema snapshot prints", arguments: ["schema", "snapshot"], status: 0),
        .init(name: "schema of an unknown kind is a usage error", arguments: ["schema", "snapshots"], status: 2),
        .init(name: "eval sees params", arguments: ["eval", "params.min_wan_mbps_per_concurrent_user == 0.4", "--snapshot", Paths.package(mining)], status: 0),
        .init(name: "eval sees --param over the defaults", arguments: ["eval", "params.max_latency_ms == 300 || 1 / 0 == 1", "--snapshot", Paths.package(mining), "--param", "max_latency_ms=300"], status: 0),
        .init(name: "eval sees as_of", arguments: ["eval", "as_of == timestamp('2027-01-04T00:00:00Z') || 1 / 0 == 1", "--snapshot", Paths.package(mining), "--as-of", "2027-01-04"], status: 0),
        .init(name: "eval binds a rule's for_each variable to a subject", arguments: ["eval", "site.name == 'Pit Creek Mine' || 1 / 0 == 1", "--snapshot", Paths.package(mining), "--rule", "NET-WAN-PER-USER", "--subject", "Pit Creek Mine"], status: 0),
        .init(name: "eval of an unknown subject is bad input", arguments: ["eval", "site.name", "--snapshot", Paths.package(mining), "--rule", "NET-WAN-PER-USER", "--subject", "Nowhere"], status: 2),
        .init(name: "eval of an unknown rule is bad input", arguments: ["eval", "1", "--snapshot", Paths.package(mining), "--rule", "NO-SUCH"], status: 2),
        .init(name: "eval --rule without a snapshot is a usage error", arguments: ["eval", "1", "--rule", "NET-LATENCY"], status: 2),
    ]

    @Test(arguments: cases)
    func status(_ c: Case) {
        #expect(exitStatus(c.arguments) == c.status)
    }

    @Test("init writes a form that check accepts", arguments: [["--ruleset", "network"], [], ["--ruleset", "staffing", "--ruleset", "data"]])
    func initFormChecks(_ selection: [String]) throws {
        let path = Paths.temporary("form-\(selection.joined(separator: "-")).yaml")
        #expect(exitStatus(["init", "--output", path] + selection) == 0)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("# yaml-language-server: $schema=snapshot.schema.json"))
        // Accepted: evaluated (not bad input); nothing in it is evidenced, so every area is unassessed.
        let report = Paths.temporary("form-\(selection.joined(separator: "-")).json")
        #expect(exitStatus(["check", path, "--as-of", "2026-11-30", "--fail-on", "none", "--format", "json", "--output", report] + selection) == 0)
        let data = try Data(contentsOf: URL(fileURLWithPath: report))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let areas = try #require((json["scores"] as? [String: Any])?["categories"] as? [[String: Any]])
        #expect(!areas.isEmpty)
        for area in areas where (area["counts"] as? [String: Int])?.values.reduce(0, +) != (area["counts"] as? [String: Int])?["not_applicable"] {
            #expect(area["status"] as? String == "grey", "\(area["name"] ?? "")")
        }
    }

    @Test("init --example writes the filled-in template")
    func initExample() throws {
        let path = Paths.temporary("example.yaml")
        #expect(exitStatus(["init", "--example", "--output", path]) == 0)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == (try String(contentsOfFile: Paths.package("Rulesets/templates/snapshot.yaml"), encoding: .utf8)))
    }

    @Test("a phase that ends before it starts is bad input, named where its end is")
    func phaseEndsBeforeStart() throws {
        let text = try String(contentsOfFile: Paths.package(Self.mining), encoding: .utf8)
        let backwards = Paths.temporary("phase-backwards.yaml")
        try text.replacingOccurrences(of: "    end: '2027-05-07'\n", with: "    end: '2027-03-07'\n")
            .write(toFile: backwards, atomically: true, encoding: .utf8)
        #expect(exitStatus(["check", backwards]) == 2)
        #expect(exitStatus(["validate", backwards]) == 2)
    }
}
