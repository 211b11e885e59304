import Readiness

/// The phase plan before and after the recommended split or deferral, drawn as an SVG timeline
/// (a Gantt chart on a shared date axis). Phases without dates sit in an "unscheduled" column
/// at the right; follow-on phases are dashed and deferred phases hatched.
struct PhaseTimelineChart {
    /// One bar.
    struct Bar {
        var name: String
        var start: String?
        var end: String?
        /// The CSS class that colours the bar.
        var style: String
        /// Text for the bar, longest first: the first that fits inside the bar is used, else the
        /// last one is put beside it.
        var notes: [String] = []
        var isFollowOn = false
        var isDeferred = false
        var splitFrom: String?
    }

    var before: [Bar]
    var after: [Bar]
    var asOf: String
    var strings: ReportStrings
    /// Makes pattern ids unique when several charts share a document.
    var idPrefix: String

    /// A key to the bars' colours and marks.
    struct LegendItem {
        enum Mark { case bar, followOn, deferred, asOf }
        var label: String
        var style: String
        var mark: Mark
    }

    /// The key drawn under the chart.
    var legend: [LegendItem] = []

    static let width = 980.0
    private static let legendHeight = 26.0
    private static let labelWidth = 210.0
    private static let rightMargin = 16.0
    private static let unscheduledWidth = 120.0
    private static let rowHeight = 28.0
    private static let headerHeight = 28.0
    private static let axisHeight = 44.0
    private static let minimumSpanDays = 10

    static func day(_ text: String?) -> Int? {
        guard let text, let timestamp = CalendarDate.parse(text) else { return nil }
        return Int(timestamp.seconds / 86_400)
    }

    private static func dateLabel(_ day: Int, withDay: Bool) -> String {
        let (y, m, d) = CalendarDate.civil(fromDays: day)
        let month = m < 10 ? "0\(m)" : "\(m)"
        guard withDay else { return "\(y)-\(month)" }
        return "\(y)-\(month)-\(d < 10 ? "0\(d)" : "\(d)")"
    }

    /// Tick days and labels between two days: Mondays (`MM-DD`) up to about three months, then
    /// the first of each month, quarter or year (`YYYY-MM`).
    static func ticks(from low: Int, to high: Int) -> [(day: Int, label: String)] {
        if high - low <= 100 {
            // 1970-01-01 was a Thursday: Mondays are the days with (day + 3) % 7 == 0.
            let offset = ((low + 3) % 7 + 7) % 7
            let firstMonday = offset == 0 ? low : low + 7 - offset
            return stride(from: firstMonday, through: high, by: 7).map { day in
                let (_, m, d) = CalendarDate.civil(fromDays: day)
                return (day, "\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)")
            }
        }
        let months = (high - low) / 30
        let step = months > 48 ? 12 : months > 16 ? 3 : 1
        var (year, month, _) = CalendarDate.civil(fromDays: low)
        var ticks: [(Int, String)] = []
        while ticks.count < 120 {
            let day = CalendarDate.daysFromCivil(year: year, month: month, day: 1)
            if day > high { break }
            if day >= low && (month - 1) % step == 0 { ticks.append((day, dateLabel(day, withDay: false))) }
            month += 1
            if month > 12 {
                month = 1
                year += 1
            }
        }
        return ticks
    }

    /// Where the chart's days fall: the plot's left and right edges and the days at each.
    private struct Scale {
        let hasDates: Bool
        let hasUnscheduled: Bool
        let asOfDay: Int?
        let plotLeft: Double
        let plotRight: Double
        let low: Int
        let high: Int

        init(_ bars: [Bar], asOf: String) {
            var days: [Int] = bars.flatMap { bar -> [Int] in
                let start = PhaseTimelineChart.day(bar.start)
                let end = PhaseTimelineChart.day(bar.end)
                switch (start, end) {
                case (let s?, let e?): return [s, e]
                case (let s?, nil): return [s, s + PhaseTimelineChart.minimumSpanDays * 2]
                case (nil, let e?): return [e - PhaseTimelineChart.minimumSpanDays * 2, e]
                case (nil, nil): return []
                }
            }
            asOfDay = PhaseTimelineChart.day(asOf)
            hasDates = !days.isEmpty
            if let asOfDay, hasDates { days.append(asOfDay) }
            hasUnscheduled = bars.contains { PhaseTimelineChart.day($0.start) == nil && PhaseTimelineChart.day($0.end) == nil }
            plotLeft = PhaseTimelineChart.labelWidth
            plotRight = PhaseTimelineChart.width - PhaseTimelineChart.rightMargin
                - (hasUnscheduled && hasDates ? PhaseTimelineChart.unscheduledWidth + 10 : 0)
            let low = days.min() ?? 0
            var high = days.max() ?? 1
            if high - low < 28 { high = low + 28 }
            let pad = max((high - low) / 30, 2)
            self.low = low - pad
            self.high = high + pad
        }

