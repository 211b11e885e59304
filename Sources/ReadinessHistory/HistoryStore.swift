import Foundation
public import Readiness

/// A readiness history: a SQLite file the user owns that keeps every recorded assessment.
///
/// Writing checks first, through a read-only connection, that the file is a Readiness history
/// (its `application_id`) of a schema this build knows, so another file is never modified;
/// then records in one `BEGIN IMMEDIATE` transaction (all or nothing) on a WAL database with a
/// busy timeout, so several processes may record at once. The same snapshot digest, `as_of`
/// and rulesets recorded again are not duplicated.
public struct HistoryStore: Sendable {
    /// The database's path.
    public var path: String

    /// A store at `path` (nothing is opened until a read or a write).
    public init(path: String) {
        self.path = path
    }

    /// Records assessments; returns how many were new (the others were already recorded).
    ///
    /// - Parameter recordedAt: the time of recording, ISO 8601 in UTC (`2026-12-07T05:10:49Z`).
    public func record(_ assessments: [AssessmentSummary], recordedAt: String) throws(HistoryError) -> Int {
        // Another process may hold the file past the busy timeout's reach for a moment (a log
        // being created, recovered or checkpointed): the whole attempt, all or nothing, is tried
        // again a few times before giving up.
        var delay: UInt32 = 20_000
        for _ in 0..<5 {
            do {
                return try recordOnce(assessments, recordedAt: recordedAt)
            } catch where error.isTransient {
                usleep(delay)
                delay *= 2
            }
        }
        return try recordOnce(assessments, recordedAt: recordedAt)
    }

    private func recordOnce(_ assessments: [AssessmentSummary], recordedAt: String) throws(HistoryError) -> Int {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw HistoryError(path: path, message: "is a directory, not a history file")
        }
        if !isAbsentOrEmpty { try check(try open(isReadOnly: true), forWriting: true) }
        return try attempt {
            let db = try open(isReadOnly: false)
            try db.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON")
            return try db.inTransaction {
                try check(db, forWriting: true)
                try migrate(db)
                let writer = try HistoryWriter(db)
                return try assessments.reduce(0) { count, assessment in
                    count + (try writer.insert(assessment, recordedAt: recordedAt) ? 1 : 0)
                }
            }
        }
    }

    /// The assessments recorded, oldest first (by `as_of`, then time recorded), optionally of
    /// one project and from a date on.
    public func assessments(project: String? = nil, since: String? = nil) throws(HistoryError) -> [AssessmentSummary] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw HistoryError(path: path, message: "no such history file")
        }
        guard !isDirectory.boolValue else { throw HistoryError(path: path, message: "is a directory, not a history file") }
        return try attempt {
            let db = try open(isReadOnly: true)
            let version = try check(db, forWriting: false)
            guard version > 0 else { return [] }
            return try HistoryReader(db).assessments(project: project, since: since)
        }
    }

    private var isAbsentOrEmpty: Bool {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return true }
        return (attributes[.size] as? NSNumber)?.intValue == 0
    }

    private func open(isReadOnly: Bool) throws(HistoryError) -> SQLiteDatabase {
        do {
            return try SQLiteDatabase(path: path, isReadOnly: isReadOnly)
        } catch {
            var failure = HistoryError(path: path, message: "cannot open the history (\(error.message))")
            failure.isTransient = error.isTransient
            throw failure
        }
    }

    /// Checks the file is a Readiness history this build can use; returns its schema version.
    @discardableResult
    private func check(_ db: SQLiteDatabase, forWriting: Bool) throws(HistoryError) -> Int {
        try attempt {
            let applicationID = try db.integer("PRAGMA application_id")
            let version = try db.integer("PRAGMA user_version")
            if applicationID != HistorySchema.applicationID {
                let tables = try db.integer("SELECT count(*) FROM sqlite_master")
                guard applicationID == 0, tables == 0 else {
                    throw HistoryError(path: path, message: "not a Readiness history (a SQLite database of another application); nothing was written")
                }
                return 0
            }
            guard version <= HistorySchema.currentVersion else {
                throw HistoryError(
                    path: path,
                    message: "written by a newer readiness (history schema \(version); this one knows up to \(HistorySchema.currentVersion)); upgrade readiness")
            }
            return version
        }
    }

    private func migrate(_ db: SQLiteDatabase) throws {
        let version = try db.integer("PRAGMA user_version")
        guard version < HistorySchema.currentVersion else { return }
        for migration in HistorySchema.migrations[version...] { try db.execute(migration) }
        try db.execute("PRAGMA application_id = \(HistorySchema.applicationID); PRAGMA user_version = \(HistorySchema.currentVersion)")
    }

    /// Runs `body`, turning SQLite's failures into a `HistoryError` that names the file.
    private func attempt<T>(_ body: () throws -> T) throws(HistoryError) -> T {
        do {
            return try body()
        } catch let error as HistoryError {
            throw error
        } catch let error as SQLiteDatabase.Failure {
            var failure = HistoryError(
                path: path, message: error.isNotADatabase ? "not a Readiness history (not a SQLite database, or damaged); nothing was written" : error.message)
            failure.isTransient = error.isTransient
            throw failure
        } catch {
            throw HistoryError(path: path, message: "\(error)")
        }
    }
}
