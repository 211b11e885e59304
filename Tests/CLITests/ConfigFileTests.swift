import Foundation
import Testing

@testable import ReadinessCLI

/// `.readiness.yaml`: discovered upward, named with `--config`, the command line wins.
@Suite struct ConfigFileTests {
    static func project(_ config: String) throws -> String {
        let root = try Reports.directory("config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: root + "/sub/dir", withIntermediateDirectories: true)
        try config.write(toFile: root + "/.readiness.yaml", atomically: true, encoding: .utf8)
        return root
    }

    static let config = """
        rulesets: [network, custom/extra.yaml]
        params: {wan_kbps_per_user: 64}
        formats: [sarif, junit]
        outputs: [out/readiness.sarif, "-"]
        fail-on: none
        lang: zh
        min-coverage: 80
        strict: true
        """

    @Test("found in the nearest directory above; its options go first, paths resolved against it")
    func discovered() throws {
        let root = try Self.project(Self.config)
        let arguments = try ConfigFile.expand(["check", "s.yaml"], in: root + "/sub/dir")
        let canonical = URL(fileURLWithPath: root).standardizedFileURL.path
        #expect(
            arguments == [
                "check", "--ruleset", "network", "--ruleset", canonical + "/custom/extra.yaml",
                "--param", "wan_kbps_per_user=64", "--format", "sarif", "--format", "junit",
                "--output", canonical + "/out/readiness.sarif", "--output", "-", "--fail-on", "none", "--lang", "zh",
                "--min-coverage", "80", "--strict", "s.yaml",
            ])
    }

    @Test("the command line wins: its options replace the file's")
    func commandLineWins() throws {
        let root = try Self.project(Self.config)
        let arguments = try ConfigFile.expand(
            ["check", "s.yaml", "--fail-on=defer", "--format", "json", "--ruleset", "data", "--param", "x=1"], in: root)
        #expect(!arguments.contains("none"))
        #expect(!arguments.contains("sarif"))
        #expect(!arguments.contains("network"))
        #expect(arguments.contains("wan_kbps_per_user=64"))
        #expect(arguments.suffix(7) == ["s.yaml", "--fail-on=defer", "--format", "json", "--ruleset", "data", "--param", "x=1"].suffix(7))
    }

    @Test("--config names the file; other commands are left alone")
    func named() throws {
        let root = try Self.project("lang: zh\n")
        let other = root + "/other.yaml"
        try "fail-on: split\n".write(toFile: other, atomically: true, encoding: .utf8)
        let arguments = try ConfigFile.expand(["check", "--config", other, "s.yaml"], in: root)
        #expect(arguments == ["check", "--fail-on", "split", "--config", other, "s.yaml"])
        #expect(try ConfigFile.expand(["rules"], in: root) == ["rules"])
    }

    @Test("a bad key or value is an error at its line and column")
    func invalid() throws {
        let root = try Self.project("lang: zh\nfail_on: none\nparams: [1]\n")
        #expect(throws: (any Error).self) { try ConfigFile.expand(["check", "s.yaml"], in: root) }
        do {
            _ = try ConfigFile.expand(["check", "s.yaml"], in: root)
        } catch {
            let text = error.description
            #expect(text.contains(".readiness.yaml:2:1: error: unknown key 'fail_on'"))
            #expect(text.contains(".readiness.yaml:3:9: error: 'params' must be"))
        }
    }

    @Test("a check run with a configuration: its gate applies")
    func endToEnd() throws {
        let root = try Self.project("fail-on: none\n")
        let snapshot = Paths.package("Examples/erp-unrehearsed-migration.yaml")
        #expect(exitStatus(["check", snapshot, "--config", root + "/.readiness.yaml"]) == 0)
        #expect(exitStatus(["check", snapshot, "--config", root + "/.readiness.yaml", "--fail-on", "defer"]) == 1)
        #expect(exitStatus(["check", snapshot, "--config", root + "/missing.yaml"]) == 2)
    }
}
