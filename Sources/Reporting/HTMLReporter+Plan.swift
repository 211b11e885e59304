import Readiness

extension HTMLReporter.Writer {
    /// The phase plan: the timeline before and after, the phases as planned and their notes,
    /// then prerequisites, project-wide conditions and items no phase holds.
    mutating func plan(_ evaluation: Evaluation, id: String) {
        let plan = evaluation.plan
        openSection("plan", id: id, title: strings.phasePlan, className: "plan")
        if plan.original.isEmpty && plan.planned.isEmpty {
            emptyNote(strings.noPhases)
        } else {
            timeline(evaluation, id: id)
            plannedPhases(plan)
        }
        prerequisites(plan, in: evaluation)
        reasonList(strings.projectWide, plan.projectWide, listClass: "plain-list")
        if !plan.unplacedItems.isEmpty {
            let items = plan.unplacedItems.map { "\(strings.scopeKind($0.kind)) \($0.item)" }.joined(
                separator: strings.listSeparator)
            add("<p><strong>\(h(strings.unplacedItems))</strong>\(h(strings.colon))\(h(items))</p>")
        }
        add("</section>")
    }

    /// The plan before and after as an SVG timeline.
    mutating func timeline(_ evaluation: Evaluation, id: String) {
        let plan = evaluation.plan
        let before = plan.original.map { phase in
            PhaseTimelineChart.Bar(
                name: phase.name, start: phase.start, end: phase.end, style: "original",
                notes: [scopeItems(phase.scope), scopeCounts(phase.scope)].compactMap { $0 })
        }
        let after = plan.planned.map { phase in
            var notes = [strings.verdict(phase.decision)]
            if let items = scopeItems(phase.scope) { notes.insert("\(notes[0]) · \(items)", at: 0) }
            if !phase.moved.isEmpty {
                let movedItems = phase.moved.map(\.item).joined(separator: strings.listSeparator)
                notes =
                    [
                        "\(notes.last ?? "") · \(strings.moved)\(strings.colon)\(movedItems)",
                        "\(notes.last ?? "") · \(strings.moved)\(strings.colon)\(phase.moved.count)",
                    ] + notes.suffix(1)
            }
            return PhaseTimelineChart.Bar(
                name: phase.name, start: phase.start, end: phase.end, style: "v-\(phase.decision.rawValue)",
                notes: notes, isFollowOn: phase.splitFrom != nil,
                isDeferred: phase.decision == .defer || phase.decision == .noGo,
                splitFrom: phase.splitFrom)
        }
        add("<figure class=\"chart-box wide\">")
        var chart = PhaseTimelineChart(
            before: before, after: after, asOf: evaluation.asOf, strings: strings, idPrefix: id)
        chart.legend = timelineLegend(plan)
        add(chart.svg())
        add("</figure>")
    }

    /// The phases as planned, a row each, then a note on each phase with something to say.
    mutating func plannedPhases(_ plan: PhasePlan) {
        add("<h3>\(h(strings.planAfter))</h3>")
        add("<table>")
        add(
            "<thead><tr><th>\(h(strings.phase))</th><th>\(h(strings.dates))</th><th>\(h(strings.decision))</th>"
                + "<th>\(h(strings.areaStatus))</th><th>\(h(strings.scope))</th><th>\(h(strings.dependsOn))</th></tr></thead>")
        add("<tbody>")
        for phase in plan.planned {
            var name = "<strong>\(h(phase.name))</strong>"
            if let from = phase.splitFrom {
                name += "<br><span class=\"meta\">\(h(strings.splitFrom)) \(h(from))</span>"
            }
            add(
                "<tr><td class=\"phase-name\">\(name)</td><td class=\"mono nowrap\">\(h(dates(phase.start, phase.end)))</td><td>\(verdictPill(phase.decision))</td><td>\(statusPill(phase.status))</td>"
                    + "<td>\(h(scopeText(phase.scope)))</td><td>\(h(phase.dependsOn.joined(separator: strings.listSeparator)))</td></tr>"
            )
        }
        add("</tbody></table>")
        let notable = plan.planned.filter {
            !$0.moved.isEmpty || !$0.deferredBecause.isEmpty || !$0.deferredDependencies.isEmpty
                || !$0.conditions.isEmpty || !$0.conflicts.isEmpty || !$0.expiringWaivers.isEmpty
        }
        if !notable.isEmpty {
            add("<div class=\"phase-notes\">")
            for phase in notable { phaseNote(phase) }
            add("</div>")
        }
    }

    /// What must be done before the plan can start, with lead times and what it takes.
    mutating func prerequisites(_ plan: PhasePlan, in evaluation: Evaluation) {
        guard !plan.prerequisites.isEmpty else { return }
        add("<h3>\(h(strings.prerequisites))</h3>")
        add("<ul class=\"plain-list\">")
        for prerequisite in plan.prerequisites {
            var item =
                "<code class=\"id\">\(h(prerequisite.rule))</code> <span class=\"chip\">\(h(strings.action(prerequisite.action)))</span>"
            if !prerequisite.subjects.isEmpty {
                item +=
                    " <span class=\"meta\">\(h(prerequisite.subjects.joined(separator: strings.listSeparator)))</span>"
            }
            let lead = strings.leadTime(of: prerequisite).map { " <span class=\"meta\">\(h($0))</span>" } ?? ""
            let takes = evaluation.whatItTakes(for: prerequisite, strings: strings).map { subject, text in
                "<br><span class=\"takes\"><strong>\(h(strings.whatItTakesLabel))"
                    + (subject.map { " (\(h($0)))" } ?? "") + "\(h(strings.colon))</strong>\(h(text))</span>"
            }.joined()
            add("<li>\(item)\(lead)<br>\(h(prerequisite.recommendation))\(takes)</li>")
        }
        add("</ul>")
    }

