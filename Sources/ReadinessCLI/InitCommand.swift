import ArgumentParser
import Readiness

/// `readiness init`: writes a commented starter snapshot with every fact the rulesets read.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented starter snapshot with every fact the selected rulesets read.")

    @OptionGroup var rulesetOptions: RulesetOptions

    @Option(help: ArgumentHelp("Where to write it ('-' for standard output).", valueName: "file"))
    var output: String = "-"

    @Option(help: "Comment language for a generated skeleton: en or zh.")
    var lang: String = "en"

    func run() throws {
        let catalog = try rulesetOptions.loadCatalog()
        let text = SnapshotTemplate.make(for: catalog, isBuiltin: rulesetOptions.rulesets.isEmpty, language: lang)
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
