import SourceDiagnostics

/// The phase plan: which phases go, go with conditions, split or are deferred, and why.
///
/// In named steps (docs/scoring.md): index the phases' scopes; collect what splits move out;
/// assign every other finding to the phases that hold its items after the moves (or to every
/// phase when it names none); defer phases emptied by the moves; propagate deferral along
/// `depends_on`; then assemble the phases and schedule their follow-ons.
enum Planning {
    static func plan(_ evaluation: Evaluation, open: [Decision.OpenFinding], calendar: ProjectCalendar) -> PhasePlan {
        // The prerequisites read only the findings: with many, they are gathered beside the
        // plan (with few, starting a thread would cost more).
        let prerequisites = open.count >= 4096
            ? Parallel.background { Self.prerequisites(open, evaluation: evaluation, calendar: calendar) }
            : Parallel.Pending(Self.prerequisites(open, evaluation: evaluation, calendar: calendar))
        var builder = PlanBuilder(evaluation: evaluation, open: open, calendar: calendar)
        builder.collectMoves()
        builder.assignFindings()
        builder.deferEmptiedPhases()
        builder.propagateDeferral()
        var planned = builder.assemble()
        builder.noteConflicts(in: &planned)
        builder.noteExpiringWaivers(in: &planned)
        return PhasePlan(
            original: builder.phases, planned: planned, projectWide: builder.projectWide,
            unplacedItems: builder.unplaced, prerequisites: prerequisites.wait())
    }

    /// What would clear each split, deferral or block: the rule's recommendation, per rule,
    /// with the lead time the rule declares for the work.
    static func prerequisites(_ open: [Decision.OpenFinding], evaluation: Evaluation, calendar: ProjectCalendar) -> [Prerequisite] {
        let language = evaluation.language
        var out: [Prerequisite] = []
        // Per rule index, its entry in `out`, or -1.
        var slot = Array(repeating: -1, count: evaluation.rules.count)
        var seenSubjects: [Set<String>] = []
        // Evidence gaps call for collecting the fact, not for the rule's remedy.
        for finding in open where finding.action >= .split && !evaluation.results[finding.resultIndex].status.isEvidenceGap {
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
                recommendation: rule.recommendation?.resolved(language) ?? rule.title.resolved(language),
                leadTimeDays: rule.leadTimeDays,
                earliestDone: rule.leadTimeDays.flatMap { days in calendar.asOf.map { ProjectCalendar.format($0 + days) } }))
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
