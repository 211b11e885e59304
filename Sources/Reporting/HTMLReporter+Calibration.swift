import Readiness

extension HTMLReporter.Writer {
    /// The client's overrides of rules, in the provenance: rule, what changed, why, where.
    mutating func calibration(_ evaluation: Evaluation) {
        guard !evaluation.overrides.isEmpty else { return }
        add("<h3>\(h(strings.calibration))</h3>")
        add("<table>")
        add(
            "<thead><tr><th>\(h(strings.rule))</th><th>\(h(strings.adjustment))</th><th>\(h(strings.reason))</th><th>\(h(strings.setAt))</th></tr></thead>"
        )
        add("<tbody>")
        for override in evaluation.overrides {
            add(
                "<tr><td><code class=\"id\">\(h(override.ruleID))</code></td><td>\(h(strings.changes(of: override)))</td>"
                    + "<td>\(h(override.reason))</td><td class=\"mono\">\(h("\(path(override.location.file)):\(override.location.line)"))</td></tr>"
            )
        }
        add("</tbody></table>")
    }
}
