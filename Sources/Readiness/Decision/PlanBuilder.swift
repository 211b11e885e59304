/// The state of building one phase plan, step by step (see `Planning`).
struct PlanBuilder {
    let evaluation: Evaluation
    let open: [Decision.OpenFinding]
    let calendar: ProjectCalendar
    let phases: [Phase]

    /// The items the phases list, numbered, and which phases list each (a phase listing an
    /// item twice is in its list twice): each affected item is hashed once per finding.
    var itemNumbers: [RuleResult.AffectedItem: Int] = [:]
    var phasesOfItem: [[Int]] = []

    /// Items a split moves out of each phase, by item number, with the findings that move them.
    var moved: [[Moved]]
    var movedIndex: [[Int: Int]]

    /// Conditions and deferrals, tallied per rule, for what stays in each phase and for what
    /// moved out of it (which go to its follow-on).
    var conditions: [ReasonTally]
    var deferrals: [ReasonTally]
    var followOnConditions: [ReasonTally]
    var followOnDeferrals: [ReasonTally]
    /// Findings that touch every phase (no affects, or items no phase lists).
    var wideConditions: ReasonTally
    var wideDeferrals: ReasonTally
    var isWideBlocked = false
    var blocked = Set<Int>()
    var followOnBlocked = Set<Int>()
    /// Phases whose every site (or every module) moved out.
    var emptied = Set<Int>()
    /// Per phase, whether it is held back (deferred or blocked), and by which phases it depends on.
    var heldBack: [Bool]
    var heldBackDependencies: [[String]]

    var projectWide: [Reason] = []
    var unplaced: [RuleResult.AffectedItem] = []

    /// An item a split moves out of a phase, and the findings (indices into the open findings)
    /// that move it.
    struct Moved {
        var item: RuleResult.AffectedItem
        var number: Int
        var findings: [Int]
    }

    init(evaluation: Evaluation, open: [Decision.OpenFinding], calendar: ProjectCalendar) {
        self.evaluation = evaluation
        self.open = open
        self.calendar = calendar
        phases = evaluation.snapshot.phases
        let count = phases.count
        moved = Array(repeating: [], count: count)
        movedIndex = Array(repeating: [:], count: count)
        let tally = ReasonTally(ruleCount: evaluation.rules.count)
        conditions = Array(repeating: tally, count: count)
        deferrals = conditions
        followOnConditions = conditions
        followOnDeferrals = conditions
        wideConditions = tally
        wideDeferrals = tally
        heldBack = Array(repeating: false, count: count)
        heldBackDependencies = Array(repeating: [], count: count)
        indexScopes()
    }

    // MARK: - Steps

    /// Numbers the items the phases list.
    mutating func indexScopes() {
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
    }

    /// Every split finding moves its items out of each phase that lists them.
    mutating func collectMoves() {
        for (f, finding) in open.enumerated() where finding.action == .split {
            for item in evaluation.results[finding.resultIndex].affected {
                guard let n = itemNumbers[item] else { continue }
                for p in phasesOfItem[n] {
                    if let m = movedIndex[p][n] {
                        if moved[p][m].findings.last != f { moved[p][m].findings.append(f) }
                    } else {
                        movedIndex[p][n] = moved[p].count
                        moved[p].append(Moved(item: item, number: n, findings: [f]))
                    }
                }
            }
        }
    }

