/// Plain-text tables for a terminal, aligned by display width: East Asian wide and fullwidth
/// characters take two columns, combining marks none.
public enum TextTable {
    /// The rows as aligned lines, two spaces between columns, trailing spaces trimmed.
    /// - Parameters:
    ///   - rightAligned: the indices of the columns to align right (numbers).
    ///   - indent: spaces before each line.
    public static func render(_ rows: [[String]], rightAligned: Set<Int> = [], indent: Int = 0) -> String {
        guard let columns = rows.map(\.count).max() else { return "" }
        var widths = Array(repeating: 0, count: columns)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], width(cell)) } }
        var out = ""
        for row in rows {
            var line = String(repeating: " ", count: indent)
            for (i, cell) in row.enumerated() {
                let pad = String(repeating: " ", count: widths[i] - width(cell))
                line += rightAligned.contains(i) ? pad + cell : cell + pad
                if i < row.count - 1 { line += "  " }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
        }
        return out
    }

    /// The display width of text in terminal columns.
    public static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + width(of: $1) }
    }

    static func width(of scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v == 0 || (0x300...0x36F).contains(v) || (0x200B...0x200F).contains(v) { return 0 }
        if (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
            || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x3FFFD).contains(v)
        {
            return 2
        }
        return 1
    }
}
