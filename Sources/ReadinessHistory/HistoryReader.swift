import Foundation
import Readiness
import SourceDiagnostics

/// Reads assessments back, each table in one query over the selected assessments.
struct HistoryReader {
    let db: SQLiteDatabase

    init(_ db: SQLiteDatabase) {
        self.db = db
    }

    private static let filter = "(?1 IS NULL OR a.project = ?1) AND (?2 IS NULL OR a.as_of >= ?2)"

    func assessments(project: String?, since: String?) throws -> [AssessmentSummary] {
        let bindings: [SQLiteValue] = [.init(project), .init(since)]
        let main = try db.prepare(
            """
            SELECT a.id, a.project, a.as_of, a.recorded_at, a.snapshot, a.verdict, a.strict, a.readiness, a.coverage, a.exposure
            FROM assessment a WHERE \(Self.filter) ORDER BY a.as_of, a.recorded_at, a.id
            """)
        try main.bind(bindings)
        var out: [AssessmentSummary] = []
        var positions: [Int: Int] = [:]
        while try main.step() {
            positions[main.int(0)] = out.count
            out.append(
                AssessmentSummary(
                    project: main.text(1), asOf: main.text(2).flatMap { $0.isEmpty ? nil : $0 }, snapshot: main.text(4) ?? "",
                    recordedAt: main.text(3), verdict: Verdict(rawValue: main.text(5) ?? "") ?? .go, isStrict: main.int(6) != 0,
                    readiness: main.double(7), coverage: main.double(8), exposure: main.int(9), inputs: [], areas: [],
                    phases: [], findings: [], waivers: []))
        }
        try rows("SELECT c.assessment_id, c.kind, c.path, c.sha256 FROM input c", bindings) { s, i in
            out[positions[i] ?? 0].inputs.append(InputFile(kind: s.text(1) ?? "", path: s.text(2) ?? "", sha256: s.text(3) ?? ""))
        }
        try rows("SELECT c.assessment_id, c.name, c.readiness, c.coverage, c.exposure, c.status FROM area c", bindings) { s, i in
            out[positions[i] ?? 0].areas.append(
                .init(name: s.text(1) ?? "", readiness: s.double(2), coverage: s.double(3), exposure: s.int(4), status: s.text(5)))
        }
        let decoder = JSONDecoder()
        try rows("SELECT c.assessment_id, c.name, c.decision, c.status, c.split_from, c.scope FROM phase c", bindings) { s, i in
            let scope = (try? decoder.decode([RuleResult.AffectedItem].self, from: Data((s.text(5) ?? "[]").utf8))) ?? []
            out[positions[i] ?? 0].phases.append(
                .init(name: s.text(1) ?? "", decision: Verdict(rawValue: s.text(2) ?? "") ?? .go, status: s.text(3), scope: scope,
                      splitFrom: s.text(4)))
        }
        try findings(bindings) { i, finding in out[positions[i] ?? 0].findings.append(finding) }
        try rows(
            "SELECT c.assessment_id, c.state, c.rule, c.subject, c.reason, c.approved_by, c.expires, c.count FROM waiver c",
            bindings
        ) { s, i in
            out[positions[i] ?? 0].waivers.append(
                .init(state: s.text(1) ?? "", rule: s.text(2) ?? "", subject: s.text(3), reason: s.text(4) ?? "",
                      approvedBy: s.text(5) ?? "", expires: s.text(6) ?? "", count: s.int(7)))
        }
        return out
    }

    private func findings(_ bindings: [SQLiteValue], _ add: (Int, AssessmentSummary.Finding) -> Void) throws {
        try rows(
            """
            SELECT c.assessment_id, c.rule, c.subject, c.status, c.severity, c.action, c.category, c.message, c.file, c.line, c.column
            FROM finding c
            """, bindings
        ) { s, i in
            let location = s.text(8).flatMap { AssessmentSummary.Location(SourceLocation(file: $0, line: s.int(9), column: s.int(10))) }
            add(
                i,
                .init(
                    rule: s.text(1) ?? "", subject: s.text(2), status: ResultStatus(rawValue: s.text(3) ?? "") ?? .unknown,
                    severity: Severity(rawValue: s.text(4) ?? "") ?? .info, action: RuleAction(rawValue: s.text(5) ?? "") ?? .warn,
                    category: s.text(6) ?? "", message: s.text(7) ?? "", location: location))
        }
    }

    /// Runs a child-table query over the selected assessments, in assessment and position order.
    private func rows(_ select: String, _ bindings: [SQLiteValue], _ body: (SQLiteStatement, Int) -> Void) throws {
        let statement = try db.prepare(
            "\(select) JOIN assessment a ON a.id = c.assessment_id WHERE \(Self.filter) ORDER BY c.assessment_id, c.position")
        try statement.bind(bindings)
        while try statement.step() { body(statement, statement.int(0)) }
    }
}