    /// Every other finding goes to the phases holding one of its items after the moves; one
    /// whose items all moved out of a phase goes to that phase's follow-on; one that names no
    /// item a phase lists concerns the whole project.
    mutating func assignFindings() {
        var unplacedSet = Set<RuleResult.AffectedItem>()
        var projectWideRules = Set<Int>()
        // Per phase touched: whether the finding has an item that stays there.
        var touched: [(phase: Int, stays: Bool)] = []
        for (f, finding) in open.enumerated() {
            touched.removeAll(keepingCapacity: true)
            for item in evaluation.results[finding.resultIndex].affected {
                guard let n = itemNumbers[item] else {
                    if unplacedSet.insert(item).inserted { unplaced.append(item) }
                    continue
                }
                for p in phasesOfItem[n] {
                    let stays = movedIndex[p][n] == nil
                    if let t = touched.firstIndex(where: { $0.phase == p }) {
                        touched[t].stays = touched[t].stays || stays
                    } else {
                        touched.append((p, stays))
                    }
                }
            }
            if touched.isEmpty {
                if projectWideRules.insert(finding.ruleIndex).inserted {
                    projectWide.append(Decision.reason(finding, in: evaluation))
                }
                switch finding.action {
                case .warn, .mitigate, .split: wideConditions.add(f, rule: finding.ruleIndex)
                case .defer, .block:
                    if finding.action == .block { isWideBlocked = true }
                    wideDeferrals.add(f, rule: finding.ruleIndex)
                }
                continue
            }
            for (p, stays) in touched {
                switch finding.action {
                case .warn, .mitigate:
                    if stays { conditions[p].add(f, rule: finding.ruleIndex) } else { followOnConditions[p].add(f, rule: finding.ruleIndex) }
                case .split:
                    // Its items moved out: the follow-on is deferred because of it.
                    break
                case .defer, .block:
                    if stays {
                        deferrals[p].add(f, rule: finding.ruleIndex)
                        if finding.action == .block { blocked.insert(p) }
                    } else {
                        followOnDeferrals[p].add(f, rule: finding.ruleIndex)
                        if finding.action == .block { followOnBlocked.insert(p) }
                    }
                }
            }
        }
    }

    /// A phase that loses every item of a scope kind (every site, or every module) cannot go
    /// live empty: it is deferred as a whole, and what moved stays with it.
    mutating func deferEmptiedPhases() {
        for p in phases.indices where !moved[p].isEmpty {
            let isEmptied = phases[p].scope.contains { entry in
                !entry.items.isEmpty && entry.items.allSatisfy { item in
                    itemNumbers[RuleResult.AffectedItem(kind: entry.kind, item: item)].map { movedIndex[p][$0] != nil } ?? false
                }
            }
            guard isEmptied else { continue }
            emptied.insert(p)
            conditions[p] = conditions[p].merged(with: followOnConditions[p])
            deferrals[p] = deferrals[p].merged(with: followOnDeferrals[p])
            if followOnBlocked.contains(p) { blocked.insert(p) }
        }
    }

