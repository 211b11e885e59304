/// RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled, lines end
/// in CRLF. A field that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`) is prefixed
/// with `'` so that opening the file runs nothing.
enum CSV {
    static func render(_ rows: [[String]]) -> String {
        rows.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    static func field(_ text: String) -> String {
        var value = text.terminalSafe
        if let first = value.unicodeScalars.first, "=+-@".unicodeScalars.contains(first),
            Double(value) == nil
        {
            value = "'" + value
        }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        var quoted = "\""
        for character in value {
            quoted.append(character)
            if character == "\"" { quoted.append("\"") }
        }
        return quoted + "\""
    }
}
