import ArgumentParser
import Readiness
import StrictYAML

/// `readiness explain RULE`: a rule's rationale, check, parameters and recommendation.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain", abstract: "Explain a rule: rationale, check, parameters and recommendation.")

    @Argument(help: "The rule's id.", completion: Completions.ruleIDs)
    var ruleID: String

    @OptionGroup var rulesetOptions: RulesetOptions

    @Option(help: "Language: en or zh.")
    var lang: String = "en"

    func run() throws {
        let catalog = try rulesetOptions.loadCatalog()
        guard let rule = catalog.rule(withID: ruleID) else {
            var message = "no loaded rule has the id '\(ruleID)'"
            if let close = EditDistance.suggestion(for: ruleID, among: catalog.rules.map(\.id)) {
                message += "; did you mean '\(close)'?"
            }
            CLI.report([.error("cli.unknown-rule", message, at: nil)])
            throw CLI.badInput
        }
        var out = "\(rule.id): \(rule.title.resolved(lang))\n"
        out += "  category \(rule.category) · severity \(rule.severity.rawValue) · action \(rule.action.rawValue)"
        out += " · likelihood \(rule.likelihood) × impact \(rule.impact)\n"
        out += "  defined at \(rule.location.file):\(rule.location.line) (ruleset \(rule.rulesetID))\n\n"
        func section(_ title: String, _ text: String?) {
            guard let text, !text.isEmpty else { return }
            out += "\(title)\n"
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) { out += "  \(line)\n" }
            out += "\n"
        }
        section(lang == "zh" ? "原因" : "Why it matters", rule.rationale?.resolved(lang))
        var logic = ""
        if let iteration = rule.iteration { logic += "for_each: \(iteration.variable) in \(iteration.list.source)\n" }
        if let when = rule.when { logic += "when:     \(when.source)\n" }
        if let check = rule.check { logic += "check:    \(check.source)\n" }
        for outcome in rule.outcomes { logic += "\(outcome.status.rawValue):\(String(repeating: " ", count: max(1, 9 - outcome.status.rawValue.count)))\(outcome.condition.source)\n" }
        for affect in rule.affects { logic += "affects:  \(affect.kind) ← \(affect.item.source)\n" }
        section(lang == "zh" ? "检查" : "Check", logic.trimmingSuffixNewlines())
        let used = Set(([rule.check, rule.when, rule.iteration?.list].compactMap { $0 } + rule.outcomes.map(\.condition))
            .flatMap { $0.program.referencedPaths }
            .filter { $0.first == "params" && $0.count > 1 }
            .map { $0[1] })
        let parameters = catalog.parameters.filter { used.contains($0.name) }
        if !parameters.isEmpty {
            section(lang == "zh" ? "参数" : "Parameters", parameters.map { "params.\($0.name) = \($0.value)" }.joined(separator: "\n"))
        }
        section(lang == "zh" ? "建议" : "Recommendation", rule.recommendation?.resolved(lang))
        section(lang == "zh" ? "需收集的证据" : "Evidence to collect", rule.evidence?.resolved(lang))
        if !rule.references.isEmpty {
            section(lang == "zh" ? "参考资料" : "References", rule.references.map { "- " + $0.title + ($0.url.map { " <\($0)>" } ?? "") }.joined(separator: "\n"))
        }
        CLI.printOutput(out)
    }
}

extension String {
    func trimmingSuffixNewlines() -> String {
        var s = self
        while s.hasSuffix("\n") { s.removeLast() }
        return s
    }
}
