import SourceDiagnostics

/// The phase plan: which phases go, go with conditions, split or are deferred, and why.
enum Planning {
    static func plan(_ evaluation: Evaluation, open: [Decision.OpenFinding]) -> PhasePlan {
        // The prerequisites read only the findings: with many, they are gathered beside the
        // plan (with few, starting a thread would cost more).
        let prerequisites = open.count >= 4096
            ? Parallel.background { Self.prerequisites(open, evaluation: evaluation) }
            : Parallel.Pending(Self.prerequisites(open, evaluation: evaluation))
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
        var unplacedSet = Set<RuleResult.AffectedItem>()
        var projectWideRules = Set<Int>()
        // The items the phases list, numbered, and which phases list each (a phase listing an
        // item twice is in its list twice): each affected item is hashed once per finding.
        var itemNumbers: [RuleResult.AffectedItem: Int] = [:]
        var phasesOfItem: [[Int]] = []
        for (p, phase) in phases.enumerated() {
            for entry in phase.scope {
                for item in entry.items {
                    let key = RuleResult.AffectedItem(kind: entry.kind, item: item)
                    if let n = itemNumbers[key] {
                        phasesOfItem[n].append(p)
                    } else {
                        itemNumbers[key] = phasesOfItem.count
                        phasesOfItem.append([p])
                    }
                }
            }
        }
        // Items a split moves out of each phase, by item number, with the findings that move
        // them (their reasons are built at the end, and only for phases that are not deferred).
        var moved = Array(repeating: [Moved](), count: phases.count)
        var movedIndex = Array(repeating: [Int: Int](), count: phases.count)

        // Conditions and deferrals are tallied per rule (the first finding and a count) and
        // become reasons once, at the end: a phase touched by 100,000 findings builds a few.
        let results = evaluation.results
        var conditions = Array(repeating: ReasonTally(ruleCount: evaluation.rules.count), count: phases.count)
        var deferrals = conditions
        // Findings that touch every phase (no affects, or items no phase lists) are tallied
        // once and merged into each phase's tallies at the end.
        var wideConditions = ReasonTally(ruleCount: evaluation.rules.count)
        var wideDeferrals = wideConditions
        var isWideBlocked = false
        var touched: [Int] = []
        for (f, finding) in open.enumerated() {
            // The phases this finding touches, once each (a finding may name several items).
            touched.removeAll(keepingCapacity: true)
            for item in results[finding.resultIndex].affected {
                guard let n = itemNumbers[item] else {
                    if unplacedSet.insert(item).inserted { unplaced.append(item) }
                    continue
                }
                for p in phasesOfItem[n] {
                    if finding.action == .split {
                        if let m = movedIndex[p][n] {
                            moved[p][m].findings.append(f)
                        } else {
                            movedIndex[p][n] = moved[p].count
                            moved[p].append(Moved(item: item, findings: [f]))
                        }
                    }
                    if !touched.contains(p) { touched.append(p) }
                }
            }
            if touched.isEmpty {
                // Without affects (or with items no phase lists) the finding concerns the whole
                // project: a condition on every phase, or a deferral of every phase.
                if projectWideRules.insert(finding.ruleIndex).inserted {
                    projectWide.append(Decision.reason(finding, in: evaluation))
                }
                switch finding.action {
                case .warn, .mitigate, .split:
                    wideConditions.add(f, rule: finding.ruleIndex)
                case .defer, .block:
                    if finding.action == .block { isWideBlocked = true }
                    wideDeferrals.add(f, rule: finding.ruleIndex)
                }
                continue
            }
            for p in touched {
                switch finding.action {
                case .warn, .mitigate:
                    conditions[p].add(f, rule: finding.ruleIndex)
                case .split:
                    // Every phase it touches lists one of its items, which moves out.
                    break
                case .defer, .block:
                    if finding.action == .block { blocked.insert(p) }
                    deferrals[p].add(f, rule: finding.ruleIndex)
                }
            }
        }

        for p in decisions.indices {
            decisions[p].conditions = conditions[p].merged(with: wideConditions).reasons(open, in: evaluation)
            decisions[p].deferredBecause = deferrals[p].merged(with: wideDeferrals).reasons(open, in: evaluation)
            if isWideBlocked { blocked.insert(p) }
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
                planned.append(phase)
                continue
            }
            phase.moved = moved[p].map { entry in
                PhasePlan.MovedItem(
                    kind: entry.item.kind, item: entry.item.item,
                    because: entry.findings.map { Decision.reason(open[$0], in: evaluation) })
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
            prerequisites: prerequisites.wait())
    }

