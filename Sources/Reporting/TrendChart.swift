import Readiness

/// The history report's charts as inline SVG, one column per assessment (oldest on the left):
/// the verdict band, open findings by severity (burn-down), readiness and evidence coverage
/// lines, and a grid of area readiness. Colours are written on the shapes, so the charts need no
/// stylesheet beyond the report's.
struct TrendChart {
    var timeline: HistoryTimeline
    var strings: ReportStrings

    static let width = 960.0
    static let left = 150.0
    static let right = 20.0
    static var plotWidth: Double { width - left - right }

    static let severityColours: [(Severity, String)] = [
        (.critical, "#82071e"), (.high, "#cf222e"), (.medium, "#e16f24"), (.low, "#d4a72c"), (.info, "#8c959f"),
    ]
    static let verdictColours: [Verdict: String] = [
        .go: "#2da44e", .goWithConditions: "#d4a72c", .split: "#e16f24", .defer: "#8250df", .noGo: "#cf222e",
    ]

    private var count: Int { max(timeline.points.count, 1) }
    private var step: Double { Self.plotWidth / Double(count) }
    private func x(_ i: Int) -> Double { Self.left + step * Double(i) }

    private func open(_ height: Double, label: String) -> String {
        "<svg class=\"chart\" viewBox=\"0 0 \(SVG.n(Self.width)) \(SVG.n(height))\" width=\"\(SVG.n(Self.width))\" "
            + "height=\"\(SVG.n(height))\" role=\"img\" aria-label=\"\(label.xmlAttributeEscaped)\"><title>\(label.xmlEscaped)</title>"
    }

    /// Date labels under a plot: at most eight, evenly spread, the last always shown.
    private func dateAxis(y: Double) -> String {
        let n = timeline.points.count
        guard n > 0 else { return "" }
        let every = max(1, Int((Double(n) / 8).rounded(.up)))
        var out = ""
        for i in stride(from: 0, to: n, by: every) where i == n - 1 || n - 1 - i >= every / 2 {
            out += SVG.text(timeline.points[i].asOf ?? "—", x: x(i) + step / 2, y: y, className: "axis", anchor: "middle")
        }
        if (n - 1) % every != 0 {
            out += SVG.text(timeline.points[n - 1].asOf ?? "—", x: x(n - 1) + step / 2, y: y, className: "axis", anchor: "middle")
        }
        return out
    }

    /// The verdict of each assessment as a coloured band, with a legend of the verdicts seen.
    func verdictBand() -> String {
        var out = open(78, label: strings.verdictTimeline)
        out += SVG.text(strings.verdict, x: Self.left - 10, y: 27, className: "label", anchor: "end")
        for (i, point) in timeline.points.enumerated() {
            out += Self.titledRect(
                x: x(i), y: 12, width: max(step - (step > 4 ? 1 : 0), 0.5), height: 22,
                fill: Self.verdictColours[point.verdict] ?? "#8c959f",
                title: "\(point.asOf ?? ""): \(strings.verdict(point.verdict))")
        }
        out += dateAxis(y: 50)
        let seen = Set(timeline.points.map(\.verdict))
        out += legend(
            Verdict.allCases.filter(seen.contains).map { (strings.verdict($0), Self.verdictColours[$0]) }, y: 62)
        return out + "</svg>"
    }

    /// Open findings by severity, stacked, per assessment.
    func burnDown() -> String {
        let height = 220.0
        let top = 12.0
        let plotHeight = 150.0
        let peak = max(timeline.points.map(\.openCount).max() ?? 0, 1)
        var out = open(height, label: strings.burnDown)
        out += yAxis(top: top, plotHeight: plotHeight, maximum: Double(peak), suffix: "")
        for (i, point) in timeline.points.enumerated() {
            var y = top + plotHeight
            for (severity, colour) in Self.severityColours {
                let n = point.openBySeverity[severity] ?? 0
                guard n > 0 else { continue }
                let h = plotHeight * Double(n) / Double(peak)
                y -= h
                out += Self.titledRect(
                    x: x(i) + (step > 4 ? 1 : 0), y: y, width: max(step - (step > 4 ? 2 : 0), 0.5), height: h, fill: colour,
                    title: "\(point.asOf ?? ""): \(n) \(strings.severity(severity))")
            }
        }
        out += dateAxis(y: top + plotHeight + 16)
        out += legend(Self.severityColours.map { (strings.severity($0.0), $0.1) }, y: height - 16)
        return out + "</svg>"
    }

