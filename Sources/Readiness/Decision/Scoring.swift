/// The readiness scores (docs/scoring.md).
enum Scoring {
    static func scores(_ evaluation: Evaluation) -> Scores {
        var categories: [String] = []
        for summary in evaluation.rules where !categories.contains(summary.rule.category) {
            categories.append(summary.rule.category)
        }
        var matrix = Array(repeating: Array(repeating: [String](), count: 5), count: 5)
        var exposure = 0
        for summary in evaluation.rules where isOpen(summary, strict: evaluation.isStrict) {
            matrix[summary.rule.likelihood - 1][summary.rule.impact - 1].append(summary.rule.id)
            exposure += summary.rule.exposure
        }
        let areas = categories.map { name in
            area(name, evaluation.rules.filter { $0.rule.category == name }, strict: evaluation.isStrict)
        }
        return Scores(
            overall: area("overall", evaluation.rules, strict: evaluation.isStrict), categories: areas,
            riskMatrix: matrix, exposure: exposure)
    }

    /// Whether a rule has an open failure for the risk matrix.
    static func isOpen(_ summary: RuleSummary, strict: Bool) -> Bool {
        summary.counts.fail > 0 || summary.counts.warn > 0 || summary.counts.error > 0
            || (strict && summary.counts.unknown > 0)
    }

    /// Readiness: Σ weight × rule credit / Σ weight over rules with applicable results, where a
    /// rule's credit is the mean credit of its applicable results. Coverage: the share of
    /// applicable results that are not unknown.
    static func area(_ name: String, _ rules: [RuleSummary], strict: Bool) -> Scores.Area {
        var weighted = 0.0
        var weights = 0.0
        var counts = StatusCounts()
        var exposure = 0
        for summary in rules {
            counts.add(summary.counts)
            if isOpen(summary, strict: strict) { exposure += summary.rule.exposure }
            let c = summary.counts
            let applicable = c.total - c.notApplicable
            guard applicable > 0 else { continue }
            let credit = Double(c.pass + c.waived) + 0.5 * Double(c.warn)
            weighted += summary.rule.severity.weight * credit / Double(applicable)
            weights += summary.rule.severity.weight
        }
        let applicable = counts.total - counts.notApplicable
        let readiness = weights > 0 ? 100 * weighted / weights : 100
        let coverage = applicable > 0 ? 100 * Double(applicable - counts.unknown) / Double(applicable) : 100
        return Scores.Area(
            name: name, readiness: rounded(readiness), coverage: rounded(coverage), counts: counts, exposure: exposure)
    }

    /// One decimal place, so reports are stable and readable.
    static func rounded(_ x: Double) -> Double { (x * 10).rounded() / 10 }
}
