public import ArgumentParser
import Readiness

/// The `readiness` command: evaluates rulesets against a project snapshot. The `readiness`
/// executable runs it (`ReadinessCommand.main()`).
public struct ReadinessCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "readiness",
        abstract: "Judge whether a CRM/ERP implementation project is ready, with evidence.",
        discussion: """
            Evaluates YAML rulesets (conditions in CEL) against a YAML or JSON snapshot of a \
            project and reports which risks stand, how ready each area is, and whether each \
            phase should go ahead, go with conditions, be split, or be deferred.

            Exit codes: 0 the gate passed; 1 the gate failed (or, for test, a case failed; for \
            eval, the expression's evaluation failed); 2 bad input or usage.
            """,
        version: ReadinessVersion.current,
        subcommands: [
            CheckCommand.self, ValidateCommand.self, RulesCommand.self, ExplainCommand.self,
            InitCommand.self, TestCommand.self, EvalCommand.self, SchemaCommand.self, CompletionCommand.self, ManualCommand.self,
            DiffCommand.self, HistoryCommand.self, WhatIfCommand.self,
        ]
    )

    /// Creates the command (ArgumentParser fills in its options).
    public init() {}
}
