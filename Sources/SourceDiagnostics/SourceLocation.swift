/// A 1-based line and column inside a source file, packed small enough to sit on every value.
///
/// Columns count Unicode scalars, the unit libyaml reports, so YAML and CEL positions agree.
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The 1-based line; 0 when the position is unknown.
    public var line: UInt32
    /// The 1-based column in Unicode scalars; 0 when unknown.
    public var column: UInt32

    /// Creates a position from a 1-based line and column.
    @inlinable
    public init(line: Int, column: Int) {
        self.line = UInt32(clamping: line)
        self.column = UInt32(clamping: column)
    }

    /// A position that points nowhere.
    public static let unknown = SourcePosition(line: 0, column: 0)

    /// Whether the position points at a real line.
    @inlinable
    public var isKnown: Bool { line > 0 }

    public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// A position within a named file: what a diagnostic or a finding points at.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file's path as the user gave it (or a pseudo-name such as `<expression>`).
    public var file: String
    /// The line and column.
    public var position: SourcePosition
    /// The byte offset from the start of the file, when known.
    public var offset: Int?

    /// Creates a location.
    public init(file: String, line: Int, column: Int, offset: Int? = nil) {
        self.file = file
        self.position = SourcePosition(line: line, column: column)
        self.offset = offset
    }

    /// Creates a location from a packed position.
    public init(file: String, position: SourcePosition, offset: Int? = nil) {
        self.file = file
        self.position = position
        self.offset = offset
    }

    /// The 1-based line.
    public var line: Int { Int(position.line) }
    /// The 1-based column, in Unicode scalars.
    public var column: Int { Int(position.column) }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.position) < (b.file, b.position)
    }

    /// `file:line:column`, or just `file` when the position is unknown.
    public var description: String {
        position.isKnown ? "\(file):\(line):\(column)" : file
    }
}

/// A range in a source file: the start and end of the text a diagnostic is about.
public struct SourceSpan: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Where the text starts.
    public var start: SourceLocation
    /// Where the text ends (exclusive); equal to `start` for a point.
    public var end: SourceLocation

    /// Creates a span that covers a single point.
    public init(_ location: SourceLocation) {
        self.start = location
        self.end = location
    }

    /// The file the span lies in.
    public var file: String { start.file }

    public static func < (a: SourceSpan, b: SourceSpan) -> Bool { a.start < b.start }

    public var description: String { start.description }
}
