extension Value: CustomStringConvertible {
    /// A compact, JSON-like rendering for diagnostics and tests (not a serialisation format).
    public var description: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return String(b)
        case .int(let i): return String(i)
        case .uint(let u): return "\(u)u"
        case .double(let d):
            if d.isNaN { return "NaN" }
            if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
            return d == d.rounded() && abs(d) < 1e15 ? String(format1: d) : String(d)
        case .string(let s): return Self.quoted(s)
        case .bytes(let b): return "b\"" + b.map { String(format2: $0) }.joined() + "\""
        case .list(let l): return "[" + l.elements.map(\.description).joined(separator: ", ") + "]"
        case .map(let m):
            let pairs = (0..<m.count).map { "\(m.keys[$0].description): \(m.values[$0].description)" }
            return "{" + pairs.joined(separator: ", ") + "}"
        case .timestamp(let t): return "timestamp(\(t.seconds)s+\(t.nanos)ns)"
        case .duration(let d): return "duration(\(d.seconds)s+\(d.nanos)ns)"
        case .type(let t): return t.name
        case .optional(let o): return o.wrapped.map { "optional(\($0))" } ?? "optional.none"
        }
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 {
                    out += "\\u" + String(scalar.value, radix: 16).leftPadded(to: 4)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

extension String {
    fileprivate init(format1 d: Double) {
        self = String(Int64(d)) + ".0"
    }

    fileprivate init(format2 byte: UInt8) {
        self = "\\x" + String(byte, radix: 16).leftPadded(to: 2)
    }

    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
