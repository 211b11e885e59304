import Readiness

extension HTMLReporter.Writer {
    mutating func findings(_ evaluation: Evaluation, id: String) {
        openSection("findings", id: id, title: strings.findings, className: "page-break")
        let groups = evaluation.findingsByCategory
        if groups.isEmpty {
            emptyNote(strings.noFindings)
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
            var item = "\(pill(result.status)) " + InlineMarkup.html.finding(result, in: evaluation, strings: strings)
            if let location = place(of: result) { item += " <span class=\"where mono\">\(h(location))</span>" }
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
        openSection("gaps", id: id, title: strings.evidenceGaps)
        let gaps = evaluation.evidenceGaps
        if gaps.isEmpty {
            emptyNote(strings.noEvidenceGaps)
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
                        + "<td class=\"mono\">\(h(place(of: result) ?? ""))</td></tr>")
            }
            add("</tbody></table>")
        }
        add("</section>")
    }
}
