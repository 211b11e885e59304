import ArgumentParser
import Readiness
import SourceDiagnostics
import StrictYAML

/// `readiness validate`: loads rulesets and snapshots and reports every problem at once.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check ruleset files (keys, types, ids, expressions, templates) and snapshots (against the snapshot schema).",
        discussion: """
            A file with a top-level 'ruleset' or 'rules' key is a ruleset; any other file is a \
            snapshot, checked against the schema of the rulesets given (every built-in ruleset \
            when none is). Reports every problem at once as file:line:column; exits 2 if there \
            is any error.
            """)

    @Argument(help: ArgumentHelp("Ruleset files or built-in names, and snapshots (default: every built-in ruleset).", valueName: "file"))
    var files: [String] = []

    @Flag(help: "Report unknown snapshot keys as errors, not warnings.")
    var strict = false

    @OptionGroup var limits: LimitOptions

    func run() throws {
        let yaml = limits.yamlLoader
        var rulesetFiles: [String] = []
        var snapshotFiles: [String] = []
        for file in files {
            if BuiltinRulesets.names.contains(file) || Self.isRuleset(file, yaml: yaml) {
                rulesetFiles.append(file)
            } else {
                snapshotFiles.append(file)
            }
        }
        let loader = limits.rulesetLoader
        let (catalog, warnings) = try CLI.guarding { try loader.load(rulesetFiles) }
        var diagnostics = warnings
        let validator = SnapshotValidator(for: catalog, isStrict: strict)
        for file in snapshotFiles {
            do {
                let snapshot = try SnapshotLoader(yaml: yaml).load(contentsOf: file)
                diagnostics += validator.validate(snapshot.document)
            } catch {
                diagnostics += error.diagnostics
            }
        }
        if !diagnostics.isEmpty { CLI.report(diagnostics) }
        if diagnostics.hasErrors { throw CLI.badInput }
        let rules = catalog.rules.count
        var summary = "ok: \(catalog.rulesets.count) ruleset\(catalog.rulesets.count == 1 ? "" : "s"), \(rules) rule\(rules == 1 ? "" : "s")"
        if !snapshotFiles.isEmpty {
            summary += ", \(snapshotFiles.count) snapshot\(snapshotFiles.count == 1 ? "" : "s")"
        }
        CLI.printOutput(summary + "\n")
    }

    /// Whether a file is a ruleset: a mapping with a top-level `ruleset` or `rules` key. A file
    /// that does not load is handed to the ruleset loader, which reports why.
    static func isRuleset(_ file: String, yaml: YAMLLoader) -> Bool {
        guard let document = try? yaml.load(contentsOf: file) else { return true }
        guard case .map(let root) = document.root else { return true }
        return root["ruleset"] != nil || root["rules"] != nil
    }
}
