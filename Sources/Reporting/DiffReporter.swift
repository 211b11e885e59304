public import Readiness

/// The formats of `readiness diff` and `readiness history`.
public enum ChangeFormat: String, Sendable, CaseIterable {
    case text, json, markdown, html, csv
}

/// Renders an `AssessmentDiff` (`readiness diff`): the verdict change, phases whose decision or
/// scope changed, findings new, resolved, worse and better, and area scores that moved.
public struct DiffReporter: Sendable {
    /// The schema identifier of the JSON form.
    public static let schema = "readiness.diff/1"

    /// Creates the reporter.
    public init() {}

    /// The diff in a format (`csv` gives the findings that changed, one per row).
    ///
    /// - Throws: `DiagnosticError` (`report.unencodable`) when the JSON form cannot be encoded.
    public func render(_ diff: AssessmentDiff, format: ChangeFormat, context: ReportContext) throws -> String {
        switch format {
        case .json:
            let document = JSONDocument(schema: Self.schema, tool: .init(context), diff: diff)
            return try JSONTreeEncoder(keys: .snakeCase).encode(document) + "\n"
        case .text: return report(diff, context: context).text()
        case .markdown: return report(diff, context: context).markdown()
        case .html: return report(diff, context: context).html(toolVersion: context.toolVersion)
        case .csv: return csv(diff, context: context)
        }
    }

    struct JSONDocument: Encodable {
        var schema: String
        var tool: JSONReporter.Tool
        var diff: AssessmentDiff
    }

    func report(_ diff: AssessmentDiff, context: ReportContext, whatIf changes: [WhatIfChange]? = nil) -> TabularReport {
        let s = ReportStrings(language: context.language)
        let project = diff.new.project ?? diff.old.project ?? ReportPath.fileName(diff.new.snapshot)
        var r = TabularReport(
            title: "\(changes == nil ? s.diffTitle : s.whatIfTitle) — \(project)",
            subtitle: changes == nil
                ? "\(side(diff.old, s, context)) → \(side(diff.new, s, context))" : side(diff.old, s, context),
            strings: s)
        if let changes {
            r.heading(s.changesTried)
            r.table(
                [s.fact, s.before, s.after],
                changes.map { [.code($0.fact), .text($0.from ?? "—"), .text($0.to)] })
        }
        r.heading(s.verdictChange)
        r.table(
            ["", s.before, s.after, s.change],
            [
                [.text(s.verdict), .verdict(diff.old.verdict), .verdict(diff.new.verdict), .text(diff.isVerdictChanged ? "" : s.unchanged)],
                [.text(s.readiness), .number(ReportNumber.oneDecimal(diff.old.readiness)), .number(ReportNumber.oneDecimal(diff.new.readiness)), .number(TabularReport.delta(diff.old.readiness, diff.new.readiness))],
                [.text(s.coverage), .number(ReportNumber.oneDecimal(diff.old.coverage)), .number(ReportNumber.oneDecimal(diff.new.coverage)), .number(TabularReport.delta(diff.old.coverage, diff.new.coverage))],
                [.text(s.openFindings), .number(String(diff.old.openFindings)), .number(String(diff.new.openFindings)), .number(signed(diff.new.openFindings - diff.old.openFindings))],
            ], numeric: [1, 2, 3])
        phases(diff, into: &r)
        findings(diff, into: &r, context: context)
        areas(diff, into: &r)
        if diff.isEmpty { r.paragraph(s.noChanges) }
        return r
    }

    private func side(_ side: AssessmentDiff.Side, _ s: ReportStrings, _ context: ReportContext) -> String {
        ReportPath.relative(side.snapshot, to: context.basePath) + (side.asOf.map { " (\(s.today) \($0))" } ?? "")
    }

    private func signed(_ n: Int) -> String { n > 0 ? "+\(n)" : String(n) }

    private func phases(_ diff: AssessmentDiff, into r: inout TabularReport) {
        let s = r.strings
        r.section(
            s.phaseChanges, [s.phase, s.before, s.after, s.movedIn, s.movedOutLabel],
            diff.phases.filter(\.isChanged).map { change in
                [.text(change.name), .verdict(change.oldDecision), .verdict(change.newDecision),
                 .text(items(change.movedIn, s)), .text(items(change.movedOut, s))]
            })
    }

