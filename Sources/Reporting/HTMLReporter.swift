public import Readiness

/// Writes one self-contained HTML file for a client: a summary page with the verdict, readiness
/// per category (SVG bar chart) and the 5×5 risk matrix (SVG heat map); the phase plan before and
/// after as an SVG timeline; then findings with recommendations, evidence gaps, waivers and
/// provenance. No scripts, fonts or images are loaded; CSS is inline and prints cleanly to PDF.
/// Several snapshots start with a portfolio table. Everything from the inputs is escaped.
public struct HTMLReporter: Reporter {
    /// Creates the reporter.
    public init() {}

    /// The whole HTML document.
    public func render(_ evaluations: [Evaluation], context: ReportContext) -> String {
        var writer = Writer(strings: ReportStrings(language: context.language), context: context)
        writer.document(evaluations)
        return writer.output
    }

    struct Writer {
        let strings: ReportStrings
        let context: ReportContext
        var output = ""

        init(strings: ReportStrings, context: ReportContext) {
            self.strings = strings
            self.context = context
        }

        var language: String { context.language }

        mutating func add(_ html: String) { output += html + "\n" }

        func h(_ text: String) -> String { text.htmlEscaped }
        func a(_ text: String) -> String { text.xmlAttributeEscaped }
        func path(_ file: String) -> String { ReportPath.relative(file, to: context.basePath) }

        func pill(_ status: ResultStatus) -> String {
            "<span class=\"pill s-\(status.rawValue)\">\(h(strings.status(status)))</span>"
        }

        func statusPill(_ status: ReadinessStatus) -> String {
            "<span class=\"pill st-\(status.rawValue)\">\(h(strings.status(status)))</span>"
        }

        func verdictPill(_ verdict: Verdict) -> String {
            "<span class=\"pill v-\(verdict.rawValue)\">\(h(strings.verdict(verdict)))</span>"
        }

        /// `file:line:column` of a finding, relative to the base path.
        func location(of result: RuleResult) -> String? {
            guard let location = result.knownLocation else { return nil }
            return "\(path(location.file)):\(location.line):\(location.column)"
        }

        func reason(_ reason: Reason) -> String {
            var text = "<code class=\"id\">\(h(reason.rule))</code> "
            if let subject = reason.subject, !Evaluation.subjectShown(subject, in: reason.message) {
                text += "<strong>\(h(subject))</strong>\(h(strings.colon))"
            }
            return text + h(reason.message)
        }

        func scopeText(_ entries: [Phase.ScopeEntry]) -> String {
            entries.filter { !$0.items.isEmpty }.map { entry in
                "\(strings.scopeKind(entry.kind))\(strings.colon)\(entry.items.joined(separator: strings.listSeparator))"
            }.joined(separator: strings.clauseSeparator)
        }

        /// `sites: 3 · modules: 4`.
        func scopeCounts(_ entries: [Phase.ScopeEntry]) -> String? {
            let parts = entries.filter { !$0.items.isEmpty }.map {
                "\(strings.scopeKind($0.kind))\(strings.colon)\($0.items.count)"
            }
            return parts.isEmpty ? nil : parts.joined(separator: " · ")
        }

        /// `Perth HQ, Port · accounts, leads`: the items themselves.
        func scopeItems(_ entries: [Phase.ScopeEntry]) -> String? {
            let parts = entries.filter { !$0.items.isEmpty }.map { $0.items.joined(separator: strings.listSeparator) }
            return parts.isEmpty ? nil : parts.joined(separator: " · ")
        }

        func dates(_ start: String?, _ end: String?) -> String {
            switch (start, end) {
            case (nil, nil): "—"
            case (let s?, nil): "\(s) →"
            case (nil, let e?): "→ \(e)"
            case (let s?, let e?): "\(s) → \(e)"
            }
        }

        // MARK: Document