    /// The key to the timeline: the original plan, each decision shown, and the marks used.
    func timelineLegend(_ plan: PhasePlan) -> [PhaseTimelineChart.LegendItem] {
        var items: [PhaseTimelineChart.LegendItem] = []
        if !plan.original.isEmpty {
            items.append(.init(label: strings.originalPlan, style: "original", mark: .bar))
        }
        let decisions = Set(plan.planned.map(\.decision))
        for verdict in Verdict.allCases where decisions.contains(verdict) {
            items.append(.init(label: strings.verdict(verdict), style: "v-\(verdict.rawValue)", mark: .bar))
        }
        if plan.planned.contains(where: { $0.splitFrom != nil }) {
            items.append(.init(label: strings.followOn, style: "neutral", mark: .followOn))
        }
        if plan.planned.contains(where: { $0.decision == .defer || $0.decision == .noGo }) {
            items.append(.init(label: strings.deferredMark, style: "original", mark: .deferred))
        }
        items.append(.init(label: strings.asOf, style: "", mark: .asOf))
        return items
    }

    /// A note on a planned phase: what moved out and why, what deferred it, its conditions,
    /// evidence gaps, conflicts and waivers that expire during it.
    mutating func phaseNote(_ phase: PhasePlan.PlannedPhase) {
        add("<div class=\"phase-note v-\(phase.decision.rawValue)\">")
        add("<h4><span>\(h(phase.name))</span>\(verdictPill(phase.decision)) \(statusPill(phase.status))</h4>")
        if phase.isEmptied { add("<p class=\"meta\">\(h(strings.emptiedPhase))</p>") }
        labelledList(
            phase.followOn.map { h(strings.moved) + " → \(h($0))" } ?? h(strings.movedToPendingFollowOn),
            phase.moved.map { moved in
                let rules = moved.because.map { "<code class=\"id\">\(h($0.rule))</code>" }.joined(separator: " ")
                return "\(h(strings.scopeKind(moved.kind))) <strong>\(h(moved.item))</strong> — \(rules)"
            })
        labelledList(h(strings.deferredBecause), phase.deferredBecause.map { reason($0) })
        if !phase.deferredDependencies.isEmpty {
            add(
                "<div class=\"label\">\(h(strings.deferredDependencies))</div><ul><li>"
                    + h(phase.deferredDependencies.joined(separator: strings.listSeparator)) + "</li></ul>")
        }
        labelledList(h(strings.conditions), phase.conditions.filter { !$0.isEvidenceGap }.map { reason($0) })
        labelledList(
            h(strings.evidenceGaps),
            EvidenceGapGroup.group(phase.conditions.filter(\.isEvidenceGap)).map { group in
                let rules = group.rules.map { "<code class=\"id\">\(h($0))</code>" }.joined(separator: " ")
                let by = group.collectBy.map { " — \(h(strings.collectBy)) \(h($0))" } ?? ""
                return "<code>\(h(group.fact))</code> \(rules)\(by)"
            })
        labelledList(h(strings.conflictsLabel), phase.conflicts.map { h(strings.conflict($0)) })
        labelledList(
            h(strings.expiringWaiversLabel),
            phase.expiringWaivers.map { waiver in
                "<code class=\"id\">\(h(waiver.rule))</code>\(waiver.subject.map { " " + h($0) } ?? "") — \(h(strings.expires)) \(h(waiver.expires))"
            })
        add("</div>")
    }

    /// A labelled list in a phase note, an item a line; nothing when there are no items.
    /// (Both the label and the items are HTML already.)
    mutating func labelledList(_ label: String, _ items: [String]) {
        guard !items.isEmpty else { return }
        add("<div class=\"label\">\(label)</div><ul>")
        for item in items { add("<li>\(item)</li>") }
        add("</ul>")
    }

    mutating func plannedWork(_ evaluation: Evaluation, id: String) {
        guard !evaluation.plannedWork.isEmpty else { return }
        openSection("planned", id: id, title: strings.plannedWork)
        add("<table><thead><tr><th>\(h(strings.rule))</th><th>\(h(strings.subject))</th><th>\(h(strings.due))</th><th>\(h(strings.status))</th></tr></thead><tbody>")
        for item in evaluation.plannedWork {
            add(
                "<tr><td><code class=\"id\">\(h(item.rule))</code> \(h(item.title))</td><td>\(h(item.subject ?? ""))</td>"
                    + "<td class=\"mono nowrap\">\(h(item.due ?? "—"))</td><td>\(pill(item.currentStatus))</td></tr>")
        }
        add("</tbody></table>")
        add("</section>")
    }
}
