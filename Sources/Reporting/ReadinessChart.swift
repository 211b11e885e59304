import Readiness

/// The horizontal bar chart of the areas, as inline SVG: each bar is the share of checks passed,
/// coloured by the area's status (so a red area never shows a green bar), with the evidence
/// coverage beneath it.
struct ReadinessChart {
    struct Row {
        var label: String
        var readiness: Double
        var coverage: Double
        var isTotal: Bool
        var status: ReadinessStatus = .green
        /// Whether any check was judged; a row with none draws no bars and reads "—".
        var isAssessed = true
    }

    var rows: [Row]
    var strings: ReportStrings

    static let width = 560.0
    private static let labelWidth = 150.0
    private static let valueWidth = 46.0
    private static let rowHeight = 34.0
    private static let top = 10.0


    func svg() -> String {
        let plotX = Self.labelWidth
        let plotWidth = Self.width - Self.labelWidth - Self.valueWidth
        let height = Self.top + Double(rows.count) * Self.rowHeight + 34
        var out = "<svg class=\"chart readiness-chart\" viewBox=\"0 0 \(SVG.n(Self.width)) \(SVG.n(height))\""
        out +=
            " width=\"\(SVG.n(Self.width))\" height=\"\(SVG.n(height))\" role=\"img\" aria-label=\"\(strings.readinessByCategory.xmlAttributeEscaped)\">"
        out += "<title>\(strings.readinessByCategory.xmlEscaped)</title>"
        for tick in stride(from: 0, through: 100, by: 25) {
            let x = plotX + plotWidth * Double(tick) / 100
            out +=
                "<line class=\"grid\" x1=\"\(SVG.n(x))\" y1=\"\(SVG.n(Self.top - 4))\" x2=\"\(SVG.n(x))\" y2=\"\(SVG.n(height - 28))\"/>"
            out += SVG.text(String(tick), x: x, y: height - 16, className: "axis", anchor: "middle")
        }
        for (i, row) in rows.enumerated() {
            let y = Self.top + Double(i) * Self.rowHeight
            let readiness = row.isAssessed ? min(max(row.readiness.isFinite ? row.readiness : 0, 0), 100) : 0
            let coverage = row.isAssessed ? min(max(row.coverage.isFinite ? row.coverage : 0, 0), 100) : 0
            if row.isTotal {
                out +=
                    "<line class=\"separator\" x1=\"0\" y1=\"\(SVG.n(y - 3))\" x2=\"\(SVG.n(Self.width))\" y2=\"\(SVG.n(y - 3))\"/>"
            }
            let label = SVG.fitted(row.label, fontSize: 13, maxWidth: Self.labelWidth - 12)
            out += SVG.text(
                label, x: Self.labelWidth - 10, y: y + 15, className: row.isTotal ? "label total" : "label",
                anchor: "end")
            out += SVG.rect(x: plotX, y: y + 4, width: plotWidth, height: 14, className: "track", radius: 2)
            out += SVG.rect(
                x: plotX, y: y + 4, width: plotWidth * readiness / 100, height: 14,
                className: "bar st-\(row.status.rawValue)", radius: 2)
            out += SVG.rect(
                x: plotX, y: y + 21, width: plotWidth * coverage / 100, height: 4, className: "coverage-bar", radius: 1)
            out += SVG.text(
                row.isAssessed ? ReportNumber.whole(readiness) : ReportNumber.none, x: plotX + plotWidth + 8, y: y + 16,
                className: row.isTotal ? "value total" : "value")
        }
        // The legend keys the colours the bars use: the statuses, so a red bar has a red key.
        let legendY = height - 4
        var x = plotX - 110
        out += SVG.text(strings.readiness, x: x, y: legendY, className: "legend")
        x += SVG.width(of: strings.readiness, fontSize: 11) + 8
        let shown = ReadinessStatus.allCases.filter { status in rows.contains { $0.status == status } }
        for status in shown {
            let label = strings.status(status)
            out += SVG.rect(x: x, y: legendY - 9, width: 12, height: 8, className: "bar st-\(status.rawValue)")
            out += SVG.text(label, x: x + 15, y: legendY, className: "legend")
            x += 15 + SVG.width(of: label, fontSize: 11) + 10
        }
        out += SVG.rect(x: x + 6, y: legendY - 7, width: 12, height: 4, className: "coverage-bar")
        out += SVG.text(strings.coverage, x: x + 22, y: legendY, className: "legend")
        out += "</svg>"
        return out
    }
}
