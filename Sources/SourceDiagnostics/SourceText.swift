/// A file's text as UTF-8 bytes with a table of line starts: converts byte offsets (or Unicode
/// scalar offsets) to 1-based line:column positions and back.
///
/// Columns count Unicode scalars, the unit libyaml reports, so YAML and CEL positions agree. The
/// bytes need not be valid UTF-8: a scalar is counted at every byte that is not a continuation
/// byte (`10xxxxxx`), as libyaml counts them.
public struct SourceText: Sendable {
    /// The text's bytes.
    public let bytes: [UInt8]
    /// The byte offset at which each line starts; the first is 0.
    public let lineStarts: [Int]
    /// The scalar offset at which each line starts, parallel to `lineStarts`.
    let scalarLineStarts: [Int]

    /// Creates the line table of a string.
    public init(_ text: String) {
        self.init(bytes: Array(text.utf8))
    }

    /// Creates the line table of raw bytes, which may hold invalid UTF-8.
    public init(bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        var scalarStarts = [0]
        var scalars = 0
        for (i, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 {
            scalars += 1
            if byte == UInt8(ascii: "\n") {
                starts.append(i + 1)
                scalarStarts.append(scalars)
            }
        }
        lineStarts = starts
        scalarLineStarts = scalarStarts
    }

    /// The number of lines: one more than the number of newlines.
    public var lineCount: Int { lineStarts.count }

    /// The index of the last line whose start is at or before `offset` in `starts`.
    private static func lineIndex(ofOffset offset: Int, in starts: [Int]) -> Int {
        var low = 0
        var high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The line and column of a byte offset (clamped to the end of the text).
    public func position(ofOffset offset: Int) -> SourcePosition {
        let offset = min(max(offset, 0), bytes.count)
        let line = Self.lineIndex(ofOffset: offset, in: lineStarts)
        var column = 1
        for byte in bytes[lineStarts[line]..<offset] where byte & 0xC0 != 0x80 { column += 1 }
        return SourcePosition(line: line + 1, column: column)
    }

    /// The location, in `file`, of a byte offset (clamped to the end of the text); it records
    /// the offset as given.
    public func location(ofOffset offset: Int, file: String) -> SourceLocation {
        SourceLocation(file: file, position: position(ofOffset: offset), offset: offset)
    }

    /// The line and column of an offset counted in Unicode scalars from the start of the text.
    public func position(ofScalarOffset offset: Int) -> SourcePosition {
        let line = Self.lineIndex(ofOffset: offset, in: scalarLineStarts)
        return SourcePosition(line: line + 1, column: offset - scalarLineStarts[line] + 1)
    }

    /// The byte offset of a line and column, or nil when it lies at or past the end of the text.
    ///
    /// A column past the end of its line runs on into the next line, one scalar a column.
    public func offset(of position: SourcePosition) -> Int? {
        let line = Int(position.line) - 1
        guard line >= 0, line < lineStarts.count else { return nil }
        var i = lineStarts[line]
        var column = 1
        while column < Int(position.column) && i < bytes.count {
            i += 1
            while i < bytes.count && bytes[i] & 0xC0 == 0x80 { i += 1 }
            column += 1
        }
        return i < bytes.count ? i : nil
    }

    /// The byte range of a 1-based line, without its newline; nil past the last line.
    public func byteRange(ofLine number: Int) -> Range<Int>? {
        guard number >= 1, number <= lineStarts.count else { return nil }
        let end = number < lineStarts.count ? lineStarts[number] - 1 : bytes.count
        return lineStarts[number - 1]..<end
    }
}