        func x(_ day: Int) -> Double {
            plotLeft + (plotRight - plotLeft) * Double(day - low) / Double(high - low)
        }
    }

    func svg() -> String {
        let bars = before + after
        let scale = Scale(bars, asOf: asOf)
        let rows = Double(bars.count)
        let plotHeight = Self.axisHeight + 2 * Self.headerHeight + rows * Self.rowHeight + 12
        let height = plotHeight + (legend.isEmpty ? 0 : Self.legendHeight)
        var out = opening(height: height)
        out += axis(scale, chartBottom: plotHeight - 8)
        var y = Self.axisHeight
        var positions: [String: (x1: Double, x2: Double, y: Double)] = [:]
        out += section(strings.planBefore, before, planned: false, scale: scale, y: &y, positions: &positions)
        out += section(strings.planAfter, after, planned: true, scale: scale, y: &y, positions: &positions)
        for bar in after {
            guard let from = bar.splitFrom, let source = positions[from], let target = positions[bar.name] else {
                continue
            }
            let startX = min(source.x2, target.x1) - 2
            out +=
                "<path class=\"connector\" d=\"M \(SVG.n(startX)) \(SVG.n(source.y + 6)) V \(SVG.n(target.y)) H \(SVG.n(target.x1 - 2))\""
            out += " marker-end=\"url(#\(idPrefix)-arrow)\"/>"
        }
        if !legend.isEmpty { out += legendSVG(y: plotHeight + 8) }
        out += "</svg>"
        return out
    }

    /// The `<svg>` element's opening, its title, and the hatch pattern and arrow head it uses.
    private func opening(height: Double) -> String {
        var out = "<svg class=\"chart timeline\" viewBox=\"0 0 \(SVG.n(Self.width)) \(SVG.n(height))\""
        out +=
            " width=\"\(SVG.n(Self.width))\" height=\"\(SVG.n(height))\" role=\"img\" aria-label=\"\(strings.phasePlan.xmlAttributeEscaped)\">"
        out += "<title>\(strings.phasePlan.xmlEscaped)</title>"
        out +=
            "<defs><pattern id=\"\(idPrefix)-hatch\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
        out +=
            "<rect width=\"8\" height=\"8\" class=\"hatch-bg\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" class=\"hatch-line\"/></pattern>"
        out +=
            "<marker id=\"\(idPrefix)-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">"
        out += "<path d=\"M 0 0 L 10 5 L 0 10 z\" class=\"arrow-head\"/></marker></defs>"
        return out
    }

    /// The date axis (weekly ticks for a short plan, else months, quarters or years), the
    /// as-of line and the column of phases without dates.
    private func axis(_ scale: Scale, chartBottom: Double) -> String {
        var out = ""
        if scale.hasDates {
            for (day, label) in Self.ticks(from: scale.low, to: scale.high) {
                let tx = scale.x(day)
                guard tx + SVG.width(of: label, fontSize: 11) + 4 < scale.plotRight else { continue }
                out +=
                    "<line class=\"grid\" x1=\"\(SVG.n(tx))\" y1=\"\(SVG.n(Self.axisHeight - 6))\" x2=\"\(SVG.n(tx))\" y2=\"\(SVG.n(chartBottom))\"/>"
                out += SVG.text(label, x: tx + 3, y: Self.axisHeight - 10, className: "axis")
            }
            if let asOfDay = scale.asOfDay, asOfDay >= scale.low, asOfDay <= scale.high {
                let ax = scale.x(asOfDay)
                out +=
                    "<line class=\"as-of\" x1=\"\(SVG.n(ax))\" y1=\"\(SVG.n(Self.axisHeight - 4))\" x2=\"\(SVG.n(ax))\" y2=\"\(SVG.n(chartBottom))\"/>"
                out += SVG.text("\(strings.today) \(asOf)", x: ax, y: 12, className: "as-of-label", anchor: "middle")
            }
        }
        if scale.hasUnscheduled {
            if scale.hasDates {
                let ux = scale.plotRight + 10
                out +=
                    "<line class=\"zone-separator\" x1=\"\(SVG.n(ux))\" y1=\"\(SVG.n(Self.axisHeight - 20))\" x2=\"\(SVG.n(ux))\" y2=\"\(SVG.n(chartBottom))\"/>"
                out += SVG.text(
                    strings.noDates, x: (ux + Self.width - Self.rightMargin) / 2, y: Self.axisHeight - 10,
                    className: "axis",
                    anchor: "middle")
            } else {
                out += SVG.text(strings.noDates, x: scale.plotLeft, y: Self.axisHeight - 10, className: "axis")
            }
        }
        return out
    }

