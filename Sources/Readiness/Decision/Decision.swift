/// Turns an evaluation's results into a phase plan, a verdict, statuses and scores
/// (docs/scoring.md).
enum Decision {
    static func decide(_ evaluation: inout Evaluation) {
        let calendar = evaluation.calendar ?? ProjectCalendar(snapshot: evaluation.snapshot, asOf: nil)
        evaluation.calendar = calendar
        let open = openFindings(evaluation, calendar: calendar)
        evaluation.plan = Planning.plan(evaluation, open: open, calendar: calendar)
        let phaseVerdict = evaluation.plan.planned.filter { $0.splitFrom == nil }.map(\.decision).max() ?? .go
        evaluation.verdict = max(open.map(\.verdict).max() ?? .go, phaseVerdict)
        evaluation.decidedBy = decidingReasons(open, verdict: evaluation.verdict, evaluation: evaluation)
        evaluation.scores = Scoring.scores(evaluation, open: open)
        let coverage = evaluation.scores.overall.coverage
        let isFailure = evaluation.decidedBy.contains { !$0.isEvidenceGap }
        evaluation.status = ReadinessStatus(evaluation.verdict).assessed(coverage: coverage, isFailure: isFailure)
        for p in evaluation.plan.planned.indices {
            let phase = evaluation.plan.planned[p]
            let phaseFailure = (phase.deferredBecause + phase.moved.flatMap(\.because)).contains { !$0.isEvidenceGap }
                || !phase.deferredDependencies.isEmpty
            evaluation.plan.planned[p].status = ReadinessStatus(phase.decision).assessed(coverage: coverage, isFailure: phaseFailure)
        }
        evaluation.plannedWork = plannedWork(evaluation)
    }

    /// A result that holds the project back, with what it calls for.
    struct OpenFinding {
        /// Index of the result in `Evaluation.results`.
        var resultIndex: Int
        /// Index of the rule in `Evaluation.rules`.
        var ruleIndex: Int
        var verdict: Verdict
        /// The action that applies: a warn outcome acts as `warn` whatever the rule's action;
        /// an evidence gap acts as a condition before its deadline and as the rule's action
        /// after it.
        var action: RuleAction
        /// For an evidence gap before its deadline: the day the evidence is due.
        var collectBy: Int?
    }

    /// Open findings: failures, warnings (conditions), and evidence gaps — `unknown` and `error`
    /// results, which never let a blocker through: before the evidence deadline of the phases
    /// they act on they are conditions (collect the fact by then); after it (or when the dates
    /// do not say) they act as the rule's own action. Under `--strict` every gap counts as a
    /// failure at once. Waived and not-yet-due results are not open.
    static func openFindings(_ evaluation: Evaluation, calendar: ProjectCalendar) -> [OpenFinding] {
        var out: [OpenFinding] = []
        let rules = evaluation.rules
        // In place: binding each result would copy it (and retain its strings) 200,000 times.
        let candidates = evaluation.findingIndices
        evaluation.results.withUnsafeBufferPointer { results in
            for i in candidates {
                let status = results[i].status
                let ruleIndex = results[i].ruleIndex
                let ruleAction = rules[ruleIndex].rule.action
                var action = ruleAction
                var collectBy: Int?
                switch status {
                case .fail: break
                case .warn: action = min(ruleAction, .warn)
                case .unknown, .error:
                    guard !evaluation.isStrict else { break }
                    let deadline = calendar.evidenceDeadline(
                        days: rules[ruleIndex].rule.evidenceDeadlineDays, items: results[i].affected)
                    if let asOf = calendar.asOf, let deadline, asOf < deadline {
                        action = min(ruleAction, .mitigate)
                        collectBy = deadline
                    }
                default: continue
                }
                let verdict = status == .warn ? Verdict.goWithConditions : Verdict(action: action)
                out.append(OpenFinding(resultIndex: i, ruleIndex: ruleIndex, verdict: verdict, action: action, collectBy: collectBy))
            }
        }
        return out
    }

    static func reason(_ finding: OpenFinding, in evaluation: Evaluation) -> Reason {
        // Field by field: binding the result or the rule would copy all of it.
        let i = finding.resultIndex
        let status = evaluation.results[i].status
        return Reason(
            rule: evaluation.rules[finding.ruleIndex].rule.id, subject: evaluation.results[i].subject,
            status: status, action: finding.action,
            message: evaluation.results[i].message ?? evaluation.rules[finding.ruleIndex].rule.title.resolved(evaluation.language),
            missingFact: status.isEvidenceGap ? evaluation.results[i].missingFact : nil,
            collectBy: finding.collectBy.map(ProjectCalendar.format))
    }

    /// " (and 3 more)", appended to the message of a rule's first finding.
    static func andMore(_ count: Int, language: String) -> String {
        Phrases(language: language).andMoreSuffix(count)
    }

    /// One reason per rule among the findings that call for the verdict, in rule order; when
    /// the verdict comes from the plan alone (a phase emptied by splits), the reasons of the
    /// phases that carry it.
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
        if out.isEmpty {
            let phases = evaluation.plan.planned.filter { $0.decision == verdict && $0.splitFrom == nil }
            out = phases.flatMap(\.deferredBecause).uniqued()
        }
        return out
    }

    /// The checks not yet due, in rule order.
    static func plannedWork(_ evaluation: Evaluation) -> [PlannedCheck] {
        evaluation.notDueIndices.map { i in
            let result = evaluation.results[i]
            let rule = evaluation.rules[result.ruleIndex].rule
            let status = rule.check != nil || !rule.outcomes.isEmpty ? currentStatus(of: result) : .unknown
            return PlannedCheck(
                rule: rule.id, subject: result.subject, due: result.dueDate, title: rule.title.resolved(evaluation.language),
                currentStatus: status)
        }
    }

    /// What a not-yet-due check would say today: a gap when a fact is missing, else a failure.
    static func currentStatus(of result: RuleResult) -> ResultStatus {
        if result.missingFact != nil { return .unknown }
        if result.errorMessage != nil { return .error }
        return .fail
    }
}
