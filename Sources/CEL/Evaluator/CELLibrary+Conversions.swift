import StrictYAML

extension CELLibrary {
    static func toInt(_ v: Value) throws(CELEvaluationError) -> Value {
        switch v {
        case .int: return v
        case .uint(let u):
            guard u <= UInt64(Int64.max) else { throw CELEvaluationError.range("int(\(u)u)") }
            return .int(Int64(u))
        case .double(let d):
            guard !d.isNaN, d > -9.223372036854775808e18, d < 9.223372036854775808e18 else {
                throw CELEvaluationError.range("int(\(v.celSource))")
            }
            return .int(Int64(d.rounded(.towardZero)))
        case .string(let s):
            guard let i = Int64(s) else { throw CELEvaluationError.cannotConvert(s, to: "int") }
            return .int(i)
        case .timestamp(let t): return .int(t.seconds)
        default: throw CELEvaluationError.noOverload("int", v)
        }
    }

    static func toUInt(_ v: Value) throws(CELEvaluationError) -> Value {
        switch v {
        case .uint: return v
        case .int(let i):
            guard i >= 0 else { throw CELEvaluationError.range("uint(\(i))") }
            return .uint(UInt64(i))
        case .double(let d):
            guard !d.isNaN, d > -1, d < 1.8446744073709551616e19 else {
                throw CELEvaluationError.range("uint(\(v.celSource))")
            }
            return .uint(UInt64(d.rounded(.towardZero)))
        case .string(let s):
            guard let u = UInt64(s) else { throw CELEvaluationError.cannotConvert(s, to: "uint") }
            return .uint(u)
        default: throw CELEvaluationError.noOverload("uint", v)
        }
    }

    static func toDouble(_ v: Value) throws(CELEvaluationError) -> Value {
        switch v {
        case .double: return v
        case .int(let i): return .double(Double(i))
        case .uint(let u): return .double(Double(u))
        case .string(let s):
            switch s {
            case "NaN": return .double(.nan)
            case "Infinity", "+Infinity", "inf", "+inf": return .double(.infinity)
            case "-Infinity", "-inf": return .double(-.infinity)
            default: break
            }
            guard let d = Double(s), !s.lowercased().contains("n") else {
                throw CELEvaluationError.cannotConvert(s, to: "double")
            }
            return .double(d)
        default: throw CELEvaluationError.noOverload("double", v)
        }
    }

    static func toString(_ v: Value) throws(CELEvaluationError) -> Value {
        switch v {
        case .string: return v
        case .int(let i): return .string(String(i))
        case .uint(let u): return .string(String(u))
        case .double(let d): return .string(formatDouble(d))
        case .bool(let b): return .string(b ? "true" : "false")
        case .bytes(let b):
            guard let s = String(validating: b, as: UTF8.self) else {
                throw CELEvaluationError.invalid("bytes are not valid UTF-8")
            }
            return .string(s)
        case .timestamp(let t): return .string(CELTime.format(t))
        case .duration(let d): return .string(CELTime.format(d))
        case .type(let t): return .string(t.name)
        default: throw CELEvaluationError.noOverload("string", v)
        }
    }

    static func toBytes(_ v: Value) throws(CELEvaluationError) -> Value {
        switch v {
        case .bytes: return v
        case .string(let s): return .bytes(Array(s.utf8))
        default: throw CELEvaluationError.noOverload("bytes", v)
        }
    }

    static func toBool(_ v: Value) throws(CELEvaluationError) -> Value {
        switch v {
        case .bool: return v
        case .string(let s):
            switch s {
            case "1", "t", "true", "TRUE", "True": return .bool(true)
            case "0", "f", "false", "FALSE", "False": return .bool(false)
            default: throw CELEvaluationError.cannotConvert(s, to: "bool")
            }
        default: throw CELEvaluationError.noOverload("bool", v)
        }
    }

    static func toTimestamp(_ v: Value) throws(CELEvaluationError) -> Value {
        switch v {
        case .timestamp: return v
        case .string(let s): return .timestamp(try CELTime.parseTimestamp(s))
        case .int(let i): return .timestamp(try CELTime.checked(Timestamp(seconds: i)))
        default: throw CELEvaluationError.noOverload("timestamp", v)
        }
    }

    static func toDuration(_ v: Value) throws(CELEvaluationError) -> Value {
        switch v {
        case .duration: return v
        case .string(let s): return .duration(try CELTime.parseDuration(s))
        case .int(let i):
            return .duration(try CELTime.checked(Duration(seconds: i / 1_000_000_000, nanos: Int32(i % 1_000_000_000))))
        default: throw CELEvaluationError.noOverload("duration", v)
        }
    }

    /// Formats a double as CEL's `string(double)` does (Go's `%g` with the shortest digits).
    static func formatDouble(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Inf" : "+Inf" }
        if d == 0 { return d.sign == .minus ? "-0" : "0" }
        let (negative, digits, pointPosition) = decimalDigits(of: d)
        let exponent = pointPosition - 1
        var out = negative ? "-" : ""
        if exponent < -4 || exponent >= 21 {
            out += String(digits.first ?? "0")
            if digits.count > 1 { out += "." + digits.dropFirst() }
            out += exponent < 0 ? "e-" : "e+"
            let e = abs(exponent)
            out += e < 10 ? "0\(e)" : "\(e)"
        } else if pointPosition <= 0 {
            out += "0." + String(repeating: "0", count: -pointPosition) + digits
        } else if pointPosition >= digits.count {
            out += digits + String(repeating: "0", count: pointPosition - digits.count)
        } else {
            out += digits.prefix(pointPosition) + "." + digits.dropFirst(pointPosition)
        }
        return out
    }

    /// The shortest round-trip decimal digits of a finite non-zero double, and where the point goes.
    static func decimalDigits(of d: Double) -> (negative: Bool, digits: String, pointPosition: Int) {
        var text = d.magnitude.description
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = String(text[..<e])
        }
        var digits = ""
        var point = text.count
        if let dot = text.firstIndex(of: ".") {
            point = text.distance(from: text.startIndex, to: dot)
            text.remove(at: dot)
        }
        digits = text
        while digits.hasPrefix("0"), digits.count > 1 {
            digits.removeFirst()
            point -= 1
        }
        while digits.hasSuffix("0"), digits.count > 1 { digits.removeLast() }
        return (d < 0, digits, point + exponent)
    }
}
