public import Readiness

/// Renders recorded assessments over time (`readiness history`): per project, the verdict
/// timeline, open findings by severity (burn-down), readiness and evidence coverage, readiness
/// per area, and the findings opened and closed between consecutive assessments. HTML adds SVG
/// charts; CSV gives one row per assessment for a spreadsheet.
public struct HistoryReporter: Sendable {
    /// The schema identifier of the JSON form.
    public static let schema = "readiness.history/1"

    /// Creates the reporter.
    public init() {}

    /// The history in a format; `assessments` are in time order (as `HistoryStore` reads them).
    ///
    /// - Throws: `DiagnosticError` (`report.unencodable`) when the JSON form cannot be encoded.
    public func render(_ assessments: [AssessmentSummary], format: ChangeFormat, context: ReportContext) throws -> String {
        let timelines = HistoryTimeline.timelines(assessments)
        switch format {
        case .json:
            let document = JSONDocument(schema: Self.schema, tool: .init(context), projects: timelines)
            return try JSONTreeEncoder(keys: .snakeCase).encode(document) + "\n"
        case .csv: return csv(timelines)
        case .text: return report(timelines, context: context, withCharts: false).text()
        case .markdown: return report(timelines, context: context, withCharts: false).markdown()
        case .html: return report(timelines, context: context, withCharts: true).html(toolVersion: context.toolVersion)
        }
    }

    struct JSONDocument: Encodable {
        var schema: String
        var tool: JSONReporter.Tool
        var projects: [HistoryTimeline]
    }

    func report(_ timelines: [HistoryTimeline], context: ReportContext, withCharts: Bool) -> TabularReport {
        let s = ReportStrings(language: context.language)
        let only = timelines.count == 1 ? timelines.first : nil
        var r = TabularReport(
            title: s.historyTitle + (only.map { " — \(name(of: $0))" } ?? ""),
            subtitle: "\(s.assessments)\(s.colon)\(timelines.reduce(0) { $0 + $1.points.count })", strings: s)
        if timelines.isEmpty { r.paragraph(s.noAssessments) }
        for timeline in timelines {
            let prefix = only == nil ? "\(name(of: timeline)) · " : ""
            r.heading(prefix + s.summary)
            r.paragraph(summary(timeline, s))
            if withCharts {
                let chart = TrendChart(timeline: timeline, strings: s)
                r.chart(s.verdictTimeline, chart.verdictBand())
                r.chart(s.burnDown, chart.burnDown())
                r.chart(s.coverageOverTime, chart.scores())
                r.chart(s.areasOverTime, chart.areaGrid())
            }
            r.heading(prefix + s.assessments)
            r.table(assessmentHeader(s), timeline.points.map { assessmentRow($0) }, numeric: Set(2...11))
            areas(timeline, prefix: prefix, into: &r)
            changes(timeline, prefix: prefix, into: &r, context: context)
        }
        return r
    }

    private func name(of timeline: HistoryTimeline) -> String {
        timeline.project ?? timeline.points.first.map { ReportPath.fileName($0.snapshot) } ?? "—"
    }

    private func summary(_ t: HistoryTimeline, _ s: ReportStrings) -> String {
        guard let first = t.points.first, let last = t.points.last else { return s.noAssessments }
        var text = "\(s.assessments)\(s.colon)\(t.points.count) (\(first.asOf ?? "—") → \(last.asOf ?? "—"))"
        text += "\(s.clauseSeparator)\(s.verdict)\(s.colon)\(s.verdict(last.verdict))"
        text += "\(s.clauseSeparator)\(s.readiness)\(s.colon)\(ReportNumber.oneDecimal(last.readiness))"
        text += "\(s.clauseSeparator)\(s.coverage)\(s.colon)\(ReportNumber.oneDecimal(last.coverage))%"
        if let change = t.lastVerdictChange {
            text += "\(s.clauseSeparator)\(s.lastVerdictChange)\(s.colon)\(t.points[change.index].asOf ?? "—") "
                + "(\(s.verdict(change.from)) → \(s.verdict(change.to)))"
        }
        return text
    }

    private func assessmentHeader(_ s: ReportStrings) -> [String] {
        [s.asOf, s.verdict, s.readiness, s.coverageShort]
            + Severity.allCases.reversed().map { s.severity($0) }
            + [s.status(.unknown), s.opened, s.closed]
    }

    private func assessmentRow(_ p: HistoryTimeline.Point) -> [TabularReport.Cell] {
        [.date(p.asOf ?? "—"), .verdict(p.verdict), .number(ReportNumber.oneDecimal(p.readiness)),
         .number(ReportNumber.oneDecimal(p.coverage))]
            + Severity.allCases.reversed().map { .number(String(p.openBySeverity[$0] ?? 0)) }
            + [.number(String(p.unknown)), .number(String(p.opened.count)), .number(String(p.closed.count))]
    }

    private func areas(_ t: HistoryTimeline, prefix: String, into r: inout TabularReport) {
        let s = r.strings
        var names: [String] = []
        for point in t.points {
            for area in point.areas where !names.contains(area.name) { names.append(area.name) }
        }
        guard !names.isEmpty else { return }
        r.heading(prefix + s.areasOverTime)
        r.table(
            [s.asOf] + names.map { s.category($0) },
            t.points.map { point in
                [.date(point.asOf ?? "—")]
                    + names.map { name -> TabularReport.Cell in
                        guard let area = point.areas.first(where: { $0.name == name }) else { return .text("") }
                        return .number(ReportNumber.whole(area.readiness) + (s.status(named: area.status).map { " \($0)" } ?? ""))
                    }
            }, numeric: Set(1...names.count))
    }

    private func changes(_ t: HistoryTimeline, prefix: String, into r: inout TabularReport, context: ReportContext) {
        let s = r.strings
        var rows: [[TabularReport.Cell]] = []
        let diff = DiffReporter()
        for point in t.points {
            for (label, list) in [(s.opened, point.opened), (s.closed, point.closed)] {
                for f in list { rows.append([.date(point.asOf ?? "—"), .text(label)] + diff.row(nil, f, s, context)) }
            }
        }
        r.section(
            prefix + s.openedClosed, [s.asOf, s.change, s.rule, s.subject, s.status, s.severity, s.message, s.location],
            rows)
    }

    private func csv(_ timelines: [HistoryTimeline]) -> String {
        var rows = [
            ["project", "as_of", "recorded_at", "snapshot", "verdict", "readiness", "coverage", "exposure"]
                + Severity.allCases.reversed().map { "open_\($0.rawValue)" } + ["unknown", "opened", "closed"]
        ]
        for t in timelines {
            for p in t.points {
                rows.append(
                    [t.project ?? "", p.asOf ?? "", p.recordedAt ?? "", p.snapshot, p.verdict.rawValue,
                     ReportNumber.oneDecimal(p.readiness), ReportNumber.oneDecimal(p.coverage), String(p.exposure)]
                        + Severity.allCases.reversed().map { String(p.openBySeverity[$0] ?? 0) }
                        + [String(p.unknown), String(p.opened.count), String(p.closed.count)])
            }
        }
        return CSV.render(rows)
    }
}
