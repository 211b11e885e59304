import ArgumentParser
import Foundation
import Readiness
import Reporting

/// `readiness rules`: lists the loaded rules.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "List the loaded rules: id, title, category, severity, action and source.")

    @OptionGroup var rulesetOptions: RulesetOptions

    @Option(help: "Output format: text or json.")
    var format: String = "text"

    func validate() throws {
        guard ["text", "json"].contains(format) else { throw ValidationError("--format must be text or json") }
    }

    struct Entry: Encodable {
        var id: String
        var title: [String: String]
        var category: String
        var severity: String
        var action: String
        var ruleset: String
        var source: String
    }

    func run() throws {
        let catalog = try rulesetOptions.loadCatalog()
        let rules = catalog.rules
        if format == "json" {
            let entries = rules.map { rule in
                Entry(
                    id: rule.id,
                    title: Dictionary(rule.title.translations.map { ($0.language.isEmpty ? "en" : $0.language, $0.text) }, uniquingKeysWith: { a, _ in a }),
                    category: rule.category, severity: rule.severity.rawValue, action: rule.action.rawValue,
                    ruleset: rule.rulesetID, source: "\(rule.location.file):\(rule.location.line)")
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = (try? encoder.encode(entries)) ?? Data("[]".utf8)
            CLI.printOutput(String(decoding: data, as: UTF8.self) + "\n")
            return
        }
        var rows: [[String]] = [["ID", "CATEGORY", "SEVERITY", "ACTION", "SOURCE", "TITLE"]]
        for rule in rules {
            let titles = rule.title.translations.map(\.text).joined(separator: " / ")
            rows.append([
                rule.id, rule.category, rule.severity.rawValue, rule.action.rawValue,
                "\(rule.location.file):\(rule.location.line)", titles,
            ])
        }
        CLI.printText(TextTable.render(rows))
    }
}
