import Foundation
import Readiness

/// Inserts assessments with statements prepared once per transaction.
struct HistoryWriter {
    let db: SQLiteDatabase
    let assessment: SQLiteStatement
    let input: SQLiteStatement
    let area: SQLiteStatement
    let phase: SQLiteStatement
    let finding: SQLiteStatement
    let waiver: SQLiteStatement

    init(_ db: SQLiteDatabase) throws {
        self.db = db
        assessment = try db.prepare(
            """
            INSERT OR IGNORE INTO assessment (project, as_of, recorded_at, snapshot, snapshot_sha256, rulesets_sha256,
                verdict, strict, readiness, coverage, exposure) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        input = try db.prepare("INSERT INTO input VALUES (?, ?, ?, ?, ?)")
        area = try db.prepare("INSERT INTO area VALUES (?, ?, ?, ?, ?, ?, ?)")
        phase = try db.prepare("INSERT INTO phase VALUES (?, ?, ?, ?, ?, ?, ?)")
        finding = try db.prepare("INSERT INTO finding VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        waiver = try db.prepare("INSERT INTO waiver VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
    }

    /// Inserts one assessment; false when it was already recorded.
    func insert(_ a: AssessmentSummary, recordedAt: String) throws -> Bool {
        try assessment.run([
            .init(a.project), .text(a.asOf ?? ""), .text(recordedAt), .text(a.snapshot), .text(a.snapshotDigest),
            .text(a.rulesetsDigest), .text(a.verdict.rawValue), .integer(a.isStrict ? 1 : 0), .real(a.readiness),
            .real(a.coverage), .integer(a.exposure),
        ])
        guard db.changes > 0 else { return false }
        let id = SQLiteValue.integer(Int(db.lastInsertedRowID))
        for (i, file) in a.inputs.enumerated() {
            try input.run([id, .integer(i), .text(file.kind), .text(file.path), .text(file.sha256)])
        }
        for (i, x) in a.areas.enumerated() {
            try area.run([id, .integer(i), .text(x.name), .real(x.readiness), .real(x.coverage), .integer(x.exposure), .init(x.status)])
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for (i, p) in a.phases.enumerated() {
            let scope = String(decoding: try encoder.encode(p.scope), as: UTF8.self)
            try phase.run([id, .integer(i), .text(p.name), .text(p.decision.rawValue), .init(p.status), .init(p.splitFrom), .text(scope)])
        }
        for (i, f) in a.findings.enumerated() {
            try finding.run([
                id, .integer(i), .text(f.rule), .init(f.subject), .text(f.status.rawValue), .text(f.severity.rawValue),
                .text(f.action.rawValue), .text(f.category), .text(f.message), .init(f.location?.file),
                .init(f.location?.line), .init(f.location?.column),
            ])
        }
        for (i, w) in a.waivers.enumerated() {
            try waiver.run([
                id, .integer(i), .text(w.state), .text(w.rule), .init(w.subject), .text(w.reason), .text(w.approvedBy),
                .text(w.expires), .integer(w.count),
            ])
        }
        return true
    }
}
