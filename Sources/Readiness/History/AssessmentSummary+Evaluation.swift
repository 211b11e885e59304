extension AssessmentSummary {
    /// The summary of an evaluation.
    public init(_ e: Evaluation) {
        let rules = e.rules.map(\.rule)
        let titles = rules.map { $0.title.resolved(e.language) }
        let findings = e.findingIndices.map { i in
            let result = e.results[i]
            return Finding(result, of: rules[result.ruleIndex], title: titles[result.ruleIndex])
        }
        let phases = e.plan.planned.map { phase in
            PlannedPhase(
                name: phase.name, decision: phase.decision, status: phase.status.rawValue,
                scope: phase.scope.sorted { $0.kind < $1.kind }.flatMap { entry in entry.items.map { RuleResult.AffectedItem(kind: entry.kind, item: $0) } },
                splitFrom: phase.splitFrom)
        }
        self.init(
            project: e.snapshot.projectName, asOf: e.asOf.isEmpty ? nil : e.asOf, snapshot: e.snapshot.file,
            verdict: e.verdict, isStrict: e.isStrict, readiness: e.scores.overall.readiness,
            coverage: e.scores.overall.coverage, exposure: e.scores.exposure, inputs: e.inputs,
            areas: e.scores.categories.map {
                Area(name: $0.name, readiness: $0.readiness, coverage: $0.coverage, exposure: $0.exposure, status: $0.status.rawValue)
            },
            phases: phases, findings: findings, waivers: Self.waiverStates(e.waivers))
    }

    static func waiverStates(_ report: WaiverReport) -> [WaiverState] {
        func state(_ name: String, _ w: Waiver, _ count: Int) -> WaiverState {
            WaiverState(
                state: name, rule: w.ruleID, subject: w.subject, reason: w.reason, approvedBy: w.approvedBy,
                expires: w.expires, count: count)
        }
        return report.applied.map { state("applied", $0.waiver, $0.count) }
            + report.expired.map { state("expired", $0, 0) } + report.unused.map { state("unused", $0, 0) }
    }
}