    /// An item a split moves out of a phase, and the findings (indices into the open findings)
    /// that move it.
    struct Moved {
        var item: RuleResult.AffectedItem
        var findings: [Int]
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
    static func prerequisites(_ open: [Decision.OpenFinding], evaluation: Evaluation) -> [Prerequisite] {
        let language = evaluation.language
        var out: [Prerequisite] = []
        // Per rule index, its entry in `out`, or -1.
        var slot = Array(repeating: -1, count: evaluation.rules.count)
        var seenSubjects: [Set<String>] = []
        for finding in open where finding.action >= .split {
            let subject = evaluation.results[finding.resultIndex].subject
            let i = slot[finding.ruleIndex]
            if i >= 0 {
                if let subject, seenSubjects[i].insert(subject).inserted { out[i].subjects.append(subject) }
                continue
            }
            slot[finding.ruleIndex] = out.count
            seenSubjects.append(subject.map { [$0] } ?? [])
            let rule = evaluation.rules[finding.ruleIndex].rule
            out.append(Prerequisite(
                rule: rule.id, subjects: subject.map { [$0] } ?? [], action: finding.action,
                recommendation: rule.recommendation?.resolved(language) ?? rule.title.resolved(language)))
        }
        return out
    }
}

/// One reason per rule (its first finding), the message noting how many more there are: a
/// phase touched by 4,000 undersized servers lists the rule once.
struct ReasonTally {
    /// Per rule index, where its entry is in `firsts`, or -1.
    private var slot: [Int]
    /// The first finding (index into the open findings) of each rule, in order of appearance.
    private var firsts: [Int] = []
    private var counts: [Int] = []

    init(ruleCount: Int) {
        slot = Array(repeating: -1, count: ruleCount)
    }

    var isEmpty: Bool { firsts.isEmpty }

    mutating func add(_ finding: Int, rule: Int) {
        if slot[rule] >= 0 {
            counts[slot[rule]] += 1
        } else {
            slot[rule] = firsts.count
            firsts.append(finding)
            counts.append(1)
        }
    }

    /// The tally of both sets of findings, as if they had been added in finding order: per
    /// rule the earlier first finding and the sum of the counts.
    func merged(with other: ReasonTally) -> ReasonTally {
        guard !other.isEmpty else { return self }
        guard !isEmpty else { return other }
        var entries: [(first: Int, rule: Int, count: Int)] = []
        for (rule, i) in slot.enumerated() where i >= 0 {
            entries.append((firsts[i], rule, counts[i]))
        }
        for (rule, i) in other.slot.enumerated() where i >= 0 {
            if slot[rule] >= 0 {
                let e = entries.firstIndex { $0.rule == rule } ?? 0
                entries[e].first = min(entries[e].first, other.firsts[i])
                entries[e].count += other.counts[i]
            } else {
                entries.append((other.firsts[i], rule, other.counts[i]))
            }
        }
        entries.sort { $0.first < $1.first }
        var out = ReasonTally(ruleCount: slot.count)
        for entry in entries {
            out.slot[entry.rule] = out.firsts.count
            out.firsts.append(entry.first)
            out.counts.append(entry.count)
        }
        return out
    }

    func reasons(_ open: [Decision.OpenFinding], in evaluation: Evaluation) -> [Reason] {
        zip(firsts, counts).map { finding, count in
            var reason = Decision.reason(open[finding], in: evaluation)
            if count > 1 { reason.message += Decision.andMore(count - 1, language: evaluation.language) }
            return reason
        }
    }
}

extension Array where Element: Hashable {
    /// The elements in order, without repeats.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
