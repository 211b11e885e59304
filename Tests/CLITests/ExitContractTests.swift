import Foundation
import Testing

@testable import ReadinessCLI

/// The README's exit table, command by command: 0 passed, 1 the gate (or a case, or an
/// evaluation) failed, 2 bad input or usage — never ArgumentParser's 64.
@Suite struct ExitContractTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var status: Int32
        var testDescription: String { "readiness \(arguments.joined(separator: " ")) → \(status)" }
    }

    static let small = "Examples/small-company-crm.yaml"
    static let noGo = "Examples/erp-unrehearsed-migration.yaml"

    static let cases: [Case] = [
        // check
        .init(arguments: ["check", small], status: 0),
        .init(arguments: ["check", noGo], status: 1),
        .init(arguments: ["check", "Examples/missing.yaml"], status: 2),
        .init(arguments: ["check"], status: 2),
        .init(arguments: ["check", small, "--no-such-option"], status: 2),
        .init(arguments: ["check", small, "--fail-on", "maybe"], status: 2),
        .init(arguments: ["check", small, "--lang", "fr"], status: 2),
        .init(arguments: ["check", small, "--min-coverage", "120"], status: 2),
        .init(arguments: ["check", small, "--junit-warn", "sometimes"], status: 2),
        .init(arguments: ["check", small, "--base-dir", "Examples/missing"], status: 2),
        .init(arguments: ["check", small, "--baseline", "Examples/missing.json"], status: 2),
        .init(arguments: ["check", small, "--baseline", small], status: 2),
        .init(arguments: ["check", "-", "-"], status: 2),
        // validate
        .init(arguments: ["validate"], status: 0),
        .init(arguments: ["validate", "Tests/ReadinessTests/Fixtures/invalid.yaml"], status: 2),
        .init(arguments: ["validate", "--bogus"], status: 2),
        // rules
        .init(arguments: ["rules"], status: 0),
        .init(arguments: ["rules", "--format", "yaml"], status: 2),
        // explain
        .init(arguments: ["explain", "NET-WAN-PER-USER"], status: 0),
        .init(arguments: ["explain", "NET-NOPE"], status: 2),
        .init(arguments: ["explain"], status: 2),
        // init
        .init(arguments: ["init", "--ruleset", "netwrk"], status: 2),
        .init(arguments: ["init", "--bogus"], status: 2),
        // test
        .init(arguments: ["test", "Rulesets/tests"], status: 0),
        .init(arguments: ["test", "Rulesets"], status: 0),
        .init(arguments: ["test", "Tests/CLITests/Fixtures/failing.test.yaml"], status: 1),
        .init(arguments: ["test", "Examples/small-company-crm.yaml"], status: 2),
        .init(arguments: ["test"], status: 2),
        .init(arguments: ["test", "Rulesets/tests", "--format", "tap"], status: 2),
        // eval
        .init(arguments: ["eval", "1 + 2"], status: 0),
        .init(arguments: ["eval", "-1 < 0"], status: 0),
        .init(arguments: ["eval", "-1"], status: 0),
        .init(arguments: ["eval", "--format", "cel", "-2 * 3"], status: 0),
        .init(arguments: ["eval", "-1 < 0", "--format", "cel"], status: 0),
        .init(arguments: ["eval", "--", "-1"], status: 0),
        .init(arguments: ["eval", "1 / 0"], status: 1),
        .init(arguments: ["eval", "1 +"], status: 2),
        .init(arguments: ["eval"], status: 2),
        .init(arguments: ["eval", "1", "2"], status: 2),
        .init(arguments: ["eval", "1", "--format", "xml"], status: 2),
        // completion, the root command
        .init(arguments: ["completion", "bash"], status: 0),
        .init(arguments: ["completion", "zsh"], status: 0),
        .init(arguments: ["completion", "fish"], status: 0),
        .init(arguments: ["completion", "tcsh"], status: 2),
        .init(arguments: ["generate-manual"], status: 0),
        .init(arguments: ["--version"], status: 0),
        .init(arguments: ["no-such-command"], status: 2),
    ]

    @Test("exit status", arguments: cases)
    func status(_ c: Case) {
        let arguments = c.arguments.map { argument in
            ["Examples/", "Tests/", "Rulesets"].contains(where: argument.hasPrefix) ? Paths.package(argument) : argument
        }
        #expect(exitStatus(arguments) == c.status)
    }

    @Test("a usage error's status is 2 whatever ArgumentParser would say")
    func usageIsTwo() {
        do {
            _ = try ReadinessCommand.parseCommandLine(["check", "--no-such-option"])
            Issue.record("parsed an unknown option")
        } catch {
            #expect(ReadinessCommand.exitCode(for: error).rawValue == 64)
            #expect(ReadinessCommand.exitStatus(for: error) == 2)
            #expect(ReadinessCommand.fullMessage(for: error).contains("Usage: readiness check"))
        }
    }
}
