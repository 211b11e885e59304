import ArgumentParser
import Foundation
import Readiness
import Reporting
import SourceDiagnostics

/// `readiness test`: runs ruleset test files.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run ruleset test files and report passed and failed cases with a diff.",
        discussion: """
            A folder is searched for *.test.yaml (and *.test.yml) files; a file named on the \
            command line is run whatever its name. Exit status: 0 when every case passes, 1 when \
            any fails, 2 when a case or a file could not run (bad input) or for usage errors.
            """)

    /// The formats `readiness test` writes.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, junit, json
    }

    @Argument(help: ArgumentHelp("Test files, or folders searched for *.test.yaml.", valueName: "path"))
    var paths: [String]

    @Option(
        name: .customLong("run"),
        help: ArgumentHelp("Run only the cases whose name contains this text or matches this regular expression.", valueName: "pattern"))
    var runPattern: String?

    @Option(help: "Output format: text, junit or json.")
    var format: Format = .text

    @OptionGroup var limits: LimitOptions

    @Flag(name: .shortAndLong, help: "List passing cases too (text format).")
    var verbose = false

    func run() throws {
        let runner = RulesetTestRunner(
            rulesets: limits.rulesetLoader,
            snapshots: SnapshotLoader(yaml: limits.yamlLoader), engine: Engine(cel: limits.celEnvironment))
        let filter = runPattern.map(CaseFilter.init)
        var report = RulesetTestReport(cases: [], fileErrors: [])
        let files = RulesetTestRunner.testFiles(in: paths)
        if files.isEmpty {
            // Nothing ran: that is not a pass.
            CLI.report([.error("test.no-files", "no test files (*.test.yaml) in \(paths.joined(separator: ", "))", at: nil)])
            throw CLI.badInput
        }
        for file in files {
            do {
                report.cases += try runner.run(file: file).filter { filter?.matches($0.name) ?? true }
            } catch {
                report.fileErrors.append((file, error.diagnostics))
            }
        }
        switch format {
        case .text: printText(report)
        case .junit: CLI.printOutput(report.junit())
        case .json: CLI.printOutput(try CLI.guarding { try report.json() })
        }
        let totals = report.totals
        if totals.errors > 0 { throw CLI.badInput }
        if totals.failed > 0 { throw CLI.gateFailed }
    }

    private func printText(_ report: RulesetTestReport) {
        for result in report.cases {
            switch RulesetTestReport.outcome(of: result) {
            case .passed:
                if verbose { CLI.printText("PASS \(result.location): \(result.name)\n") }
            case .failed:
                var text = "FAIL \(result.location): \(result.name)\n"
                for mismatch in result.mismatches { text += "  - \(mismatch)\n" }
                CLI.printText(text)
            case .error:
                CLI.printText("ERROR \(result.location): \(result.name)\n")
                CLI.report(result.problems)
            }
        }
        for (_, diagnostics) in report.fileErrors { CLI.report(diagnostics) }
        CLI.printOutput(report.totalsLine + "\n")
    }

    /// `--run`: a substring of the case name, or a regular expression it matches.
    struct CaseFilter {
        let text: String
        let regex: Regex<AnyRegexOutput>?

        init(_ text: String) {
            self.text = text
            regex = try? Regex(text)
        }

        func matches(_ name: String) -> Bool {
            if name.contains(text) { return true }
            guard let regex else { return false }
            return (try? regex.firstMatch(in: name)) != nil
        }
    }
}
