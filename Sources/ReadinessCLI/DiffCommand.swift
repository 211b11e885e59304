import ArgumentParser
import Foundation
import Readiness
import Reporting

/// `readiness diff`: what changed between two assessments of a project.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two assessments: verdict, phases, findings and areas.",
        discussion: """
            OLD and NEW are snapshots (evaluated with the same rulesets and options) or JSON \
            reports written by 'check --format json' (recognised by their schema). Findings are \
            matched by rule and subject, not by line.

            Exit status: 0 when NEW passes the gate, 1 when NEW's verdict is at or worse than \
            --fail-on (or, with --fail-on-new, when a finding is new or worse), 2 for bad input or usage.
            """)

    @Argument(help: ArgumentHelp("The earlier snapshot or JSON report.", valueName: "old"))
    var old: String

    @Argument(help: ArgumentHelp("The later snapshot or JSON report.", valueName: "new"))
    var new: String

    @OptionGroup var assessment: AssessmentOptions

    @OptionGroup var changeOutput: ChangeOutputOptions

    @Option(help: ArgumentHelp("Fail at this NEW verdict or worse: go_with_conditions, split, defer or no_go.", valueName: "verdict"))
    var failOn: String = Verdict.defer.rawValue

    @Flag(help: "Fail only when a finding is new or worse than before (ignores the verdict).")
    var failOnNew = false

    func validate() throws {
        guard let failOn = Verdict(rawValue: failOn), failOn != .go else {
            throw ValidationError("--fail-on must be one of go_with_conditions, split, defer, no_go")
        }
    }

    func run() throws {
        var reader = AssessmentReader(options: assessment)
        let before = try reader.read(old)
        let after = try reader.read(new)
        let diff = AssessmentDiff(from: before, to: after)
        let text = try CLI.guarding {
            try DiffReporter().render(
                diff, format: changeOutput.changeFormat,
                context: ReportContext(language: assessment.lang, basePath: FileManager.default.currentDirectoryPath))
        }
        try CLI.write(text, to: changeOutput.output, protecting: [old, new])
        if failOnNew {
            if diff.hasNewOrWorse { throw CLI.gateFailed }
        } else if let threshold = Verdict(rawValue: failOn), after.verdict >= threshold {
            throw CLI.gateFailed
        }
    }
}

extension CLI {
    /// Writes a command's output to standard output (`-`) or atomically to a file; a refused or
    /// failed write exits with status 2.
    static func write(_ text: String, to output: String, protecting inputs: [String]) throws {
        guard output != "-" else {
            printOutput(text)
            return
        }
        do {
            try AtomicFile.write(text, to: output, protecting: inputs)
        } catch {
            report([.error("output.write", error.description, at: nil)])
            throw badInput
        }
    }
}
