/// The phase plan: which phases go, go with conditions, split or are deferred, and why.
enum Planning {
    static func plan(_ evaluation: Evaluation, open: [Decision.OpenFinding]) -> PhasePlan {
        let phases = evaluation.snapshot.phases
        let language = evaluation.language
        var decisions = phases.map { phase in
            PhasePlan.PlannedPhase(
                name: phase.name, start: phase.start, end: phase.end, decision: .go, scope: phase.scope, moved: [],
                followOn: nil, splitFrom: nil, dependsOn: phase.dependsOn, deferredBecause: [],
                deferredDependencies: [], conditions: [])
        }
        var projectWide: [Reason] = []
        var unplaced: [RuleResult.AffectedItem] = []
        var blocked = Set<Int>()

        func apply(_ finding: Decision.OpenFinding, toPhase p: Int, item: RuleResult.AffectedItem?) {
            let reason = Decision.reason(finding, language: language)
            switch finding.action {
            case .warn, .mitigate:
                if !decisions[p].conditions.contains(reason) { decisions[p].conditions.append(reason) }
            case .split:
                guard let item else {
                    if !decisions[p].conditions.contains(reason) { decisions[p].conditions.append(reason) }
                    return
                }
                if let m = decisions[p].moved.firstIndex(where: { $0.kind == item.kind && $0.item == item.item }) {
                    if !decisions[p].moved[m].because.contains(reason) { decisions[p].moved[m].because.append(reason) }
                } else {
                    decisions[p].moved.append(.init(kind: item.kind, item: item.item, because: [reason]))
                }
            case .defer, .block:
                if finding.action == .block { blocked.insert(p) }
                if !decisions[p].deferredBecause.contains(reason) { decisions[p].deferredBecause.append(reason) }
            }
        }

        for finding in open {
            var placed = false
            for item in finding.result.affected {
                for (p, phase) in phases.enumerated() where phase.items(of: item.kind).contains(item.item) {
                    apply(finding, toPhase: p, item: item)
                    placed = true
                }
                if !phases.contains(where: { $0.items(of: item.kind).contains(item.item) }), !unplaced.contains(item) {
                    unplaced.append(item)
                }
            }
            if !placed {
                // Without affects (or with items no phase lists) the finding concerns the whole project.
                let reason = Decision.reason(finding, language: language)
                if !projectWide.contains(where: { $0.rule == reason.rule }) { projectWide.append(reason) }
                for p in phases.indices { apply(finding, toPhase: p, item: nil) }
            }
        }

        // Deferral propagates along depends_on, in dependency order.
        var changed = true
        var guardCount = 0
        while changed && guardCount <= phases.count + 1 {
            changed = false
            guardCount += 1
            for p in phases.indices {
                let isDeferred = !decisions[p].deferredBecause.isEmpty || !decisions[p].deferredDependencies.isEmpty
                guard !isDeferred else { continue }
                let deferredParents = phases[p].dependsOn.filter { name in
                    guard let q = phases.firstIndex(where: { $0.name == name }) else { return false }
                    return !decisions[q].deferredBecause.isEmpty || !decisions[q].deferredDependencies.isEmpty
                }
                if !deferredParents.isEmpty {
                    decisions[p].deferredDependencies = deferredParents
                    if deferredParents.contains(where: { name in blocked.contains(phases.firstIndex { $0.name == name } ?? -1) }) {
                        blocked.insert(p)
                    }
                    changed = true
                }
            }
        }

        var planned: [PhasePlan.PlannedPhase] = []
        for p in decisions.indices {
            var phase = decisions[p]
            let isDeferred = !phase.deferredBecause.isEmpty || !phase.deferredDependencies.isEmpty
            if isDeferred {
                phase.decision = blocked.contains(p) ? .noGo : .defer
                phase.moved = []
                planned.append(phase)
                continue
            }
            if phase.moved.isEmpty {
                phase.decision = phase.conditions.isEmpty ? .go : .goWithConditions
                planned.append(phase)
                continue
            }
            phase.decision = .split
            let followOnName = language == "zh" ? "\(phase.name)（后续）" : "\(phase.name) follow-on"
            phase.followOn = followOnName
            var stays: [Phase.ScopeEntry] = []
            var goes: [Phase.ScopeEntry] = []
            for entry in phase.scope {
                let moved = Set(phase.moved.filter { $0.kind == entry.kind }.map(\.item))
                stays.append(.init(kind: entry.kind, items: entry.items.filter { !moved.contains($0) }))
                let out = entry.items.filter { moved.contains($0) }
                if !out.isEmpty { goes.append(.init(kind: entry.kind, items: out)) }
            }
            phase.scope = stays
            planned.append(phase)
            let (start, end) = followOnDates(start: phase.start, end: phase.end)
            planned.append(PhasePlan.PlannedPhase(
                name: followOnName, start: start, end: end, decision: .defer, scope: goes, moved: [], followOn: nil,
                splitFrom: phase.name, dependsOn: [phase.name],
                deferredBecause: phase.moved.flatMap(\.because).uniqued(), deferredDependencies: [], conditions: []))
        }
        return PhasePlan(
            original: phases, planned: planned, projectWide: projectWide, unplacedItems: unplaced,
            prerequisites: prerequisites(open, language: language))
    }

    /// A follow-on phase starts when its phase ends and lasts as long.
    static func followOnDates(start: String?, end: String?) -> (String?, String?) {
        guard let s = start.flatMap(CalendarDate.parse), let e = end.flatMap(CalendarDate.parse), e.seconds >= s.seconds else {
            return (end, nil)
        }
        let length = e.seconds - s.seconds
        return (end, CalendarDate.format(.init(seconds: e.seconds + length)))
    }

    /// What would clear each split, deferral or block: the rule's recommendation, per rule.
    static func prerequisites(_ open: [Decision.OpenFinding], language: String) -> [Prerequisite] {
        var out: [Prerequisite] = []
        for finding in open where finding.action >= .split {
            let subject = finding.result.subject
            if let i = out.firstIndex(where: { $0.rule == finding.rule.id }) {
                if let subject, !out[i].subjects.contains(subject) { out[i].subjects.append(subject) }
                continue
            }
            out.append(Prerequisite(
                rule: finding.rule.id, subjects: subject.map { [$0] } ?? [], action: finding.action,
                recommendation: finding.rule.recommendation?.resolved(language) ?? finding.rule.title.resolved(language)))
        }
        return out
    }
}

extension Array where Element: Hashable {
    /// The elements in order, without repeats.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
