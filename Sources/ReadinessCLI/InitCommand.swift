import ArgumentParser
import Readiness

/// `readiness init`: writes a snapshot form with every fact the rulesets read, left unknown,
/// or (`--example`) the filled-in example.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a snapshot form with every fact the selected rulesets read, each left unknown (~) with its type, unit and meaning.",
        discussion: """
            check runs on the form as written and reports every area as unassessed; fill it in \
            fact by fact. --example writes the filled-in example snapshot instead (for the \
            built-in rulesets: Rulesets/templates/snapshot.yaml).
            """)

    @OptionGroup var rulesetOptions: RulesetOptions

    @Option(help: ArgumentHelp("Where to write it ('-' for standard output).", valueName: "file"))
    var output: String = "-"

    @Option(help: "Comment language for the header: en or zh.")
    var lang: String = "en"

    func validate() throws {
        try CLI.checkLanguage(lang)
    }

    @Flag(help: "Write the filled-in example snapshot instead of the form.")
    var example = false

    func run() throws {
        let catalog = try rulesetOptions.loadCatalog()
        let text = example
            ? SnapshotTemplate.make(for: catalog, isBuiltin: rulesetOptions.rulesets.isEmpty, language: lang)
            : SnapshotForm.make(for: catalog, language: lang)
        if output == "-" {
            CLI.printOutput(text)
        } else {
            do {
                try AtomicFile.write(text, to: output, protecting: catalog.rulesets.map(\.file))
            } catch {
                CLI.report([.error("output.write", error.description, at: nil)])
                throw CLI.badInput
            }
        }
    }
}
