/// The scores and area statuses (docs/scoring.md).
enum Scoring {
    static func scores(_ evaluation: Evaluation, open: [Decision.OpenFinding]) -> Scores {
        var categories: [String] = []
        var categoryOf: [String: Int] = [:]
        for summary in evaluation.rules where categoryOf[summary.rule.category] == nil {
            categoryOf[summary.rule.category] = categories.count
            categories.append(summary.rule.category)
        }
        // Per category, the worst the open findings call for (the same findings as the verdict),
        // and whether a failure, not only missing evidence, makes it red.
        var worst = Array(repeating: ReadinessStatus.green, count: categories.count)
        var failureRed = Array(repeating: false, count: categories.count)
        var overallWorst = ReadinessStatus.green
        var overallFailureRed = false
        for finding in open {
            let status: ReadinessStatus = finding.action >= .split ? .red : .amber
            let isFailure = status == .red && !evaluation.results[finding.resultIndex].status.isEvidenceGap
            if let c = categoryOf[evaluation.rules[finding.ruleIndex].rule.category] {
                worst[c] = max(worst[c], status)
                failureRed[c] = failureRed[c] || isFailure
            }
            overallWorst = max(overallWorst, status)
            overallFailureRed = overallFailureRed || isFailure
        }
        var matrix = Array(repeating: Array(repeating: [String](), count: 5), count: 5)
        var exposure = 0
        for summary in evaluation.rules where summary.isOpen {
            matrix[summary.rule.likelihood - 1][summary.rule.impact - 1].append(summary.rule.id)
            exposure += summary.rule.exposure
        }
        let areas = categories.enumerated().map { c, name in
            area(name, evaluation.rules.filter { $0.rule.category == name }, status: worst[c], isFailure: failureRed[c])
        }
        return Scores(
            overall: area("overall", evaluation.rules, status: overallWorst, isFailure: overallFailureRed), categories: areas,
            riskMatrix: matrix, exposure: exposure)
    }

    /// Checks passed: Σ weight × rule credit / Σ weight over rules with assessed results, where
    /// a rule's credit is the mean credit of its assessed results. Coverage: the share of
    /// assessed results that are evidenced (neither unknown nor error). Status: red or amber
    /// from the open findings, grey under the coverage threshold or when every check is not yet
    /// due, else green.
    static func area(_ name: String, _ rules: [RuleSummary], status worst: ReadinessStatus, isFailure: Bool) -> Scores.Area {
        var weighted = 0.0
        var weights = 0.0
        var counts = StatusCounts()
        var exposure = 0
        for summary in rules {
            counts.add(summary.counts)
            if summary.isOpen { exposure += summary.rule.exposure }
            let c = summary.counts
            guard c.assessed > 0 else { continue }
            let credit = Double(c.pass + c.waived) + 0.5 * Double(c.warn)
            weighted += summary.rule.severity.weight * credit / Double(c.assessed)
            weights += summary.rule.severity.weight
        }
        let assessed = counts.assessed
        let readiness = weights > 0 ? 100 * weighted / weights : 100
        let coverage = assessed > 0 ? 100 * Double(assessed - counts.unknown - counts.error) / Double(assessed) : 100
        var area = Scores.Area(
            name: name, readiness: rounded(readiness), coverage: rounded(coverage), counts: counts, exposure: exposure)
        area.status = worst.assessed(coverage: area.coverage, isFailure: isFailure)
        // Only planned work (every check not yet due): nothing was assessed, so nothing is green.
        if assessed == 0 && counts.notDue > 0 && area.status == .green { area.status = .grey }
        return area
    }

    /// One decimal place, so reports are stable and readable.
    static func rounded(_ x: Double) -> Double { (x * 10).rounded() / 10 }
}
