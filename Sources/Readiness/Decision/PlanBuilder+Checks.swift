extension PlanBuilder {
    /// A phase that depends on a split phase needs what moved to its follow-on: when it goes
    /// live before the follow-on does (or the dates do not say), the plan reports the conflict.
    func noteConflicts(in planned: inout [PhasePlan.PlannedPhase]) {
        var followOns: [String: PhasePlan.PlannedPhase] = [:]
        for phase in planned {
            if let from = phase.splitFrom { followOns[from] = phase }
        }
        guard !followOns.isEmpty else { return }
        for i in planned.indices where planned[i].splitFrom == nil {
            let startsOn = planned[i].start.flatMap(CalendarDate.parse).map(ProjectCalendar.day)
            for name in planned[i].dependsOn {
                guard let followOn = followOns[name] else { continue }
                let followOnStart = followOn.start.flatMap(CalendarDate.parse).map(ProjectCalendar.day)
                if let startsOn, let followOnStart, followOnStart <= startsOn { continue }
                planned[i].conflicts.append(PlanConflict(
                    dependsOn: name, followOn: followOn.name, items: followOn.scope.flatMap(\.items),
                    followOnStart: followOn.start))
            }
        }
    }

    /// A waiver that keeps a finding out of a phase must hold until the phase ends: one that
    /// expires earlier is flagged on that phase (the phases holding the waived result's items
    /// after the moves, or every phase when it names none).
    func noteExpiringWaivers(in planned: inout [PhasePlan.PlannedPhase]) {
        guard !evaluation.waivers.applied.isEmpty else { return }
        var index: [String: Int] = [:]
        for (i, phase) in planned.enumerated() { index[phase.name] = i }
        for r in evaluation.findingIndices where evaluation.results[r].status == .waived {
            let result = evaluation.results[r]
            guard let waiver = result.waiver else { continue }
            let expires = ProjectCalendar.day(waiver.expiresAt)
            var targets: [Int] = []
            for item in result.affected {
                guard let n = itemNumbers[item] else { continue }
                for p in phasesOfItem[n] {
                    let name = movedIndex[p][n] != nil && !heldBack[p] && !emptied.contains(p)
                        ? Phrases(language: evaluation.language).followOnName(of: phases[p].name) : phases[p].name
                    if let i = index[name], !targets.contains(i) { targets.append(i) }
                }
            }
            if targets.isEmpty { targets = Array(planned.indices) }
            for i in targets {
                guard let end = planned[i].end.flatMap(CalendarDate.parse).map(ProjectCalendar.day), expires < end else { continue }
                let flag = ExpiringWaiver(rule: waiver.ruleID, subject: result.subject, expires: waiver.expires)
                if !planned[i].expiringWaivers.contains(flag) { planned[i].expiringWaivers.append(flag) }
            }
        }
    }
}