    /// A phase is held back by its own deferrals or blocks, by being emptied, or because a
    /// phase it depends on is held back — listed even when it has reasons of its own.
    mutating func propagateDeferral() {
        let index = Dictionary(phases.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        var state = Array(repeating: 0, count: phases.count)  // 0 unvisited, 1 visiting, 2 done
        func visit(_ p: Int) {
            guard state[p] == 0 else { return }
            state[p] = 1
            var held = !deferrals[p].isEmpty || !wideDeferrals.isEmpty || emptied.contains(p)
            if isWideBlocked { blocked.insert(p) }
            for name in phases[p].dependsOn {
                guard let q = index[name], q != p else { continue }
                visit(q)
                // A cycle is refused when the snapshot loads; a half-visited phase is skipped.
                guard state[q] == 2, heldBack[q] else { continue }
                held = true
                heldBackDependencies[p].append(name)
                if blocked.contains(q) { blocked.insert(p) }
            }
            heldBack[p] = held
            state[p] = 2
        }
        for p in phases.indices { visit(p) }
    }

    // MARK: - Assembly

    /// The planned phases: each original phase, followed by its follow-on when it is split.
    func assemble() -> [PhasePlan.PlannedPhase] {
        var planned: [PhasePlan.PlannedPhase] = []
        for (p, phase) in phases.enumerated() {
            var decision = PhasePlan.PlannedPhase(
                name: phase.name, start: phase.start, end: phase.end, decision: .go, scope: phase.scope, moved: [],
                followOn: nil, splitFrom: nil, dependsOn: phase.dependsOn,
                deferredBecause: deferrals[p].merged(with: wideDeferrals).reasons(open, in: evaluation),
                deferredDependencies: heldBackDependencies[p],
                conditions: conditions[p].merged(with: wideConditions).reasons(open, in: evaluation))
            // What moves, or would move once a held-back phase resumes.
            decision.moved = moved[p].map { entry in
                PhasePlan.MovedItem(kind: entry.item.kind, item: entry.item.item, because: reasons(entry.findings))
            }
            decision.isEmptied = emptied.contains(p)
            if decision.isEmptied {
                decision.deferredBecause = (decision.deferredBecause + reasons(moved[p].flatMap(\.findings))).uniqued()
            }
            if heldBack[p] {
                decision.decision = blocked.contains(p) ? .noGo : .defer
                planned.append(decision)
                continue
            }
            guard !moved[p].isEmpty else {
                decision.decision = decision.conditions.isEmpty ? .go : .goWithConditions
                planned.append(decision)
                continue
            }
            decision.decision = .split
            let followOn = followOnPhase(of: p, split: &decision)
            planned.append(decision)
            planned.append(followOn)
        }
        return planned
    }

    /// Splits a phase: what stays keeps its scope, what moves goes to a follow-on that depends
    /// on it, starts no earlier than the prerequisite work allows (the moving rules' lead
    /// times, counted from the evaluation date) nor before the phases it depends on end, and
    /// lasts as long as the phase.
    func followOnPhase(of p: Int, split decision: inout PhasePlan.PlannedPhase) -> PhasePlan.PlannedPhase {
        let phase = phases[p]
        let name = Phrases(language: evaluation.language).followOnName(of: phase.name)
        decision.followOn = name
        let movedNumbers = Set(moved[p].map(\.number))
        var stays: [Phase.ScopeEntry] = []
        var goes: [Phase.ScopeEntry] = []
        for entry in phase.scope {
            let isMoved = { (item: String) in
                itemNumbers[RuleResult.AffectedItem(kind: entry.kind, item: item)].map(movedNumbers.contains) ?? false
            }
            stays.append(.init(kind: entry.kind, items: entry.items.filter { !isMoved($0) }))
            let out = entry.items.filter(isMoved)
            if !out.isEmpty { goes.append(.init(kind: entry.kind, items: out)) }
        }
        decision.scope = stays
        let movingFindings = moved[p].flatMap(\.findings).uniqued()
        let leadTime = movingFindings.compactMap { evaluation.rules[open[$0].ruleIndex].rule.leadTimeDays }.max()
        let (start, end) = followOnDates(of: p, leadTime: leadTime)
        let because = reasons(movingFindings) + followOnDeferrals[p].merged(with: wideDeferrals).reasons(open, in: evaluation)
        return PhasePlan.PlannedPhase(
            name: name, start: start, end: end, decision: followOnBlocked.contains(p) || isWideBlocked ? .noGo : .defer,
            scope: goes, moved: [], followOn: nil, splitFrom: phase.name, dependsOn: [phase.name],
            deferredBecause: because.uniqued(), deferredDependencies: [],
            conditions: followOnConditions[p].merged(with: wideConditions).reasons(open, in: evaluation))
    }

    /// One reason per rule among these findings (indices into the open findings), in order of
    /// first appearance, each noting how many more there are: a site moved by 40 undersized
    /// terminals lists the rule once.
    func reasons(_ findings: [Int]) -> [Reason] {
        var order: [Int] = []
        var counts: [Int: (first: Int, count: Int)] = [:]
        for f in findings {
            let rule = open[f].ruleIndex
            if let entry = counts[rule] {
                counts[rule] = (entry.first, entry.count + 1)
            } else {
                counts[rule] = (f, 1)
                order.append(rule)
            }
        }
        return order.compactMap { rule in
            guard let entry = counts[rule] else { return nil }
            var reason = Decision.reason(open[entry.first], in: evaluation)
            if entry.count > 1 { reason.message += Decision.andMore(entry.count - 1, language: evaluation.language) }
            return reason
        }
    }

    /// A follow-on starts the day after its phase (and every phase that phase depends on) has
    /// ended, and once the prerequisite work's lead time has passed, whichever is later; it
    /// lasts as long as the phase.
    func followOnDates(of p: Int, leadTime: Int?) -> (String?, String?) {
        let index = Dictionary(phases.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        let dayAfter = { (q: Int) in (self.calendar.end[q] ?? self.calendar.goLive[q]).map { $0 + 1 } }
        var earliest = dayAfter(p)
        for name in phases[p].dependsOn {
            if let q = index[name], let next = dayAfter(q) { earliest = max(earliest ?? next, next) }
        }
        if let leadTime, let asOf = calendar.asOf { earliest = max(earliest ?? asOf + leadTime, asOf + leadTime) }
        guard let start = earliest else { return (phases[p].end, nil) }
        guard let s = calendar.start[p], let e = calendar.end[p], e >= s else { return (ProjectCalendar.format(start), nil) }
        return (ProjectCalendar.format(start), ProjectCalendar.format(start + (e - s)))
    }
}