    /// A band with the section's title, then a row per bar; records where planned bars sit
    /// (for the connectors from a split phase to its follow-on).
    private func section(
        _ title: String, _ bars: [Bar], planned: Bool, scale: Scale, y: inout Double,
        positions: inout [String: (x1: Double, x2: Double, y: Double)]
    ) -> String {
        var out = ""
        var unscheduledIndex = 0
        out += SVG.rect(x: 0, y: y + 2, width: Self.width, height: Self.headerHeight - 4, className: "section-band")
        out += SVG.text(title, x: 8, y: y + Self.headerHeight / 2 + 5, className: "section-title")
        y += Self.headerHeight
        for bar in bars {
            let label = (bar.isFollowOn ? "↳ " : "") + bar.name
            out += "<g class=\"phase\"><title>\(tooltip(bar).xmlEscaped)</title>"
            out += SVG.text(
                SVG.fitted(label, fontSize: 12, maxWidth: Self.labelWidth - 16), x: Self.labelWidth - 10,
                y: y + Self.rowHeight / 2 + 4, className: "phase-label", anchor: "end")
            let start = Self.day(bar.start)
            let end = Self.day(bar.end)
            var x1: Double
            var x2: Double
            var isOpenEnded = false
            switch (start, end) {
            case (let s?, let e?) where scale.hasDates:
                x1 = scale.x(min(s, e))
                x2 = scale.x(max(e, s + 1))
            case (let s?, nil) where scale.hasDates:
                x1 = scale.x(s)
                x2 = scale.x(s + Self.minimumSpanDays * 2)
                isOpenEnded = true
            case (nil, let e?) where scale.hasDates:
                x1 = scale.x(e - Self.minimumSpanDays * 2)
                x2 = scale.x(e)
                isOpenEnded = true
            default:
                if scale.hasDates {
                    x1 = scale.plotRight + 14
                    x2 = Self.width - Self.rightMargin
                } else {
                    let count = Double(max(bars.count, 1))
                    let slot = (scale.plotRight - scale.plotLeft) / count
                    x1 = scale.plotLeft + slot * Double(unscheduledIndex) + 2
                    x2 = x1 + slot - 6
                }
                unscheduledIndex += 1
            }
            x2 = max(x2, x1 + 6)
            var classes = "bar \(bar.style)"
            if bar.isFollowOn { classes += " follow-on" }
            if isOpenEnded { classes += " open-ended" }
            let barY = y + 6
            let barHeight = Self.rowHeight - 12
            out += SVG.rect(x: x1, y: barY, width: x2 - x1, height: barHeight, className: classes, radius: 3)
            if bar.isDeferred {
                out += SVG.rect(
                    x: x1, y: barY, width: x2 - x1, height: barHeight, className: "deferred-overlay", radius: 3,
                    extra: "fill=\"url(#\(idPrefix)-hatch)\"")
            }
            if let note = bar.notes.first(where: { SVG.width(of: $0, fontSize: 12.2) + 14 < x2 - x1 }) {
                out += SVG.text(note, x: x1 + 6, y: barY + barHeight - 4, className: "bar-note inside")
            } else if let note = bar.notes.last {
                if x2 + 6 + SVG.width(of: note, fontSize: 10.5) < Self.width {
                    out += SVG.text(note, x: x2 + 6, y: barY + barHeight - 4, className: "bar-note")
                } else {
                    out += SVG.text(note, x: x1 - 6, y: barY + barHeight - 4, className: "bar-note", anchor: "end")
                }
            }
            out += "</g>"
            if planned { positions[bar.name] = (x1, x2, barY + barHeight / 2) }
            y += Self.rowHeight
        }
        return out
    }

    private func legendSVG(y: Double) -> String {
        var out = "<g class=\"legend\">"
        var x = Self.labelWidth
        for item in legend {
            switch item.mark {
            case .bar:
                out += SVG.rect(x: x, y: y, width: 22, height: 10, className: "bar \(item.style)", radius: 2)
            case .followOn:
                out += SVG.rect(x: x, y: y, width: 22, height: 10, className: "bar \(item.style) follow-on", radius: 2)
            case .deferred:
                out += SVG.rect(x: x, y: y, width: 22, height: 10, className: "bar \(item.style)", radius: 2)
                out += SVG.rect(
                    x: x, y: y, width: 22, height: 10, className: "deferred-overlay", radius: 2,
                    extra: "fill=\"url(#\(idPrefix)-hatch)\"")
            case .asOf:
                out +=
                    "<line class=\"as-of\" x1=\"\(SVG.n(x + 11))\" y1=\"\(SVG.n(y - 2))\" x2=\"\(SVG.n(x + 11))\" y2=\"\(SVG.n(y + 12))\"/>"
            }
            out += SVG.text(item.label, x: x + 28, y: y + 9, className: "legend")
            x += 28 + SVG.width(of: item.label, fontSize: 11) + 18
        }
        return out + "</g>"
    }

    private func tooltip(_ bar: Bar) -> String {
        var text = bar.name
        switch (bar.start, bar.end) {
        case (let s?, let e?): text += ": \(s) → \(e)"
        case (let s?, nil): text += ": \(s) →"
        case (nil, let e?): text += ": → \(e)"
        case (nil, nil): text += " (\(strings.noDates))"
        }
        if let note = bar.notes.first { text += " — \(note)" }
        return text
    }
}
