import ArgumentParser
import Readiness
import SourceDiagnostics

/// `readiness test`: runs ruleset test files.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run ruleset test files and report passed and failed cases with a diff.",
        discussion: "Exit status: 0 when every case passes, 1 when any fails, 2 for bad input.")

    @Argument(help: ArgumentHelp("Test files, or folders of them.", valueName: "path"))
    var paths: [String]

    @OptionGroup var limits: LimitOptions

    @Flag(name: .shortAndLong, help: "List passing cases too.")
    var verbose = false

    func run() throws {
        let runner = RulesetTestRunner(
            rulesets: limits.rulesetLoader,
            snapshots: SnapshotLoader(yaml: limits.yamlLoader), engine: Engine(cel: limits.celEnvironment))
        var passed = 0
        var failed = 0
        var inputErrors: [Diagnostic] = []
        for file in RulesetTestRunner.testFiles(in: paths) {
            let results: [RulesetTestRunner.CaseResult]
            do {
                results = try runner.run(file: file)
            } catch {
                inputErrors.append(contentsOf: error.diagnostics)
                continue
            }
            for result in results {
                if result.passed {
                    passed += 1
                    if verbose { CLI.printText("PASS \(result.location): \(result.name)\n") }
                    continue
                }
                failed += 1
                var text = "FAIL \(result.location): \(result.name)\n"
                for mismatch in result.mismatches { text += "  - \(mismatch)\n" }
                CLI.printText(text)
                if !result.problems.isEmpty { CLI.report(result.problems) }
            }
        }
        if !inputErrors.isEmpty { CLI.report(inputErrors) }
        CLI.printOutput("\(passed) passed, \(failed) failed\n")
        if !inputErrors.isEmpty { throw CLI.badInput }
        if failed > 0 { throw CLI.gateFailed }
    }
}
