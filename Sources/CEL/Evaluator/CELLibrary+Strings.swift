import StrictYAML

/// The string functions: the standard ones and the common `strings` extension, all counting
/// Unicode code points.
extension CELLibrary {
    static func stringPredicate(
        _ name: String, _ test: @escaping @Sendable ([UInt8], [UInt8]) -> Bool
    ) -> CELOverloads.Binary {
        { s, t throws(CELEvaluationError) in
            guard case .string(let a) = s, case .string(let b) = t else {
                throw CELEvaluationError.noOverload(name, s, t)
            }
            return .bool(test(Array(a.utf8), Array(b.utf8)))
        }
    }

    private static func string(_ v: Value, _ name: String) throws(CELEvaluationError) -> String {
        guard case .string(let s) = v else { throw CELEvaluationError.noOverload(name, v) }
        return s
    }

    private static func int(_ v: Value, _ name: String) throws(CELEvaluationError) -> Int {
        guard case .int(let i) = v else { throw CELEvaluationError.noOverload(name, v) }
        return Int(clamping: i)
    }

    static func lowerAscii(_ v: Value) throws(CELEvaluationError) -> Value {
        let s = try string(v, "lowerAscii")
        var out = String.UnicodeScalarView()
        for c in s.unicodeScalars {
            out.append(c >= "A" && c <= "Z" ? Unicode.Scalar(c.value + 32) ?? c : c)
        }
        return .string(String(out))
    }

    static func upperAscii(_ v: Value) throws(CELEvaluationError) -> Value {
        let s = try string(v, "upperAscii")
        var out = String.UnicodeScalarView()
        for c in s.unicodeScalars {
            out.append(c >= "a" && c <= "z" ? Unicode.Scalar(c.value - 32) ?? c : c)
        }
        return .string(String(out))
    }

    static func trim(_ v: Value) throws(CELEvaluationError) -> Value {
        let scalars = Array(try string(v, "trim").unicodeScalars)
        var start = 0
        var end = scalars.count
        while start < end, scalars[start].properties.isWhitespace { start += 1 }
        while end > start, scalars[end - 1].properties.isWhitespace { end -= 1 }
        return .string(String(String.UnicodeScalarView(scalars[start..<end])))
    }

    /// Where `needle` occurs in `haystack` at or after `from`, in scalars.
    private static func find(_ needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], from: Int) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        return SubstringSearch(needle).firstIndex(in: haystack, from: from)
    }

    static func split(_ s: Value, _ separator: Value, _ limit: Value) throws(CELEvaluationError) -> Value {
        let text = Array(try string(s, "split").unicodeScalars)
        let sep = Array(try string(separator, "split").unicodeScalars)
        let n = try int(limit, "split")
        if n == 0 { return .list([]) }
        var parts: [Value] = []
        func piece(_ r: Range<Int>) -> Value { .string(String(String.UnicodeScalarView(text[r]))) }
        if sep.isEmpty {
            var i = 0
            while i < text.count {
                if n > 0, parts.count == n - 1 {
                    parts.append(piece(i..<text.count))
                    return .list(parts)
                }
                parts.append(piece(i..<(i + 1)))
                i += 1
            }
            return .list(parts)
        }
        var start = 0
        let search = SubstringSearch(sep)
        while n < 0 || parts.count < n - 1, let at = search.firstIndex(in: text, from: start) {
            parts.append(piece(start..<at))
            start = at + sep.count
        }
        parts.append(piece(start..<text.count))
        return .list(parts)
    }

    static func join(_ list: Value, _ separator: Value) throws(CELEvaluationError) -> Value {
        guard case .list(let l) = list else { throw CELEvaluationError.noOverload("join", list) }
        let sep = try string(separator, "join")
        var out = ""
        for (i, element) in l.elements.enumerated() {
            guard case .string(let s) = element else { throw CELEvaluationError.noOverload("join", element) }
            if i > 0 { out += sep }
            out += s
        }
        return .string(out)
    }

    static func replace(_ args: [Value]) throws(CELEvaluationError) -> Value {
        guard args.count == 4 else { throw CELEvaluationError.noOverload("replace") }
        let text = Array(try string(args[0], "replace").unicodeScalars)
        let old = Array(try string(args[1], "replace").unicodeScalars)
        let new = try string(args[2], "replace")
        let limit = try int(args[3], "replace")
        var out = String.UnicodeScalarView()
        var count = 0
        var i = 0
        if old.isEmpty {
            // Like Go: insert the replacement before every code point and at the end.
            while i <= text.count {
                if limit < 0 || count < limit {
                    out.append(contentsOf: new.unicodeScalars)
                    count += 1
                }
                if i < text.count { out.append(text[i]) }
                i += 1
            }
            return .string(String(out))
        }
        let search = SubstringSearch(old)
        while limit < 0 || count < limit, let at = search.firstIndex(in: text, from: i) {
            out.append(contentsOf: text[i..<at])
            out.append(contentsOf: new.unicodeScalars)
            i = at + old.count
            count += 1
        }
        out.append(contentsOf: text[i...])
        return .string(String(out))
    }

    static func indexOf(_ s: Value, _ t: Value, _ position: Value?, last: Bool) throws(CELEvaluationError) -> Value {
        let name = last ? "lastIndexOf" : "indexOf"
        let text = Array(try string(s, name).unicodeScalars)
        let needle = Array(try string(t, name).unicodeScalars)
        if last {
            var end = text.count
            if let position {
                end = try int(position, name)
                guard end >= 0, end < max(text.count, 1) || (end == 0) else {
                    throw CELEvaluationError.invalid("index out of range: \(end)")
                }
            }
            if needle.isEmpty { return .int(Int64(min(end, text.count))) }
            return .int(Int64(SubstringSearch.lastIndex(of: needle, in: text, atOrBefore: end) ?? -1))
        }
        var start = 0
        if let position {
            start = try int(position, name)
            guard start >= 0, start <= text.count else {
                throw CELEvaluationError.invalid("index out of range: \(start)")
            }
        }
        if needle.isEmpty { return .int(Int64(start)) }
        return .int(Int64(find(needle, in: text, from: start) ?? -1))
    }

    static func substring(_ s: Value, _ from: Value, _ to: Value?) throws(CELEvaluationError) -> Value {
        let text = Array(try string(s, "substring").unicodeScalars)
        let start = try int(from, "substring")
        let end = try to.map { v throws(CELEvaluationError) in try int(v, "substring") } ?? text.count
        guard start >= 0, start <= text.count else { throw CELEvaluationError.invalid("index out of range: \(start)") }
        guard end >= start, end <= text.count else {
            throw CELEvaluationError.invalid("invalid substring range: start \(start), end \(end)")
        }
        return .string(String(String.UnicodeScalarView(text[start..<end])))
    }

    static func charAt(_ s: Value, _ i: Value) throws(CELEvaluationError) -> Value {
        let text = Array(try string(s, "charAt").unicodeScalars)
        let index = try int(i, "charAt")
        guard index >= 0, index <= text.count else { throw CELEvaluationError.invalid("index out of range: \(index)") }
        return .string(index == text.count ? "" : String(text[index]))
    }
}

extension Array where Element == UInt8 {
    /// Whether `needle` occurs as a contiguous run.
    func containsRun(_ needle: [UInt8]) -> Bool {
        if needle.isEmpty { return true }
        guard needle.count <= count else { return false }
        return SubstringSearch(needle).occurs(in: self)
    }
}