        mutating func document(_ evaluations: [Evaluation]) {
            let title: String
            if evaluations.count == 1, let only = evaluations.first {
                title = "\(strings.reportTitle(only.stage)) — \(only.projectTitle)"
            } else {
                title = strings.portfolioTitle
            }
            add("<!DOCTYPE html>")
            add("<html lang=\"\(strings.htmlLanguage)\">")
            add("<head>")
            add("<meta charset=\"utf-8\">")
            add("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            add("<meta name=\"color-scheme\" content=\"light\">")
            add("<meta name=\"generator\" content=\"readiness \(a(context.toolVersion))\">")
            add("<title>\(h(title))</title>")
            add("<style>\n\(HTMLStyle.css)</style>")
            add("</head>")
            add("<body>")
            add("<main>")
            if evaluations.count > 1 { portfolio(evaluations) }
            for (index, evaluation) in evaluations.enumerated() {
                report(evaluation, id: "r\(index + 1)", isPortfolio: evaluations.count > 1)
            }
            add("<footer class=\"colophon\">\(h(strings.generatedBy)) readiness \(h(context.toolVersion))</footer>")
            add("</main>")
            add("</body>")
            add("</html>")
        }

        mutating func portfolio(_ evaluations: [Evaluation]) {
            add("<section class=\"portfolio\">")
            add("<h1>\(h(strings.portfolioTitle))</h1>")
            add("<table>")
            add(
                "<thead><tr><th>\(h(strings.project))</th><th>\(h(strings.snapshot))</th><th>\(h(strings.verdict))</th>"
                    + "<th class=\"num\">\(h(strings.readiness))</th><th class=\"num\">\(h(strings.coverageShort))</th>"
                    + "<th class=\"num\">\(h(strings.status(.fail)))</th><th class=\"num\">\(h(strings.status(.warn)))</th>"
                    + "<th class=\"num\">\(h(strings.status(.unknown)))</th><th class=\"num\">\(h(strings.exposure))</th></tr></thead>"
            )
            add("<tbody>")
            for (index, evaluation) in evaluations.enumerated() {
                let overall = evaluation.scores.overall
                add(
                    "<tr><td><a href=\"#r\(index + 1)\">\(h(evaluation.projectTitle))</a></td>"
                        + "<td><code>\(h(path(evaluation.snapshot.file)))</code></td><td>\(verdictPill(evaluation.verdict))</td>"
                        + "<td class=\"num\">\(ReportNumber.whole(overall.readiness))</td><td class=\"num\">\(ReportNumber.whole(overall.coverage))%</td>"
                        + "<td class=\"num\">\(overall.counts.fail)</td><td class=\"num\">\(overall.counts.warn)</td>"
                        + "<td class=\"num\">\(overall.counts.unknown)</td><td class=\"num\">\(evaluation.scores.exposure)</td></tr>"
                )
            }
            add("</tbody></table>")
            add("</section>")
        }

        mutating func report(_ evaluation: Evaluation, id: String, isPortfolio: Bool) {
            add("<article class=\"report\" id=\"\(id)\">")
            add("<header>")
            add("<h1>\(h(evaluation.projectTitle))</h1>")
            add(
                "<p class=\"subtitle\">\(h(strings.reportTitle(evaluation.stage))) · \(h(strings.asOf)) \(h(evaluation.asOf)) · "
                    + "<span class=\"mono\">\(h(path(evaluation.snapshot.file)))</span></p>")
            let sections = [
                ("summary", strings.summary), ("scores", strings.scores), ("plan", strings.phasePlan),
                ("findings", strings.findings), ("gaps", strings.evidenceGaps), ("waivers", strings.waivers),
                ("provenance", strings.provenance),
            ]
            add(
                "<nav class=\"toc\" aria-label=\"\(a(strings.contents))\">"
                    + sections.map { "<a href=\"#\(id)-\($0.0)\">\(h($0.1))</a>" }.joined() + "</nav>")
            add("</header>")
            summary(evaluation, id: id)
            scores(evaluation, id: id)
            plan(evaluation, id: id)
            plannedWork(evaluation, id: id)
            findings(evaluation, id: id)
            evidenceGaps(evaluation, id: id)
            waivers(evaluation, id: id)
            provenance(evaluation, id: id)
            add("</article>")
        }

