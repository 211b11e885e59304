import Foundation
@testable import Readiness
import Testing

@testable import ReadinessHistory

/// Recording and reading back a history database, and refusing files that are not one.
@Suite struct HistoryStoreTests {
    static func assessment(asOf: String, digest: String, verdict: Verdict = .defer, project: String = "Acme") -> AssessmentSummary {
        AssessmentSummary(
            project: project, asOf: asOf, snapshot: "snap.yaml", verdict: verdict, readiness: 61.5, coverage: 88.2,
            exposure: 20,
            inputs: [
                InputFile(kind: "ruleset", path: "builtin:network", sha256: "aa"),
                InputFile(kind: "snapshot", path: "snap.yaml", sha256: digest),
            ],
            areas: [.init(name: "network", readiness: 40, coverage: 90, exposure: 12), .init(name: "data", readiness: 100, coverage: 100, exposure: 0, status: "green")],
            phases: [.init(name: "Pilot", decision: .goWithConditions, scope: [.init("sites", "HQ")]),
                     .init(name: "Roll-out (follow-on)", decision: .defer, scope: [], splitFrom: "Roll-out")],
            findings: [
                .init(rule: "NET-1", subject: "Mine \"A\"", status: .fail, severity: .high, action: .split, category: "network",
                      message: "4 Mbps for 35 users", location: .init(file: "snap.yaml", line: 9, column: 7)),
                .init(rule: "GOV-1", subject: nil, status: .unknown, severity: .medium, action: .warn, category: "governance",
                      message: "no sponsor", location: nil),
            ],
            waivers: [.init(state: "applied", rule: "NET-2", subject: "Port", reason: "board", approvedBy: "Dana", expires: "2027-06-01", count: 1)])
    }

    @Test func recordsAndReadsBack() throws {
        let path = try TemporaryDirectory.file("history.db")
        let store = HistoryStore(path: path)
        let a = Self.assessment(asOf: "2027-03-01", digest: "s1")
        #expect(try store.record([a], recordedAt: "2027-03-01T09:00:00Z") == 1)
        let back = try store.assessments()
        var expected = a
        expected.recordedAt = "2027-03-01T09:00:00Z"
        #expect(back == [expected])
    }

    @Test func sameSnapshotAndDateIsNotDuplicated() throws {
        let path = try TemporaryDirectory.file("history.db")
        let store = HistoryStore(path: path)
        let a = Self.assessment(asOf: "2027-03-01", digest: "s1")
        #expect(try store.record([a], recordedAt: "2027-03-01T09:00:00Z") == 1)
        #expect(try store.record([a], recordedAt: "2027-03-02T09:00:00Z") == 0)
        #expect(try store.record([Self.assessment(asOf: "2027-03-08", digest: "s1")], recordedAt: "2027-03-08T09:00:00Z") == 1)
        #expect(try store.assessments().map(\.asOf) == ["2027-03-01", "2027-03-08"])
    }

    @Test func filtersByProjectAndDate() throws {
        let path = try TemporaryDirectory.file("history.db")
        let store = HistoryStore(path: path)
        _ = try store.record(
            [Self.assessment(asOf: "2027-03-08", digest: "s2"), Self.assessment(asOf: "2027-03-01", digest: "s1"),
             Self.assessment(asOf: "2027-03-05", digest: "o1", project: "Other")],
            recordedAt: "2027-03-08T09:00:00Z")
        #expect(try store.assessments(project: "Acme").map(\.asOf) == ["2027-03-01", "2027-03-08"])
        #expect(try store.assessments(since: "2027-03-05").map(\.asOf) == ["2027-03-05", "2027-03-08"])
    }

    @Test func aFileThatIsNotADatabaseIsRefusedAndUntouched() throws {
        let path = try TemporaryDirectory.file("notes.db")
        let bytes = Data("project: not a database\n".utf8 + Array(repeating: UInt8(7), count: 600))
        try bytes.write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: HistoryError.self) {
            try HistoryStore(path: path).record([Self.assessment(asOf: "2027-03-01", digest: "s1")], recordedAt: "2027-03-01T09:00:00Z")
        }
        #expect(error?.message.contains("not a Readiness history") == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
        #expect(throws: HistoryError.self) { try HistoryStore(path: path).assessments() }
    }

    @Test func anotherApplicationsDatabaseIsRefusedAndUntouched() throws {
        let path = try TemporaryDirectory.file("other.db")
        do {
            let db = try SQLiteDatabase(path: path, isReadOnly: false)
            try db.execute("CREATE TABLE customers (name TEXT); INSERT INTO customers VALUES ('x')")
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let error = #expect(throws: HistoryError.self) {
            try HistoryStore(path: path).record([Self.assessment(asOf: "2027-03-01", digest: "s1")], recordedAt: "2027-03-01T09:00:00Z")
        }
        #expect(error?.message.contains("another application") == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func aNewerSchemaIsRefusedAndUntouched() throws {
        let path = try TemporaryDirectory.file("history.db")
        let store = HistoryStore(path: path)
        _ = try store.record([Self.assessment(asOf: "2027-03-01", digest: "s1")], recordedAt: "2027-03-01T09:00:00Z")
        do {
            let db = try SQLiteDatabase(path: path, isReadOnly: false)
            try db.execute("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA user_version = 99")
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let error = #expect(throws: HistoryError.self) {
            try store.record([Self.assessment(asOf: "2027-03-08", digest: "s2")], recordedAt: "2027-03-08T09:00:00Z")
        }
        #expect(error?.message.contains("newer readiness") == true)
        #expect(throws: HistoryError.self) { try store.assessments() }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func aDirectoryIsNotAHistory() throws {
        let path = try TemporaryDirectory.file("folder.db")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let error = #expect(throws: HistoryError.self) { try HistoryStore(path: path).assessments() }
        #expect(error?.message.contains("directory") == true)
        #expect(throws: HistoryError.self) {
            try HistoryStore(path: path).record([Self.assessment(asOf: "2027-03-08", digest: "d")], recordedAt: "2027-03-08T09:00:00Z")
        }
    }

    @Test func aMissingHistoryIsAnErrorWhenRead() throws {
        let path = try TemporaryDirectory.file("absent.db")
        #expect(throws: HistoryError.self) { try HistoryStore(path: path).assessments() }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func concurrentRecordersLoseNothing() throws {
        let path = try TemporaryDirectory.file("history.db")
        let failures = Counter()
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            for k in 0..<10 {
                let a = Self.assessment(asOf: "2027-03-\(10 + k)", digest: "w\(worker)")
                do {
                    _ = try HistoryStore(path: path).record([a], recordedAt: "2027-03-01T09:00:00Z")
                } catch {
                    failures.add()
                    Issue.record("worker \(worker), record \(k): \(error)")
                }
            }
        }
        #expect(failures.value == 0)
        #expect(try HistoryStore(path: path).assessments().count == 40)
    }
}

/// A counter several threads may add to.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}

/// A fresh directory per test under the system's temporary directory.
enum TemporaryDirectory {
    static func file(_ name: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("readiness-history-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent(name).path
    }
}
