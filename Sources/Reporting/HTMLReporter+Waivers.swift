import Readiness

extension HTMLReporter.Writer {
    mutating func waivers(_ evaluation: Evaluation, id: String) {
        openSection("waivers", id: id, title: strings.waivers)
        let report = evaluation.waivers
        if report.applied.isEmpty && report.expired.isEmpty && report.unused.isEmpty {
            emptyNote(strings.noWaivers)
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
}
