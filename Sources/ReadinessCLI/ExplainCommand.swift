import ArgumentParser
import Readiness
import SourceDiagnostics
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

    func validate() throws {
        try CLI.checkLanguage(lang)
    }

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
        let words = Phrases(language: lang)
        let t = words.t
        var out = "\(rule.id): \(rule.title.resolved(lang))\(rule.isEnabled ? "" : t(" (switched off)", "（已停用）"))\n"
        out += t("  category \(rule.category) · severity \(words.severityName(rule.severity)) · action \(words.actionName(rule.action))",
            "  类别 \(rule.category) · 严重程度 \(words.severityName(rule.severity)) · 处置 \(words.actionName(rule.action))")
        out += t(" · likelihood \(rule.likelihood) × impact \(rule.impact)\n", " · 可能性 \(rule.likelihood) × 影响 \(rule.impact)\n")
        out += t("  defined at \(rule.location.file):\(rule.location.line) (ruleset \(rule.rulesetID))\n",
            "  定义于 \(rule.location.file):\(rule.location.line)（规则集 \(rule.rulesetID)）\n")
        for override in rule.appliedOverrides {
            out += t("  calibrated: ", "  已校准：") + "\(override.summary) — \(override.reason) (\(override.location.file):\(override.location.line))\n"
        }
        out += "\n"
        func section(_ title: String, _ text: String?) {
            guard let text, !text.isEmpty else { return }
            out += "\(title)\n"
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) { out += "  \(line)\n" }
            out += "\n"
        }
        section(t("Why it matters", "原因"), rule.rationale?.resolved(lang))
        var logic = ""
        if let iteration = rule.iteration { logic += "for_each: \(iteration.variable) in \(iteration.list.source)\n" }
        if let when = rule.when { logic += "when:     \(when.source)\n" }
        if let check = rule.check { logic += "check:    \(check.source)\n" }
        for outcome in rule.outcomes { logic += "\(outcome.status.rawValue):\(String(repeating: " ", count: max(1, 9 - outcome.status.rawValue.count)))\(outcome.condition.source)\n" }
        for affect in rule.affects { logic += "affects:  \(affect.kind) ← \(affect.item.source)\n" }
        section(t("Check", "检查"), logic.trimmingSuffixNewlines())
        let used = Set(([rule.check, rule.when, rule.iteration?.list].compactMap { $0 } + rule.outcomes.map(\.condition))
            .flatMap { $0.program.referencedPaths }
            .filter { $0.first == "params" && $0.count > 1 }
            .map { $0[1] })
        let parameters = catalog.parameters.filter { used.contains($0.name) }.map { parameter in
            rule.parameterBindings.first { $0.name == parameter.name }.map { (parameter.name, $0.value) } ?? (parameter.name, parameter.value)
        }
        if !parameters.isEmpty {
            section(t("Parameters", "参数"), parameters.map { "params.\($0.0) = \($0.1)" }.joined(separator: "\n"))
        }
        section(t("Recommendation", "建议"), rule.recommendation?.resolved(lang))
        section(t("Evidence to collect", "需收集的证据"), rule.evidence?.resolved(lang))
        if !rule.references.isEmpty {
            section(t("References", "参考资料"), rule.references.map { "- " + $0.title + ($0.url.map { " <\($0)>" } ?? "") }.joined(separator: "\n"))
        }
        CLI.printText(out)
    }
}

extension String {
    func trimmingSuffixNewlines() -> String {
        var s = self
        while s.hasSuffix("\n") { s.removeLast() }
        return s
    }
}