    /// Readiness (solid) and evidence coverage (dashed), 0–100.
    func scores() -> String {
        let height = 220.0
        let top = 12.0
        let plotHeight = 150.0
        var out = open(height, label: strings.coverageOverTime)
        out += yAxis(top: top, plotHeight: plotHeight, maximum: 100, suffix: "")
        func line(_ values: [Double], colour: String, dashed: Bool) -> String {
            let points = values.enumerated().map { i, v in
                "\(SVG.n(x(i) + step / 2)),\(SVG.n(top + plotHeight * (1 - min(max(v.isFinite ? v : 0, 0), 100) / 100)))"
            }
            return "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"\(dashed ? " stroke-dasharray=\"5 3\"" : "") points=\"\(points.joined(separator: " "))\"/>"
        }
        out += line(timeline.points.map(\.readiness), colour: "#2da44e", dashed: false)
        out += line(timeline.points.map(\.coverage), colour: "#0969da", dashed: true)
        out += dateAxis(y: top + plotHeight + 16)
        out += "<line x1=\"\(SVG.n(Self.left))\" y1=\"\(SVG.n(height - 12))\" x2=\"\(SVG.n(Self.left + 14))\" y2=\"\(SVG.n(height - 12))\" stroke=\"#2da44e\" stroke-width=\"2\"/>"
        out += SVG.text(strings.readiness, x: Self.left + 18, y: height - 8, className: "legend")
        let coverageX = Self.left + 40 + SVG.width(of: strings.readiness, fontSize: 11)
        out += "<line x1=\"\(SVG.n(coverageX))\" y1=\"\(SVG.n(height - 12))\" x2=\"\(SVG.n(coverageX + 14))\" y2=\"\(SVG.n(height - 12))\" stroke=\"#0969da\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>"
        out += SVG.text(strings.coverage, x: coverageX + 18, y: height - 8, className: "legend")
        return out + "</svg>"
    }

    /// One row per area, one cell per assessment, coloured by the area's status when the
    /// decision model gives one, else by its readiness band.
    func areaGrid() -> String {
        var names: [String] = []
        for point in timeline.points {
            for area in point.areas where !names.contains(area.name) { names.append(area.name) }
        }
        let rowHeight = 22.0
        let height = Double(names.count) * rowHeight + 32
        var out = open(height, label: strings.areasOverTime)
        for (row, name) in names.enumerated() {
            let y = 8 + Double(row) * rowHeight
            out += SVG.text(
                SVG.fitted(strings.category(name), fontSize: 13, maxWidth: Self.left - 16), x: Self.left - 10, y: y + 14,
                className: "label", anchor: "end")
            for (i, point) in timeline.points.enumerated() {
                guard let area = point.areas.first(where: { $0.name == name }) else { continue }
                out += Self.titledRect(
                    x: x(i), y: y, width: max(step - (step > 4 ? 1 : 0), 0.5), height: rowHeight - 3,
                    fill: Self.colour(of: area), title: "\(point.asOf ?? ""): \(ReportNumber.whole(area.readiness))")
            }
        }
        out += dateAxis(y: height - 8)
        return out + "</svg>"
    }

    /// A row of legend swatches, each followed by its label, from the left margin.
    private func legend(_ entries: [(label: String, colour: String?)], y: Double) -> String {
        var out = ""
        var x = Self.left
        for (label, colour) in entries {
            out += SVG.rect(x: x, y: y, width: 12, height: 8, fill: colour)
            out += SVG.text(label, x: x + 16, y: y + 8, className: "legend")
            x += 32 + SVG.width(of: label, fontSize: 11)
        }
        return out
    }

    /// A filled `<rect>` with a tooltip.
    static func titledRect(x: Double, y: Double, width: Double, height: Double, fill: String, title: String) -> String {
        "<rect x=\"\(SVG.n(x))\" y=\"\(SVG.n(y))\" width=\"\(SVG.n(max(width, 0)))\" height=\"\(SVG.n(max(height, 0)))\" "
            + "fill=\"\(fill)\"><title>\(title.xmlEscaped)</title></rect>"
    }

    static func colour(of area: AssessmentSummary.Area) -> String {
        switch area.status {
        case "red": "#cf222e"
        case "amber": "#d4a72c"
        case "green": "#2da44e"
        case "grey", "gray": "#8c959f"
        default: area.readiness >= 80 ? "#2da44e" : area.readiness >= 60 ? "#d4a72c" : "#cf222e"
        }
    }

    private func yAxis(top: Double, plotHeight: Double, maximum: Double, suffix: String) -> String {
        var out = ""
        for k in 0...4 {
            let value = maximum * Double(k) / 4
            let y = top + plotHeight * (1 - Double(k) / 4)
            out += "<line class=\"grid\" x1=\"\(SVG.n(Self.left))\" y1=\"\(SVG.n(y))\" x2=\"\(SVG.n(Self.width - Self.right))\" y2=\"\(SVG.n(y))\"/>"
            out += SVG.text(ReportNumber.oneDecimal(value) + suffix, x: Self.left - 8, y: y + 4, className: "axis", anchor: "end")
        }
        return out
    }
}
