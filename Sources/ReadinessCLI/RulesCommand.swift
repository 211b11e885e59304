import ArgumentParser
import Foundation
import Readiness
import Reporting
import SourceDiagnostics

/// `readiness rules`: lists the loaded rules as they will run, calibrated by the rulesets'
/// overrides (and, with `--snapshot`, by the snapshot's).
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the loaded rules as they will run: id, title, category, severity, action, source and any override.")

    @OptionGroup var rulesetOptions: RulesetOptions

    @Option(help: ArgumentHelp("Also apply this snapshot's overrides.", valueName: "file"))
    var snapshot: String?

    @Option(help: "Output format: text or json.")
    var format: String = "text"

    func validate() throws {
        guard ["text", "json"].contains(format) else { throw ValidationError("--format must be text or json") }
    }

    func run() throws {
        var catalog = try rulesetOptions.loadCatalog()
        if let snapshot {
            catalog = try CLI.guarding { () throws -> RuleCatalog in
                let loaded = try SnapshotLoader(yaml: rulesetOptions.limits.yamlLoader).load(contentsOf: snapshot)
                let (calibrated, diagnostics) = catalog.applying(loaded.ruleOverrides)
                if diagnostics.contains(where: { $0.severity == .error }) { throw DiagnosticError(diagnostics) }
                if !diagnostics.isEmpty { CLI.report(diagnostics) }
                return calibrated
            }
        }
        let rules = catalog.allRules
        if format == "json" {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = (try? encoder.encode(rules.map(EffectiveRule.init))) ?? Data("[]".utf8)
            CLI.printOutput(String(decoding: data, as: UTF8.self) + "\n")
            return
        }
        var rows: [[String]] = [["ID", "CATEGORY", "SEVERITY", "ACTION", "SOURCE", "TITLE"]]
        var notes: [String] = []
        for rule in rules {
            let titles = rule.title.translations.map(\.text).joined(separator: " / ")
            let id = rule.isEnabled ? rule.id : "\(rule.id) (off)"
            rows.append([
                id, rule.category, rule.severity.rawValue, rule.action.rawValue,
                "\(rule.location.file):\(rule.location.line)", titles,
            ])
            for override in rule.appliedOverrides {
                notes.append("  \(rule.id): \(override.summary) — \(override.reason) (\(override.location.file):\(override.location.line))")
            }
        }
        var text = TextTable.render(rows)
        if !notes.isEmpty { text += "\nOverrides:\n" + notes.joined(separator: "\n") + "\n" }
        CLI.printText(text)
    }
}
