extension Value: CustomStringConvertible {
    /// A compact, JSON-like rendering for diagnostics and tests (not a serialisation format).
    public var description: String {
        var out = ""
        describe(into: &out, limit: .max)
        return out
    }

    /// The description, cut off once it has at least `limit` bytes: a list holding one long
    /// string a million times is described in time proportional to the limit, not to what it
    /// repeats. The text is the description's prefix, give or take one element's escapes.
    public func description(limit: Int) -> String {
        var out = ""
        describe(into: &out, limit: limit)
        return out
    }

    /// Appends the description to `out`, stopping once `out` has `limit` bytes or more.
    func describe(into out: inout String, limit: Int) {
        guard out.utf8.count < limit else { return }
        switch self {
        case .null: out += "null"
        case .bool(let b): out += String(b)
        case .int(let i): out += String(i)
        case .uint(let u): out += "\(u)u"
        case .double(let d):
            if let name = d.nonFiniteName {
                out += name
            } else {
                out += d == d.rounded() && abs(d) < 1e15 ? String(format1: d) : String(d)
            }
        case .string(let s): out.appendJSONQuoted(s, limit: limit)
        case .bytes(let b):
            out += "b\""
            for byte in b {
                if out.utf8.count >= limit { return }
                out += String(format2: byte)
            }
            out += "\""
        case .list(let l):
            out += "["
            for (i, element) in l.elements.enumerated() {
                if out.utf8.count >= limit { return }
                if i > 0 { out += ", " }
                element.describe(into: &out, limit: limit)
            }
            out += "]"
        case .map(let m):
            out += "{"
            for i in 0..<m.count {
                if out.utf8.count >= limit { return }
                if i > 0 { out += ", " }
                m.keys[i].describe(into: &out, limit: limit)
                out += ": "
                m.values[i].describe(into: &out, limit: limit)
            }
            out += "}"
        case .timestamp(let t): out += "timestamp(\(t.seconds)s+\(t.nanos)ns)"
        case .duration(let d): out += "duration(\(d.seconds)s+\(d.nanos)ns)"
        case .type(let t): out += t.name
        case .optional(let o):
            if let wrapped = o.wrapped {
                out += "optional("
                wrapped.describe(into: &out, limit: limit)
                out += ")"
            } else {
                out += "optional.none"
            }
        }
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
