import ArgumentParser
import Readiness

/// `readiness validate`: loads rulesets and reports every problem at once.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check ruleset files: keys, types, ids, expressions and templates.",
        discussion: "Reports every problem at once as file:line:column; exits 2 if there is any error.")

    @Argument(help: ArgumentHelp("Ruleset files or built-in names (default: every built-in ruleset).", valueName: "file"))
    var files: [String] = []

    @OptionGroup var limits: LimitOptions

    func run() throws {
        let loader = limits.rulesetLoader
        let (catalog, warnings) = try CLI.guarding { try loader.load(files) }
        if !warnings.isEmpty { CLI.report(warnings) }
        let rules = catalog.rules.count
        CLI.printOutput("ok: \(catalog.rulesets.count) ruleset\(catalog.rulesets.count == 1 ? "" : "s"), \(rules) rule\(rules == 1 ? "" : "s")\n")
    }
}
