import Readiness

extension HTMLReporter.Writer {
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
        reasonList(strings.decidedBy, evaluation.decidedBy, listClass: "decided-by")
        if !evaluation.inputWarnings.isEmpty {
            add("<h3>\(h(strings.inputWarnings))</h3>")
            add("<p>\(h(strings.inputWarningsNote))</p>")
            add("<ul class=\"input-warnings\">")
            for warning in evaluation.inputWarnings {
                add(
                    "<li><span class=\"mono\">\(h(strings.warningPlace(warning, basePath: context.basePath)))</span> \(h(strings.warningText(warning)))</li>")
            }
            add("</ul>")
        }
        var rows = evaluation.scores.categories.map {
            ReadinessChart.Row(
                label: strings.category($0.name, in: evaluation), readiness: $0.readiness, coverage: $0.coverage, isTotal: false,
                status: $0.status, isAssessed: $0.isAssessed)
        }
        rows.append(
            ReadinessChart.Row(
                label: strings.overall, readiness: overall.readiness, coverage: overall.coverage, isTotal: true,
                status: evaluation.status, isAssessed: overall.isAssessed))
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
        openSection("scores", id: id, title: strings.areas)
        let statuses: [ResultStatus] = [.pass, .warn, .fail, .unknown, .error, .waived, .notDue, .notApplicable]
        add("<table class=\"counts\">")
        add(
            "<thead><tr><th>\(h(strings.category))</th><th>\(h(strings.areaStatus))</th><th class=\"num\">\(h(strings.coverageShort))</th><th class=\"num\">\(h(strings.readiness))</th>"
                + statuses.map { "<th class=\"num\">\(pill($0))</th>" }.joined()
                + "<th class=\"num\">\(h(strings.exposure))</th></tr></thead>")
        add("<tbody>")
        func percent(_ value: Double, _ area: Scores.Area) -> String {
            area.isAssessed ? ReportNumber.whole(value) + "%" : ReportNumber.none
        }
        func row(_ area: Scores.Area, name: String, isTotal: Bool) -> String {
            "<tr\(isTotal ? " class=\"total\"" : "")><td>\(h(name))</td><td>\(statusPill(area.status))</td>"
                + "<td class=\"num\">\(percent(area.coverage, area))</td><td class=\"num\">\(percent(area.readiness, area))</td>"
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
            emptyNote(strings.noOpenRisks)
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
}
