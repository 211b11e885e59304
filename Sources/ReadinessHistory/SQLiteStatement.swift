internal import CSQLite

/// A prepared statement: bind by position (1-based), step, read columns (0-based).
final class SQLiteStatement {
    private let statement: OpaquePointer
    private let database: SQLiteDatabase

    /// SQLite copies bound text at once (`SQLITE_TRANSIENT`).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ statement: OpaquePointer, database: SQLiteDatabase) {
        self.statement = statement
        self.database = database
    }

    deinit {
        sqlite3_finalize(statement)
    }

    /// Binds values to the parameters in order, after a reset.
    func bind(_ values: [SQLiteValue]) throws(SQLiteDatabase.Failure) {
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
        for (i, value) in values.enumerated() {
            let index = Int32(i + 1)
            let code: Int32
            switch value {
            case .null: code = sqlite3_bind_null(statement, index)
            case .integer(let n): code = sqlite3_bind_int64(statement, index, Int64(n))
            case .real(let d): code = sqlite3_bind_double(statement, index, d)
            case .text(let s): code = sqlite3_bind_text(statement, index, s, -1, Self.transient)
            }
            guard code == SQLITE_OK else { throw database.failure(code) }
        }
    }

    /// Runs the statement with the values bound (no rows expected).
    func run(_ values: [SQLiteValue]) throws(SQLiteDatabase.Failure) {
        try bind(values)
        while try step() {}
    }

    /// Advances to the next row; false when done.
    func step() throws(SQLiteDatabase.Failure) -> Bool {
        let code = sqlite3_step(statement)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw database.failure(code)
        }
    }

    func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(statement, column)) }

    func double(_ column: Int32) -> Double { sqlite3_column_double(statement, column) }

    func text(_ column: Int32) -> String? {
        guard sqlite3_column_type(statement, column) != SQLITE_NULL, let text = sqlite3_column_text(statement, column)
        else { return nil }
        return String(cString: text)
    }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement, column) == SQLITE_NULL }
}

/// A value bound to a statement parameter.
enum SQLiteValue {
    case null
    case integer(Int)
    case real(Double)
    case text(String)

    init(_ text: String?) { self = text.map(SQLiteValue.text) ?? .null }
    init(_ n: Int?) { self = n.map(SQLiteValue.integer) ?? .null }
}
