import Foundation
import Testing

@testable import ReadinessCLI

/// The second hardening round through the real command: hostile names in the text report,
/// typed parameters, outputs to special files, duplicate outputs, report size, path rules.
@Suite struct HardeningCommandTests {
    static let hostile = Paths.package("Tests/HardeningTests/Corpus/snapshots/hostile-names.yaml")
    static let example = Paths.package("Examples/small-company-crm.yaml")

    @Test("the text report of a hostile snapshot holds no escape, bidi control or workflow command")
    func hostileText() throws {
        let output = Paths.temporary("hostile.txt")
        #expect(exitStatus(["check", Self.hostile, "--format", "text", "--output", output, "--color"]) == 0)
        let text = try String(contentsOfFile: output, encoding: .utf8)
        #expect(text.contains("\\x1b]0;pwned"))
        #expect(!text.unicodeScalars.contains("\u{7}"))
        #expect(!text.unicodeScalars.contains { $0.properties.isBidiControl })
        #expect(!text.contains("##["))
        #expect(text.split(separator: "\n").allSatisfy { !$0.drop(while: { $0 == " " }).hasPrefix("::") })
    }

    @Test("a parameter of the wrong type is bad input, not an error that turns no-go into go")
    func typedParameter() {
        let snapshot = Paths.package("Examples/erp-unrehearsed-migration.yaml")
        #expect(exitStatus(["check", snapshot]) == 1)
        #expect(exitStatus(["check", snapshot, "--param", "max_restore_test_age_days='90'"]) == 2)
        #expect(exitStatus(["check", snapshot, "--param", "max_restore_test_age_days=.nan"]) == 2)
    }

    @Test("a report to /dev/null leaves it a device")
    func devNull() throws {
        #expect(exitStatus(["check", Self.example, "--format", "json", "--output", "/dev/null"]) == 0)
        var info = stat()
        #expect(stat("/dev/null", &info) == 0)
        #expect(info.st_mode & S_IFMT == S_IFCHR)
    }

    @Test("two --output options naming the same file are a usage error")
    func duplicateOutputs() {
        let path = Paths.temporary("twice.json")
        let usage = exitStatus(["check", Self.example, "--format", "pdf"])
        #expect(usage != 0)
        #expect(
            exitStatus([
                "check", Self.example, "--format", "json", "--output", path, "--format", "sarif", "--output",
                Paths.temporary("./twice.json"),
            ]) == usage)
    }

    @Test("a report over --max-report-bytes is refused with exit 2 and nothing is written")
    func maxReportBytes() {
        let path = Paths.temporary("big.json")
        try? FileManager.default.removeItem(atPath: path)
        #expect(exitStatus(["check", Self.example, "--format", "json", "--output", path, "--max-report-bytes", "1000"]) == 2)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("extends outside the ruleset's folder is refused unless --allow-path names the folder")
    func allowPath() throws {
        let root = Paths.temporary("packs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: root + "/pack", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/shared", withIntermediateDirectories: true)
        try "ruleset: base\nrules: []\n".write(toFile: root + "/shared/base.yaml", atomically: true, encoding: .utf8)
        try "ruleset: pack\nextends: [../shared/base.yaml]\nrules: []\n".write(toFile: root + "/pack/pack.yaml", atomically: true, encoding: .utf8)
        #expect(exitStatus(["validate", root + "/pack/pack.yaml"]) == 2)
        #expect(exitStatus(["validate", root + "/pack/pack.yaml", "--allow-path", root + "/shared"]) == 0)
        try? FileManager.default.removeItem(atPath: root)
    }
}
