internal import CSQLite

/// A connection to a SQLite database through the system library: just what the history needs
/// (open, execute, prepare, transactions), with errors as values.
final class SQLiteDatabase {
    /// A failed SQLite call: the result code and SQLite's message.
    struct Failure: Error, CustomStringConvertible {
        var code: Int32
        var message: String
        var description: String { message }

        /// Whether the file is not a database or is damaged.
        var isNotADatabase: Bool { code & 0xFF == SQLITE_NOTADB || code & 0xFF == SQLITE_CORRUPT }

        /// Whether another connection held the database at that moment (busy, locked, a
        /// read-only view of a log being opened or recovered, a log protocol race).
        var isTransient: Bool {
            [SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_PROTOCOL, SQLITE_CANTOPEN].contains(code & 0xFF)
        }
    }

    private let handle: OpaquePointer

    /// Opens `path`; `isReadOnly` never creates or changes the file.
    init(path: String, isReadOnly: Bool, busyTimeoutMilliseconds: Int32 = 10_000) throws(Failure) {
        var handle: OpaquePointer?
        let flags = isReadOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        let code = sqlite3_open_v2(path, &handle, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard code == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close_v2(handle)
            throw Failure(code: code, message: message)
        }
        self.handle = handle
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, busyTimeoutMilliseconds)
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    /// Runs statements that return no rows.
    func execute(_ sql: String) throws(Failure) {
        var error: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &error)
        guard code == SQLITE_OK else {
            let message = error.map { String(cString: $0) } ?? lastMessage
            sqlite3_free(error)
            throw Failure(code: code, message: message)
        }
    }

    /// A prepared statement.
    func prepare(_ sql: String) throws(Failure) -> SQLiteStatement {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard code == SQLITE_OK, let statement else { throw Failure(code: code, message: lastMessage) }
        return SQLiteStatement(statement, database: self)
    }

    /// The first column of the first row of a query (0 when there is none).
    func integer(_ sql: String) throws(Failure) -> Int {
        let statement = try prepare(sql)
        return try statement.step() ? statement.int(0) : 0
    }

    /// Runs `body` in a `BEGIN IMMEDIATE` transaction (the write lock is taken at once, so
    /// concurrent writers wait on the busy timeout instead of failing mid-way); rolls back on error.
    func inTransaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// The rowid of the last row inserted.
    var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows changed by the last statement.
    var changes: Int { Int(sqlite3_changes(handle)) }

    var lastMessage: String { String(cString: sqlite3_errmsg(handle)) }

    func failure(_ code: Int32) -> Failure { Failure(code: code, message: lastMessage) }
}
