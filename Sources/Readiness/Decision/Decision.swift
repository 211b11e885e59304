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
        var result: RuleResult
        var rule: Rule
        var verdict: Verdict
        /// The action that applies (a warn outcome acts as `warn` whatever the rule's action).
        var action: RuleAction
    }

    /// Open findings: failures; warnings (which call for conditions only); errors (conditions,
    /// or the rule's action under `--strict`); unknowns only under `--strict`.
    static func openFindings(_ evaluation: Evaluation) -> [OpenFinding] {
        var out: [OpenFinding] = []
        for result in evaluation.results {
            let rule = evaluation.rules[result.ruleIndex].rule
            switch result.status {
            case .fail:
                out.append(OpenFinding(result: result, rule: rule, verdict: Verdict(action: rule.action), action: rule.action))
            case .warn:
                let action = min(rule.action, .warn)
                out.append(OpenFinding(result: result, rule: rule, verdict: .goWithConditions, action: action))
            case .error:
                let action = evaluation.isStrict ? rule.action : .mitigate
                out.append(OpenFinding(result: result, rule: rule, verdict: Verdict(action: action), action: action))
            case .unknown where evaluation.isStrict:
                out.append(OpenFinding(result: result, rule: rule, verdict: Verdict(action: rule.action), action: rule.action))
            default:
                break
            }
        }
        return out
    }

    static func reason(_ finding: OpenFinding, language: String) -> Reason {
        Reason(
            rule: finding.rule.id, subject: finding.result.subject, status: finding.result.status,
            action: finding.action, message: finding.result.message ?? finding.rule.title.resolved(language))
    }

    /// One reason per rule among the findings that call for the verdict, in rule order.
    static func decidingReasons(_ open: [OpenFinding], verdict: Verdict, evaluation: Evaluation) -> [Reason] {
        guard verdict != .go else { return [] }
        var seen: Set<String> = []
        var out: [Reason] = []
        for finding in open where finding.verdict == verdict && !seen.contains(finding.rule.id) {
            seen.insert(finding.rule.id)
            var reason = reason(finding, language: evaluation.language)
            let more = open.filter { $0.rule.id == finding.rule.id && $0.verdict == verdict }.count - 1
            if more > 0 {
                reason.message += evaluation.language == "zh" ? "（另有 \(more) 项）" : " (and \(more) more)"
                reason.subject = nil
            }
            out.append(reason)
        }
        return out
    }
}
