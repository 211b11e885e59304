import SourceDiagnostics

/// Where a scalar's text begins, to find where an expression's text begins inside it.
extension SourceText {
    /// Where the text of a scalar value begins: after an opening quote, or on the first content
    /// line of a block scalar (`|` or `>`).
    func contentStart(of position: SourcePosition) -> SourcePosition {
        guard let offset = offset(of: position) else { return position }
        switch bytes[offset] {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            return SourcePosition(line: Int(position.line), column: Int(position.column) + 1)
        case UInt8(ascii: "|"), UInt8(ascii: ">"):
            let next = Int(position.line)
            guard next < lineStarts.count else { return position }
            var i = lineStarts[next]
            var column = 1
            while i < bytes.count && bytes[i] == UInt8(ascii: " ") {
                i += 1
                column += 1
            }
            return SourcePosition(line: next + 1, column: column)
        default:
            return position
        }
    }
}
