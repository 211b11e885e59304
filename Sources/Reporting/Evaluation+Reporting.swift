import Readiness

extension Evaluation {
    /// The project's name, or the snapshot's file name when the snapshot gives none.
    var projectTitle: String {
        if let name = snapshot.projectName, !name.isEmpty { return name }
        return ReportPath.fileName(snapshot.file)
    }

    /// Category names in the order the scores give them, then any others in name order.
    var categoryOrder: [String] {
        var order = scores.categories.map(\.name)
        let extra = Set(rules.map(\.rule.category)).subtracting(order).sorted()
        order.append(contentsOf: extra)
        return order
    }

    /// The findings grouped by category (in `categoryOrder`), and within each category by rule,
    /// most severe first, then in ruleset order; results keep their evaluation order.
    var findingsByCategory: [CategoryFindings] {
        var byRule: [Int: [RuleResult]] = [:]
        var takes: [Int: [WhatItTakes?]] = [:]
        for i in findingIndices {
            byRule[results[i].ruleIndex, default: []].append(results[i])
            takes[results[i].ruleIndex, default: []].append(whatItTakes[i])
        }
        return categoryOrder.compactMap { category in
            let indices = rules.indices.filter { rules[$0].rule.category == category && byRule[$0] != nil }
            let sorted = indices.sorted { a, b in
                let (ra, rb) = (rules[a].rule, rules[b].rule)
                if ra.severity != rb.severity { return ra.severity > rb.severity }
                return a < b
            }
            guard !sorted.isEmpty else { return nil }
            return CategoryFindings(
                category: category,
                rules: sorted.map { RuleFindings(summary: rules[$0], results: byRule[$0] ?? [], whatItTakes: takes[$0] ?? []) })
        }
    }

    /// What it takes to clear a rule's finding for a subject (the first such finding).
    func whatItTakes(rule id: String, subject: String?) -> WhatItTakes? {
        guard !whatItTakes.isEmpty else { return nil }
        for i in findingIndices where results[i].subject == subject && rules[results[i].ruleIndex].rule.id == id {
            if let found = whatItTakes[i] { return found }
        }
        return nil
    }

    /// What it takes to clear a prerequisite's findings, worded: per subject, or once when it
    /// names none; subjects with nothing to say are left out.
    func whatItTakes(for prerequisite: Prerequisite, strings: ReportStrings) -> [(subject: String?, text: String)] {
        let subjects = prerequisite.subjects.isEmpty ? [nil] : prerequisite.subjects.map(Optional.some)
        return subjects.compactMap { subject in
            strings.whatItTakes(whatItTakes(rule: prerequisite.rule, subject: subject), subject: subject).map { (subject, $0) }
        }
    }

    /// The evidence gaps: `unknown` results (facts the rules needed and the snapshot did not
    /// give) and `error` results (rules that could not be evaluated on the facts given).
    var evidenceGaps: [RuleResult] { findingIndices.lazy.map { results[$0] }.filter(\.status.isEvidenceGap) }

    /// Rules with open failures, highest exposure first, then by id.
    var openRisks: [RuleSummary] {
        rules.filter(\.isOpen).sorted { a, b in
            if a.rule.exposure != b.rule.exposure { return a.rule.exposure > b.rule.exposure }
            return a.rule.id < b.rule.id
        }
    }

    /// The indices of each rule's results, by rule index, in one pass.
    var resultIndicesByRule: [[Int]] {
        var byRule = Array(repeating: [Int](), count: rules.count)
        results.withUnsafeBufferPointer { buffer in
            for i in buffer.indices { byRule[buffer[i].ruleIndex].append(i) }
        }
        return byRule
    }

    /// A one-line description of a finding that stands on its own (for SARIF, GitHub, JUnit).
    func headline(of result: RuleResult, strings: ReportStrings) -> String {
        let rule = rule(of: result)
        let title = rule.title.resolved(strings.language)
        let about = result.subject.map { "\(title) (\($0))" } ?? title
        switch result.status {
        case .unknown:
            let fact = result.missingFact ?? "—"
            return "\(about) — \(strings.missingFactPrefix)\(strings.colon)\(fact)"
        case .error:
            return "\(about) — \(strings.errorPrefix)\(strings.colon)\(result.errorMessage ?? "—")"
        default:
            guard let message = result.message else { return about }
            return Self.subjectShown(result.subject, in: message)
                ? message : "\(result.subject ?? "")\(strings.colon)\(message)"
        }
    }

    /// Whether a message can stand without its subject: there is none, or the message names it
    /// (built-in rules leave it out; a custom rule may repeat it).
    static func subjectShown(_ subject: String?, in message: String) -> Bool {
        guard let subject, !subject.isEmpty else { return true }
        return message.contains(subject)
    }

    /// The finding's detail without the rule title (for lists under the rule's heading).
    func detail(of result: RuleResult, strings: ReportStrings) -> String {
        switch result.status {
        case .unknown:
            return "\(strings.missingFactPrefix)\(strings.colon)\(result.missingFact ?? "—")"
        case .error:
            return "\(strings.errorPrefix)\(strings.colon)\(result.errorMessage ?? "—")"
        default:
            if let message = result.message { return message }
            return rule(of: result).title.resolved(strings.language)
        }
    }
}
