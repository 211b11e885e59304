extension Unicode.Scalar {
    /// Whether the scalar is a bidirectional formatting control (U+061C, U+200E/F, U+202A–U+202E,
    /// U+2066–U+2069): characters that reorder the text around them ("Trojan Source") and so must
    /// be escaped or isolated wherever text from input is shown.
    public var isBidiControl: Bool {
        switch value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// The scalar as a visible escape for a terminal or log (`\n`, `\x1b`, `\u{202E}`), or nil
    /// when it is shown as itself: C0 and C1 controls other than tab, DEL and bidi controls
    /// are escaped.
    public var terminalEscape: String? {
        switch value {
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x09: return nil
        case 0x00..<0x20, 0x7F: return "\\x" + Self.hex(value, width: 2, uppercase: false)
        case 0x80..<0xA0: return "\\u{" + Self.hex(value, width: 4, uppercase: true) + "}"
        default: return isBidiControl ? "\\u{" + Self.hex(value, width: 4, uppercase: true) + "}" : nil
        }
    }

    private static func hex(_ value: UInt32, width: Int, uppercase: Bool) -> String {
        let digits = String(value, radix: 16, uppercase: uppercase)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

extension String {
    /// The text made safe for a terminal or a CI log, where one line of it may be read as a
    /// command: control and bidi characters are shown as escapes (`\x1b`, `\n`, `\u{202E}`), so
    /// the text never spans lines, moves the cursor or reorders what follows; a `::` that starts
    /// it (after spaces) is written `\x3a:` and every `##[` as `\x23#[`, so a GitHub runner reads
    /// neither as a workflow command.
    public var terminalEscaped: String {
        var needsWork = false
        for scalar in unicodeScalars where scalar.terminalEscape != nil || scalar == ":" || scalar == "#" {
            needsWork = true
            break
        }
        guard needsWork else { return self }
        var out = ""
        out.reserveCapacity(utf8.count)
        let scalars = Array(unicodeScalars)
        var leading = true
        for (i, scalar) in scalars.enumerated() {
            let next = i + 1 < scalars.count ? scalars[i + 1] : " "
            if let escape = scalar.terminalEscape {
                out += escape
            } else if scalar == ":" && leading && next == ":" {
                out += "\\x3a"
            } else if scalar == "#" && next == "#" && i + 2 < scalars.count && scalars[i + 2] == "[" {
                out += "\\x23"
            } else {
                out.unicodeScalars.append(scalar)
            }
            if scalar != " " && scalar != "\t" { leading = false }
        }
        return out
    }
}
