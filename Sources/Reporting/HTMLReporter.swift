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

    struct Writer: DocumentWriter {
        let strings: ReportStrings
        let context: ReportContext
        var output = ""

        mutating func add(_ html: String) { output += html + "\n" }

        func h(_ text: String) -> String { text.htmlEscaped }
        func a(_ text: String) -> String { text.xmlAttributeEscaped }

        func pill(_ status: ResultStatus) -> String {
            "<span class=\"pill s-\(status.rawValue)\">\(h(strings.status(status)))</span>"
        }

        func statusPill(_ status: ReadinessStatus) -> String {
            "<span class=\"pill st-\(status.rawValue)\">\(h(strings.status(status)))</span>"
        }

        func verdictPill(_ verdict: Verdict) -> String {
            "<span class=\"pill v-\(verdict.rawValue)\">\(h(strings.verdict(verdict)))</span>"
        }

        func reason(_ reason: Reason) -> String {
            var text = "<code class=\"id\">\(h(reason.rule))</code> "
            if let subject = reason.subject, !Evaluation.subjectShown(subject, in: reason.message) {
                text += "<strong>\(h(subject))</strong>\(h(strings.colon))"
            }
            return text + h(reason.message)
        }

        /// Opens a report section: `<section id="r1-anchor">` and its `<h2>` title.
        mutating func openSection(_ anchor: String, id: String, title: String, className: String? = nil) {
            add("<section\(className.map { " class=\"\($0)\"" } ?? "") id=\"\(id)-\(anchor)\">")
            add("<h2>\(h(title))</h2>")
        }

        /// What a section shows when it has nothing to list.
        mutating func emptyNote(_ text: String) { add("<p class=\"empty\">\(h(text))</p>") }

        /// A titled list of reasons, each with its status and the action its rule asks for;
        /// nothing when there are none.
        mutating func reasonList(_ title: String, _ reasons: [Reason], listClass: String) {
            guard !reasons.isEmpty else { return }
            add("<h3>\(h(title))</h3>")
            add("<ul class=\"\(listClass)\">")
            for reason in reasons {
                add(
                    "<li>\(pill(reason.status)) \(self.reason(reason)) <span class=\"chip\">\(h(strings.action(reason.action)))</span></li>"
                )
            }
            add("</ul>")
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
    }
}
