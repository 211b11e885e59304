import ArgumentParser
import Readiness

/// `readiness schema`: prints the JSON Schema of snapshots, rulesets or ruleset tests.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (2020-12) of snapshots, rulesets or ruleset tests, for editors and other tools.",
        discussion: """
            The same files are in the repository under Rulesets/schemas/. Save one and point your \
            editor at it (see the README: editor set-up).
            """)

    /// Which schema.
    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case snapshot, ruleset, test
    }

    @Argument(help: "Which schema: snapshot, ruleset or test.")
    var kind: Kind

    func run() throws {
        guard let text = SnapshotSchema.text(named: kind.rawValue) else { throw CLI.badInput }
        CLI.printOutput(text)
    }
}
