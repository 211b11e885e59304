import Readiness

extension HTMLReporter.Writer {
    mutating func provenance(_ evaluation: Evaluation, id: String) {
        openSection("provenance", id: id, title: strings.provenance, className: "provenance")
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
