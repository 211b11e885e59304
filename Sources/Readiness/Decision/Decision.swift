/// Turns an evaluation's results into scores, a verdict and a phase plan (docs/scoring.md).
enum Decision {
    static func decide(_ evaluation: inout Evaluation) {
        evaluation.scores = Scoring.scores(evaluation)
        let open = openFindings(evaluation)
        evaluation.verdict = open.map(\.verdict).max() ?? .go
        evaluation.decidedBy = decidingReasons(open, verdict: evaluation.verdict, evaluation: evaluation)
        evaluation.plan = Planning.plan(evaluation, open: open)
    }

    /// A result that holds the project back, with the verdict it calls for.
    struct OpenFinding {
        /// Index of the result in `Evaluation.results`.
        var resultIndex: Int
        /// Index of the rule in `Evaluation.rules`.
        var ruleIndex: Int
        var verdict: Verdict
        /// The action that applies (a warn outcome acts as `warn` whatever the rule's action).
        var action: RuleAction
    }

    /// Open findings: failures; warnings (which call for conditions only); errors (conditions,
    /// or the rule's action under `--strict`); unknowns only under `--strict`.
    static func openFindings(_ evaluation: Evaluation) -> [OpenFinding] {
        var out: [OpenFinding] = []
        let actions = evaluation.rules.map(\.rule.action)
        // In place: binding each result would copy it (and retain its strings) 200,000 times.
        // Only the findings are read (an open finding is one).
        let candidates = evaluation.findingIndices
        evaluation.results.withUnsafeBufferPointer { results in
            for i in candidates {
                let status = results[i].status
                let ruleIndex = results[i].ruleIndex
                let ruleAction = actions[ruleIndex]
                let action: RuleAction
                switch status {
                case .fail: action = ruleAction
                case .warn: action = min(ruleAction, .warn)
                case .error: action = evaluation.isStrict ? ruleAction : .mitigate
                case .unknown where evaluation.isStrict: action = ruleAction
                default: continue
                }
                let verdict = status == .warn ? Verdict.goWithConditions : Verdict(action: action)
                out.append(OpenFinding(resultIndex: i, ruleIndex: ruleIndex, verdict: verdict, action: action))
            }
        }
        return out
    }

    static func reason(_ finding: OpenFinding, in evaluation: Evaluation) -> Reason {
        // Field by field: binding the result or the rule would copy all of it.
        let i = finding.resultIndex
        return Reason(
            rule: evaluation.rules[finding.ruleIndex].rule.id, subject: evaluation.results[i].subject,
            status: evaluation.results[i].status, action: finding.action,
            message: evaluation.results[i].message ?? evaluation.rules[finding.ruleIndex].rule.title.resolved(evaluation.language))
    }

    /// " (and 3 more)", appended to the message of a rule's first finding.
    static func andMore(_ count: Int, language: String) -> String {
        language == "zh" ? "（另有 \(count) 项）" : " (and \(count) more)"
    }

    /// One reason per rule among the findings that call for the verdict, in rule order.
    static func decidingReasons(_ open: [OpenFinding], verdict: Verdict, evaluation: Evaluation) -> [Reason] {
        guard verdict != .go else { return [] }
        var seen: Set<Int> = []
        var out: [Reason] = []
        var perRule: [Int: Int] = [:]
        for finding in open where finding.verdict == verdict { perRule[finding.ruleIndex, default: 0] += 1 }
        for finding in open where finding.verdict == verdict && !seen.contains(finding.ruleIndex) {
            seen.insert(finding.ruleIndex)
            var reason = reason(finding, in: evaluation)
            let more = (perRule[finding.ruleIndex] ?? 1) - 1
            if more > 0 {
                reason.message += andMore(more, language: evaluation.language)
                reason.subject = nil
            }
            out.append(reason)
        }
        return out
    }
}