    private func items(_ items: [RuleResult.AffectedItem], _ s: ReportStrings) -> String {
        var kinds: [String] = []
        var byKind: [String: [String]] = [:]
        for item in items {
            if byKind[item.kind] == nil { kinds.append(item.kind) }
            byKind[item.kind, default: []].append(item.item)
        }
        return kinds.map { "\(s.scopeKind($0))\(s.colon)\((byKind[$0] ?? []).joined(separator: s.listSeparator))" }
            .joined(separator: s.clauseSeparator)
    }

    private func findings(_ diff: AssessmentDiff, into r: inout TabularReport, context: ReportContext) {
        let s = r.strings
        r.heading(s.findingChanges)
        r.paragraph(
            s.findingCounts(
                new: diff.newFindings.count, resolved: diff.resolvedFindings.count, worse: diff.worseFindings.count,
                better: diff.betterFindings.count, unchanged: diff.unchangedCount))
        let header = [s.rule, s.subject, s.status, s.severity, s.message, s.location]
        let groups: [(String, [(AssessmentSummary.Finding?, AssessmentSummary.Finding)])] = [
            (s.newFindings, diff.newFindings.map { (nil, $0) }),
            (s.resolvedFindings, diff.resolvedFindings.map { (nil, $0) }),
            (s.worseFindings, diff.worseFindings.map { ($0.old, $0.new) }),
            (s.betterFindings, diff.betterFindings.map { ($0.old, $0.new) }),
        ]
        for (name, list) in groups {
            r.section("\(s.findingChanges)\(s.colon)\(name)", header, list.map { row($0.0, $0.1, s, context) })
        }
    }

    func row(
        _ old: AssessmentSummary.Finding?, _ finding: AssessmentSummary.Finding, _ s: ReportStrings, _ context: ReportContext
    ) -> [TabularReport.Cell] {
        let status: TabularReport.Cell =
            old.map { .text("\(s.status($0.status)) → \(s.status(finding.status))") } ?? .status(finding.status)
        let location = finding.location.map { "\(ReportPath.relative($0.file, to: context.basePath)):\($0.line)" } ?? ""
        return [.id(finding.rule), .text(finding.subject ?? ""), status, .text(s.severity(finding.severity)),
                .text(finding.message), .code(location)]
    }

    private func areas(_ diff: AssessmentDiff, into r: inout TabularReport) {
        let s = r.strings
        r.section(
            s.areaChanges, [s.category, s.readiness, s.change, s.coverage, s.change, s.status],
            diff.areas.filter(\.isChanged).map { area in
                [.text(s.category(area.name)), .number(TabularReport.fromTo(area.oldReadiness, area.newReadiness)),
                 .number(TabularReport.delta(area.oldReadiness, area.newReadiness)),
                 .number(TabularReport.fromTo(area.oldCoverage, area.newCoverage)),
                 .number(TabularReport.delta(area.oldCoverage, area.newCoverage)),
                 .text(
                    area.oldStatus == area.newStatus
                        ? (s.status(named: area.newStatus) ?? "")
                        : "\(s.status(named: area.oldStatus) ?? "—") → \(s.status(named: area.newStatus) ?? "—")")]
            }, numeric: [1, 2, 3, 4])
    }

    /// One row per finding that changed: kind, rule, subject, old and new status, severity, message.
    func csv(_ diff: AssessmentDiff, context: ReportContext) -> String {
        var rows = [["change", "rule", "subject", "old_status", "new_status", "severity", "message", "location"]]
        func add(_ kind: String, _ old: AssessmentSummary.Finding?, _ new: AssessmentSummary.Finding?) {
            guard let f = new ?? old else { return }
            let location = f.location.map { "\(ReportPath.relative($0.file, to: context.basePath)):\($0.line)" } ?? ""
            rows.append([kind, f.rule, f.subject ?? "", old?.status.rawValue ?? "", new?.status.rawValue ?? "",
                         f.severity.rawValue, f.message, location])
        }
        for f in diff.newFindings { add("new", nil, f) }
        for f in diff.resolvedFindings { add("resolved", f, nil) }
        for c in diff.worseFindings { add("worse", c.old, c.new) }
        for c in diff.betterFindings { add("better", c.old, c.new) }
        return CSV.render(rows)
    }
}