        mutating func summary(_ evaluation: Evaluation, id: String) {
            let verdict = evaluation.verdict
            add("<section class=\"summary\" id=\"\(id)-summary\">")
            add("<div class=\"verdict-banner v-\(verdict.rawValue)\">")
            add(
                "<div><div class=\"verdict-label\">\(h(strings.verdict))</div><div class=\"verdict-name\">\(h(strings.verdict(verdict)))</div>"
                    + "<div class=\"verdict-code mono\">\(h(verdict.rawValue))</div></div>")
            add("<p>\(h(strings.verdictExplanation(of: evaluation)))</p>")
            add("</div>")
            let overall = evaluation.scores.overall
            let counts = overall.counts
            add("<div class=\"kpis\">")
            add(
                "<div class=\"kpi\"><div class=\"k\">\(h(strings.areaStatus))</div><div class=\"v\">\(statusPill(evaluation.status))</div></div>"
            )
            add(
                "<div class=\"kpi\"><div class=\"k\">\(h(strings.coverage))</div><div class=\"v\">\(ReportNumber.whole(overall.coverage))<small>%</small></div></div>"
            )
            add(
                "<div class=\"kpi\"><div class=\"k\">\(h(strings.readiness))</div><div class=\"v\">\(ReportNumber.whole(overall.readiness))<small>%</small></div></div>"
            )
            add(
                "<div class=\"kpi\"><div class=\"k\">\(h(strings.exposure))</div><div class=\"v\">\(evaluation.scores.exposure)</div></div>"
            )
            for status in [ResultStatus.fail, .warn, .unknown] {
                add(
                    "<div class=\"kpi s-\(status.rawValue)\"><div class=\"k\">\(pill(status))</div><div class=\"v\">\(counts[status])</div></div>"
                )
            }
            add("</div>")
            if !evaluation.decidedBy.isEmpty {
                add("<h3>\(h(strings.decidedBy))</h3>")
                add("<ul class=\"decided-by\">")
                for reason in evaluation.decidedBy {
                    add(
                        "<li>\(pill(reason.status)) \(self.reason(reason)) <span class=\"chip\">\(h(strings.action(reason.action)))</span></li>"
                    )
                }
                add("</ul>")
            }
            var rows = evaluation.scores.categories.map {
                ReadinessChart.Row(
                    label: strings.category($0.name, in: evaluation), readiness: $0.readiness, coverage: $0.coverage, isTotal: false,
                    status: $0.status)
            }
            rows.append(
                ReadinessChart.Row(
                    label: strings.overall, readiness: overall.readiness, coverage: overall.coverage, isTotal: true,
                    status: evaluation.status))
            add("<div class=\"charts\">")
            add("<figure class=\"chart-box\"><figcaption>\(h(strings.readinessByCategory))</figcaption>")
            add(ReadinessChart(rows: rows, strings: strings).svg())
            add("</figure>")
            add(
                "<figure class=\"chart-box\"><figcaption>\(h(strings.riskMatrix))<small>\(h(strings.riskMatrixCaption))\(strings.sentenceGap)"
                    + "\(h(strings.exposure))\(h(strings.colon))\(evaluation.scores.exposure)</small></figcaption>")
            add(RiskMatrixChart(cells: evaluation.scores.riskMatrix, strings: strings).svg())
            add("</figure>")
            add("</div>")
            add("</section>")
        }

        mutating func scores(_ evaluation: Evaluation, id: String) {
            add("<section id=\"\(id)-scores\">")
            add("<h2>\(h(strings.areas))</h2>")
            let statuses: [ResultStatus] = [.pass, .warn, .fail, .unknown, .error, .waived, .notDue, .notApplicable]
            add("<table class=\"counts\">")
            add(
                "<thead><tr><th>\(h(strings.category))</th><th>\(h(strings.areaStatus))</th><th class=\"num\">\(h(strings.coverageShort))</th><th class=\"num\">\(h(strings.readiness))</th>"
                    + statuses.map { "<th class=\"num\">\(pill($0))</th>" }.joined()
                    + "<th class=\"num\">\(h(strings.exposure))</th></tr></thead>")
            add("<tbody>")
            func row(_ area: Scores.Area, name: String, isTotal: Bool) -> String {
                "<tr\(isTotal ? " class=\"total\"" : "")><td>\(h(name))</td><td>\(statusPill(area.status))</td>"
                    + "<td class=\"num\">\(ReportNumber.whole(area.coverage))%</td><td class=\"num\">\(ReportNumber.whole(area.readiness))%</td>"
                    + statuses.map { "<td class=\"num\">\(area.counts[$0])</td>" }.joined()
                    + "<td class=\"num\">\(area.exposure)</td></tr>"
            }
            for area in evaluation.scores.categories {
                add(row(area, name: strings.category(area.name, in: evaluation), isTotal: false))
            }
            add(row(evaluation.scores.overall, name: strings.overall, isTotal: true))
            add("</tbody></table>")
            let risks = evaluation.openRisks
            add("<h3>\(h(strings.topRisks))</h3>")
            if risks.isEmpty {
                add("<p class=\"empty\">\(h(strings.noOpenRisks))</p>")
            } else {
                add("<table>")
                add(
                    "<thead><tr><th>\(h(strings.rule))</th><th>\(h(strings.severity))</th><th class=\"num\">\(h(strings.likelihood))</th>"
                        + "<th class=\"num\">\(h(strings.impact))</th><th class=\"num\">\(h(strings.likelihoodTimesImpact))</th>"
                        + "<th>\(h(strings.status))</th><th>\(h(strings.action))</th></tr></thead>")
                add("<tbody>")
                for summary in risks {
                    let rule = summary.rule
                    add(
                        "<tr><td><code class=\"id\">\(h(rule.id))</code> \(h(rule.title.resolved(language)))</td><td>\(h(strings.severity(rule.severity)))</td>"
                            + "<td class=\"num\">\(rule.likelihood)</td><td class=\"num\">\(rule.impact)</td><td class=\"num\"><strong>\(rule.exposure)</strong></td>"
                            + "<td>\(pill(summary.status))</td><td>\(h(strings.action(rule.action)))</td></tr>")
                }
                add("</tbody></table>")
            }
            add("</section>")
        }

