public import StrictYAML

extension Value {
    /// The value as compact JSON text, for tools: numbers stay numbers (NaN and infinities
    /// become the strings `"NaN"`, `"Infinity"`, `"-Infinity"`), bytes become base64,
    /// timestamps RFC 3339 strings, durations strings such as `"1.5s"`, types their names,
    /// map keys strings, and an optional its value or `null`.
    public var jsonText: String {
        var out = ""
        writeJSON(to: &out)
        return out
    }

    private func writeJSON(to out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .uint(let u): out += String(u)
        case .double(let d):
            if let name = d.nonFiniteName {
                out += "\"" + name + "\""
            } else {
                out += d.description
            }
        case .string(let s): out.appendJSONQuoted(s)
        case .bytes(let b): out.appendJSONQuoted(Self.base64(b))
        case .list(let list):
            out += "["
            for (i, element) in list.elements.enumerated() {
                if i > 0 { out += "," }
                element.writeJSON(to: &out)
            }
            out += "]"
        case .map(let map):
            out += "{"
            for i in 0..<map.count {
                if i > 0 { out += "," }
                let key: String
                if case .string(let s) = map.keys[i] { key = s } else { key = map.keys[i].celSource }
                out.appendJSONQuoted(key)
                out += ":"
                map.values[i].writeJSON(to: &out)
            }
            out += "}"
        case .timestamp(let t): out.appendJSONQuoted(CELTime.format(t))
        case .duration(let d): out.appendJSONQuoted(CELTime.format(d))
        case .type(let t): out.appendJSONQuoted(t.name)
        case .optional(let o):
            if let wrapped = o.wrapped { wrapped.writeJSON(to: &out) } else { out += "null" }
        }
    }

    private static func base64(_ bytes: [UInt8]) -> String {
        let table = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < bytes.count {
            let b0 = UInt32(bytes[i])
            let b1 = i + 1 < bytes.count ? UInt32(bytes[i + 1]) : 0
            let b2 = i + 2 < bytes.count ? UInt32(bytes[i + 2]) : 0
            let n = b0 << 16 | b1 << 8 | b2
            out.append(table[Int(n >> 18 & 63)])
            out.append(table[Int(n >> 12 & 63)])
            out.append(i + 1 < bytes.count ? table[Int(n >> 6 & 63)] : "=")
            out.append(i + 2 < bytes.count ? table[Int(n & 63)] : "=")
            i += 3
        }
        return String(out)
    }
}
