public import StrictYAML

extension Value {
    /// A field as CEL reads it after a path: `.name` for an identifier, `["odd key"]` otherwise.
    public static func celSelector(_ field: String) -> String {
        let simple =
            field.unicodeScalars.first.map(CELLexer.isIdentifierStart) == true
            && field.unicodeScalars.allSatisfy { CELLexer.isIdentifierStart($0) || CELLexer.isDigit($0) }
        return simple ? "." + field : "[" + Value.string(field).celSource + "]"
    }

    /// The value as CEL source text that evaluates back to the same value and type: `1`, `1u`,
    /// `1.0`, `1e+100`, `double("NaN")`, `"text"`, `b"\x00"`, `[1, "a"]`, `{"k": 2u}`,
    /// `timestamp("2026-01-01T00:00:00Z")`, `duration("1.5s")`, `int`.
    public var celSource: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .uint(let u): return "\(u)u"
        case .double(let d):
            if let name = d.nonFiniteName { return "double(\"\(name)\")" }
            return d.description
        case .string(let s): return Self.quote(s)
        case .bytes(let bytes):
            var out = "b\""
            for b in bytes {
                switch b {
                case 0x22: out += "\\\""
                case 0x5C: out += "\\\\"
                case 0x0A: out += "\\n"
                case 0x0D: out += "\\r"
                case 0x09: out += "\\t"
                case 0x20..<0x7F: out.unicodeScalars.append(Unicode.Scalar(b))
                default: out += "\\x" + Self.hex(UInt32(b), width: 2)
                }
            }
            return out + "\""
        case .list(let list):
            return "[" + list.elements.map(\.celSource).joined(separator: ", ") + "]"
        case .map(let map):
            let entries = zip(map.keys, map.values).map { "\($0.celSource): \($1.celSource)" }
            return "{" + entries.joined(separator: ", ") + "}"
        case .timestamp(let t): return "timestamp(\"\(CELTime.format(t))\")"
        case .duration(let d): return "duration(\"\(CELTime.format(d))\")"
        case .type(let t): return t.name
        case .optional(let o):
            guard let wrapped = o.wrapped else { return "optional.none()" }
            return "optional.of(\(wrapped.celSource))"
        }
    }

    /// `s` as a CEL string literal: control characters as `\x`, format and separator
    /// characters as `\u` or `\U` escapes, so that nothing invisible stands in the source.
    private static func quote(_ s: String) -> String {
        var out = ""
        out.appendQuoted(s) { c, out in
            if c.value < 0x20 || c.value == 0x7F {
                out += "\\x" + hex(c.value, width: 2)
            } else if c.properties.generalCategory == .format
                || c.properties.generalCategory == .lineSeparator
                || c.properties.generalCategory == .paragraphSeparator || (0x80..<0xA0).contains(c.value)
            {
                out += c.value > 0xFFFF ? "\\U" + hex(c.value, width: 8) : "\\u" + hex(c.value, width: 4)
            } else {
                return false
            }
            return true
        }
        return out
    }

    private static func hex(_ v: UInt32, width: Int) -> String {
        let digits = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