        mutating func plan(_ evaluation: Evaluation, id: String) {
            let plan = evaluation.plan
            add("<section class=\"plan\" id=\"\(id)-plan\">")
            add("<h2>\(h(strings.phasePlan))</h2>")
            if plan.original.isEmpty && plan.planned.isEmpty {
                add("<p class=\"empty\">\(h(strings.noPhases))</p>")
            } else {
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
            if !plan.prerequisites.isEmpty {
                add("<h3>\(h(strings.prerequisites))</h3>")
                add("<ul class=\"plain-list\">")
                for prerequisite in plan.prerequisites {
                    var item =
                        "<code class=\"id\">\(h(prerequisite.rule))</code> <span class=\"chip\">\(h(strings.action(prerequisite.action)))</span>"
                    if !prerequisite.subjects.isEmpty {
                        item +=
                            " <span class=\"meta\">\(h(prerequisite.subjects.joined(separator: strings.listSeparator)))</span>"
                    }
                    var lead = ""
                    if let days = prerequisite.leadTimeDays {
                        lead = " <span class=\"meta\">\(h(strings.leadTime)) \(days) \(h(strings.days))"
                            + (prerequisite.earliestDone.map { "\(h(strings.listSeparator))\(h(strings.earliestDone)) \(h($0))" } ?? "") + "</span>"
                    }
                    var takes = ""
                    for subject in prerequisite.subjects.isEmpty ? [nil] : prerequisite.subjects.map(Optional.some) {
                        guard let text = strings.whatItTakes(evaluation.whatItTakes(rule: prerequisite.rule, subject: subject), subject: subject) else { continue }
                        takes += "<br><span class=\"takes\"><strong>\(h(strings.whatItTakesLabel))"
                            + (subject.map { " (\(h($0)))" } ?? "") + "\(h(strings.colon))</strong>\(h(text))</span>"
                    }
                    add("<li>\(item)\(lead)<br>\(h(prerequisite.recommendation))\(takes)</li>")
                }
                add("</ul>")
            }
            if !plan.projectWide.isEmpty {
                add("<h3>\(h(strings.projectWide))</h3>")
                add("<ul class=\"plain-list\">")
                for reason in plan.projectWide {
                    add(
                        "<li>\(pill(reason.status)) \(self.reason(reason)) <span class=\"chip\">\(h(strings.action(reason.action)))</span></li>"
                    )
                }
                add("</ul>")
            }
            if !plan.unplacedItems.isEmpty {
                let items = plan.unplacedItems.map { "\(strings.scopeKind($0.kind)) \($0.item)" }.joined(
                    separator: strings.listSeparator)
                add("<p><strong>\(h(strings.unplacedItems))</strong>\(h(strings.colon))\(h(items))</p>")
            }
            add("</section>")
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

        mutating func phaseNote(_ phase: PhasePlan.PlannedPhase) {
            add("<div class=\"phase-note v-\(phase.decision.rawValue)\">")
            add("<h4><span>\(h(phase.name))</span>\(verdictPill(phase.decision)) \(statusPill(phase.status))</h4>")
            if phase.isEmptied { add("<p class=\"meta\">\(h(strings.emptiedPhase))</p>") }
            if !phase.moved.isEmpty {
                let target = phase.followOn.map { " → \(h($0))" } ?? ""
                add("<div class=\"label\">\(h(strings.moved))\(target)</div><ul>")
                for moved in phase.moved {
                    let rules = moved.because.map { "<code class=\"id\">\(h($0.rule))</code>" }.joined(separator: " ")
                    add("<li>\(h(strings.scopeKind(moved.kind))) <strong>\(h(moved.item))</strong> — \(rules)</li>")
                }
                add("</ul>")
            }
            if !phase.deferredBecause.isEmpty {
                add("<div class=\"label\">\(h(strings.deferredBecause))</div><ul>")
                for reason in phase.deferredBecause { add("<li>\(self.reason(reason))</li>") }
                add("</ul>")
            }
            if !phase.deferredDependencies.isEmpty {
                add(
                    "<div class=\"label\">\(h(strings.deferredDependencies))</div><ul><li>"
                        + h(phase.deferredDependencies.joined(separator: strings.listSeparator)) + "</li></ul>")
            }
            let conditions = phase.conditions.filter { !$0.isEvidenceGap }
            if !conditions.isEmpty {
                add("<div class=\"label\">\(h(strings.conditions))</div><ul>")
                for reason in conditions { add("<li>\(self.reason(reason))</li>") }
                add("</ul>")
            }
            let gaps = EvidenceGapGroup.group(phase.conditions.filter(\.isEvidenceGap))
            if !gaps.isEmpty {
                add("<div class=\"label\">\(h(strings.evidenceGaps))</div><ul>")
                for group in gaps {
                    let rules = group.rules.map { "<code class=\"id\">\(h($0))</code>" }.joined(separator: " ")
                    let by = group.collectBy.map { " — \(h(strings.collectBy)) \(h($0))" } ?? ""
                    add("<li><code>\(h(group.fact))</code> \(rules)\(by)</li>")
                }
                add("</ul>")
            }
            if !phase.conflicts.isEmpty {
                add("<div class=\"label\">\(h(strings.conflictsLabel))</div><ul>")
                for conflict in phase.conflicts { add("<li>\(h(strings.conflict(conflict)))</li>") }
                add("</ul>")
            }
            if !phase.expiringWaivers.isEmpty {
                add("<div class=\"label\">\(h(strings.expiringWaiversLabel))</div><ul>")
                for waiver in phase.expiringWaivers {
                    add("<li><code class=\"id\">\(h(waiver.rule))</code>\(waiver.subject.map { " " + h($0) } ?? "") — \(h(strings.expires)) \(h(waiver.expires))</li>")
                }
                add("</ul>")
            }
            add("</div>")
        }

        mutating func plannedWork(_ evaluation: Evaluation, id: String) {
            guard !evaluation.plannedWork.isEmpty else { return }
            add("<section id=\"\(id)-planned\">")
            add("<h2>\(h(strings.plannedWork))</h2>")
            add("<table><thead><tr><th>\(h(strings.rule))</th><th>\(h(strings.subject))</th><th>\(h(strings.due))</th><th>\(h(strings.status))</th></tr></thead><tbody>")
            for item in evaluation.plannedWork {
                add(
                    "<tr><td><code class=\"id\">\(h(item.rule))</code> \(h(item.title))</td><td>\(h(item.subject ?? ""))</td>"
                        + "<td class=\"mono nowrap\">\(h(item.due ?? "—"))</td><td>\(pill(item.currentStatus))</td></tr>")
            }
            add("</tbody></table>")
            add("</section>")
        }

        mutating func findings(_ evaluation: Evaluation, id: String) {
            add("<section class=\"page-break\" id=\"\(id)-findings\">")
            add("<h2>\(h(strings.findings))</h2>")
            let groups = evaluation.findingsByCategory
            if groups.isEmpty {
                add("<p class=\"empty\">\(h(strings.noFindings))</p>")
            }
            for group in groups {
                add("<div class=\"category\">")
                add("<h3>\(h(strings.category(group.category, in: evaluation))) <span class=\"chip\">\(group.count)</span></h3>")
                for ruleFindings in group.rules { finding(ruleFindings, in: evaluation) }
                add("</div>")
            }
            add("</section>")
        }

        mutating func finding(_ ruleFindings: RuleFindings, in evaluation: Evaluation) {
            let rule = ruleFindings.rule
            let status = ruleFindings.summary.status
            add("<div class=\"finding s-\(status.rawValue)\">")
            add(
                "<header>\(pill(status))<h4><code class=\"id\">\(h(rule.id))</code> \(h(rule.title.resolved(language)))</h4>"
                    + "<span class=\"chip\">\(h(strings.severity))\(h(strings.colon))\(h(strings.severity(rule.severity)))</span>"
                    + "<span class=\"chip\">\(h(strings.action))\(h(strings.colon))\(h(strings.action(rule.action)))</span>"
                    + "<span class=\"chip\">\(h(strings.likelihoodTimesImpact))\(h(strings.colon))\(rule.likelihood) × \(rule.impact) = \(rule.exposure)</span></header>"
            )
            add("<ul class=\"results\">")
            for (k, result) in ruleFindings.results.enumerated() {
                var item = "\(pill(result.status)) "
                if let subject = result.subject, !Evaluation.subjectShown(subject, in: result.message ?? "") {
                    item += "<strong>\(h(subject))</strong>\(h(strings.colon))"
                }
                if result.status == .unknown {
                    item +=
                        "\(h(strings.missingFactPrefix))\(h(strings.colon))<code>\(h(result.missingFact ?? "—"))</code>"
                } else {
                    item += h(evaluation.detail(of: result, strings: strings))
                }
                if let location = location(of: result) { item += " <span class=\"where mono\">\(h(location))</span>" }
                if result.status == .waived, let waiver = result.waiver {
                    item +=
                        "<br><span class=\"meta\">\(h(strings.waivedPrefix))\(h(strings.colon))\(h(waiver.reason)) "
                        + "(\(h(strings.approvedBy)) \(h(waiver.approvedBy)), \(h(strings.expires)) \(h(waiver.expires)))</span>"
                }
                if k < ruleFindings.whatItTakes.count, let takes = strings.whatItTakes(ruleFindings.whatItTakes[k], subject: result.subject) {
                    item += "<br><span class=\"takes\"><strong>\(h(strings.whatItTakesLabel))\(h(strings.colon))</strong>\(h(takes))</span>"
                }
                add("<li>\(item)</li>")
            }
            add("</ul>")
            if let recommendation = rule.recommendation?.resolved(language) {
                add(
                    "<div class=\"recommendation\"><strong>\(h(strings.recommendation))\(h(strings.colon))</strong>\(h(recommendation))</div>"
                )
            }
            if ruleFindings.results.contains(where: { $0.status == .unknown }),
                let evidence = rule.evidence?.resolved(language)
            {
                add(
                    "<div class=\"rationale\"><strong>\(h(strings.evidence))\(h(strings.colon))</strong>\(h(evidence))</div>"
                )
            }
            if let rationale = rule.rationale?.resolved(language) {
                add(
                    "<div class=\"rationale\"><strong>\(h(strings.rationale))\(h(strings.colon))</strong>\(h(rationale))</div>"
                )
            }
            if !rule.references.isEmpty {
                let references = rule.references.map { reference -> String in
                    if let url = reference.url, ReportPath.isWebLink(url) {
                        return "<a href=\"\(a(url))\">\(h(reference.title))</a>"
                    }
                    return h(reference.title)
                }
                add(
                    "<div class=\"refs\">\(h(strings.references))\(h(strings.colon))\(references.joined(separator: " · "))</div>"
                )
            }
            add("</div>")
        }

        mutating func evidenceGaps(_ evaluation: Evaluation, id: String) {
            add("<section id=\"\(id)-gaps\">")
            add("<h2>\(h(strings.evidenceGaps))</h2>")
            let gaps = evaluation.evidenceGaps
            if gaps.isEmpty {
                add("<p class=\"empty\">\(h(strings.noEvidenceGaps))</p>")
            } else {
                add("<table class=\"gaps\">")
                add(
                    "<thead><tr><th>\(h(strings.rule))</th><th>\(h(strings.subject))</th><th>\(h(strings.missingFact))</th>"
                        + "<th>\(h(strings.evidence))</th><th>\(h(strings.location))</th></tr></thead>")
                add("<tbody>")
                for result in gaps {
                    let rule = evaluation.rule(of: result)
                    add(
                        "<tr><td><code class=\"id\">\(h(rule.id))</code> \(h(rule.title.resolved(language)))</td><td>\(h(result.subject ?? ""))</td>"
                            + "<td><code>\(h(result.missingFact ?? "—"))</code></td><td>\(h(rule.evidence?.resolved(language) ?? ""))</td>"
                            + "<td class=\"mono\">\(h(location(of: result) ?? ""))</td></tr>")
                }
                add("</tbody></table>")
            }
            add("</section>")
        }

        mutating func waivers(_ evaluation: Evaluation, id: String) {
            add("<section id=\"\(id)-waivers\">")
            add("<h2>\(h(strings.waivers))</h2>")
            let report = evaluation.waivers
            if report.applied.isEmpty && report.expired.isEmpty && report.unused.isEmpty {
                add("<p class=\"empty\">\(h(strings.noWaivers))</p>")
            }
            func table(_ title: String, _ waivers: [Waiver], counts: [Int]?) {
                guard !waivers.isEmpty else { return }
                add("<h3>\(h(title))</h3>")
                add("<table>")
                var header =
                    "<thead><tr><th>\(h(strings.rule))</th><th>\(h(strings.subject))</th><th>\(h(strings.reason))</th>"
                header +=
                    "<th>\(h(strings.approvedBy))</th><th>\(h(strings.expires))</th><th>\(h(strings.location))</th>"
                if counts != nil { header += "<th class=\"num\">\(h(strings.results))</th>" }
                add(header + "</tr></thead>")
                add("<tbody>")
                for (index, waiver) in waivers.enumerated() {
                    var row =
                        "<tr><td><code class=\"id\">\(h(waiver.ruleID))</code></td><td>\(h(waiver.subject ?? ""))</td><td>\(h(waiver.reason))</td>"
                    row += "<td>\(h(waiver.approvedBy))</td><td class=\"mono\">\(h(waiver.expires))</td>"
                    row += "<td class=\"mono\">\(h("\(path(waiver.location.file)):\(waiver.location.line)"))</td>"
                    if let counts, counts.indices.contains(index) { row += "<td class=\"num\">\(counts[index])</td>" }
                    add(row + "</tr>")
                }
                add("</tbody></table>")
            }
            table(strings.waiversApplied, report.applied.map(\.waiver), counts: report.applied.map(\.count))
            table(strings.waiversExpired, report.expired, counts: nil)
            table(strings.waiversUnused, report.unused, counts: nil)
            add("</section>")
        }

        mutating func provenance(_ evaluation: Evaluation, id: String) {
            add("<section class=\"provenance\" id=\"\(id)-provenance\">")
            add("<h2>\(h(strings.provenance))</h2>")
            add("<table>")
            add("<tbody>")
            add(
                "<tr><th>\(h(strings.toolVersion))</th><td class=\"mono\">readiness \(h(context.toolVersion))</td></tr>"
            )
            add("<tr><th>\(h(strings.asOf))</th><td class=\"mono\">\(h(evaluation.asOf))</td></tr>")
            add("<tr><th>\(h(strings.languageLabel))</th><td class=\"mono\">\(h(context.language))</td></tr>")
            add(
                "<tr><th>\(h(strings.strictMode))</th><td>\(h(evaluation.isStrict ? strings.yes : strings.no))</td></tr>"
            )
            add("</tbody></table>")
            add("<table>")
            add("<thead><tr><th>\(h(strings.input))</th><th>\(h(strings.kind))</th><th>SHA-256</th></tr></thead>")
            add("<tbody>")
            for input in evaluation.inputs {
                add(
                    "<tr><td class=\"mono\">\(h(path(input.path)))</td><td>\(h(strings.origin(input.kind)))</td><td class=\"mono\">\(h(input.sha256))</td></tr>"
                )
            }
            add("</tbody></table>")
            calibration(evaluation)
            let overrides = evaluation.snapshot.parameterOverrides
            if !overrides.isEmpty {
                add("<h3>\(h(strings.parametersSet))</h3>")
                add("<table>")
                add(
                    "<thead><tr><th>\(h(strings.parameter))</th><th>\(h(strings.value))</th><th>\(h(strings.setAt))</th></tr></thead>"
                )
                add("<tbody>")
                for override in overrides {
                    add(
                        "<tr><td><code>\(h(override.name))</code></td><td><code>\(h(override.value.description))</code></td>"
                            + "<td class=\"mono\">\(h("\(path(override.location.file)):\(override.location.line)"))</td></tr>"
                    )
                }
                add("</tbody></table>")
            }
            add("</section>")
        }
    }
}
