/// Why a history database could not be read or written. The file is left as it was.
public struct HistoryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The database's path.
    public var path: String
    /// What is wrong, lowercase, without a final period.
    public var message: String
    /// Whether another connection held the database at that moment (busy, locked, or in the
    /// middle of opening or recovering its write-ahead log): trying again may succeed.
    var isTransient = false

    /// Creates an error.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}
