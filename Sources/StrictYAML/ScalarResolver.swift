/// Resolves plain scalars by the YAML 1.2 core schema, reading bytes without building strings.
enum ScalarResolver {
    enum Resolution {
        case value(Value)
        case string
        case integerOutOfRange
    }

    static func resolve(_ b: UnsafeBufferPointer<UInt8>) -> Resolution {
        let n = b.count
        if n == 0 { return .value(.null) }
        let c = b[0]
        switch c {
        case UInt8(ascii: "~"):
            return n == 1 ? .value(.null) : .string
        case UInt8(ascii: "n"), UInt8(ascii: "N"):
            return matches(b, "null", "Null", "NULL") ? .value(.null) : .string
        case UInt8(ascii: "t"), UInt8(ascii: "T"):
            return matches(b, "true", "True", "TRUE") ? .value(.bool(true)) : .string
        case UInt8(ascii: "f"), UInt8(ascii: "F"):
            return matches(b, "false", "False", "FALSE") ? .value(.bool(false)) : .string
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            return number(b)
        default:
            return .string
        }
    }

    private static func matches(_ b: UnsafeBufferPointer<UInt8>, _ words: StaticString...) -> Bool {
        for word in words where word.utf8CodeUnitCount == b.count {
            var same = true
            word.withUTF8Buffer { w in
                for i in 0..<b.count where w[i] != b[i] {
                    same = false
                    break
                }
            }
            if same { return true }
        }
        return false
    }

    @inline(__always)
    private static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    private static func number(_ b: UnsafeBufferPointer<UInt8>) -> Resolution {
        let n = b.count
        // Octal and hexadecimal: 0o17, 0x1F (unsigned, no sign).
        if n > 2 && b[0] == UInt8(ascii: "0") && (b[1] == UInt8(ascii: "o") || b[1] == UInt8(ascii: "x")) {
            let radix: UInt64 = b[1] == UInt8(ascii: "o") ? 8 : 16
            var value: UInt64 = 0
            for i in 2..<n {
                guard let digit = digitValue(b[i], radix: radix) else { return .string }
                let (m, o1) = value.multipliedReportingOverflow(by: radix)
                let (s, o2) = m.addingReportingOverflow(digit)
                if o1 || o2 { return scanRemaining(b, from: i + 1, radix: radix) }
                value = s
            }
            return value <= UInt64(Int64.max) ? .value(.int(Int64(value))) : .integerOutOfRange
        }
        var i = 0
        var negative = false
        if b[0] == UInt8(ascii: "-") || b[0] == UInt8(ascii: "+") {
            negative = b[0] == UInt8(ascii: "-")
            i = 1
        }
        guard i < n else { return .string }
        // Special floats.
        if b[i] == UInt8(ascii: ".") && n - i == 4 {
            let rest = UnsafeBufferPointer(rebasing: b[(i + 1)...])
            if matches(rest, "inf", "Inf", "INF") {
                return .value(.double(negative ? -.infinity : .infinity))
            }
            if i == 0 && matches(rest, "nan", "NaN", "NAN") { return .value(.double(.nan)) }
        }
        // Integer: [-+]?[0-9]+
        let digitsStart = i
        while i < n && isDigit(b[i]) { i += 1 }
        if i == n {
            guard i > digitsStart else { return .string }
            var magnitude: UInt64 = 0
            var overflow = false
            for j in digitsStart..<n {
                let (m, o1) = magnitude.multipliedReportingOverflow(by: 10)
                let (s, o2) = m.addingReportingOverflow(UInt64(b[j] - 48))
                if o1 || o2 { overflow = true; break }
                magnitude = s
            }
            if !overflow {
                if negative && magnitude <= UInt64(Int64.max) + 1 {
                    return .value(.int(magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)))
                }
                if !negative && magnitude <= UInt64(Int64.max) { return .value(.int(Int64(magnitude))) }
            }
            return .integerOutOfRange
        }
        // Float: [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
        var mantissaDigits = i - digitsStart
        if b[i] == UInt8(ascii: ".") {
            i += 1
            let fractionStart = i
            while i < n && isDigit(b[i]) { i += 1 }
            mantissaDigits += i - fractionStart
        }
        guard mantissaDigits > 0 else { return .string }
        if i < n && (b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E")) {
            i += 1
            if i < n && (b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+")) { i += 1 }
            let exponentStart = i
            while i < n && isDigit(b[i]) { i += 1 }
            guard i > exponentStart else { return .string }
        }
        guard i == n else { return .string }
        guard let d = Double(String(decoding: b, as: UTF8.self)) else { return .string }
        return .value(.double(d))
    }

    private static func digitValue(_ c: UInt8, radix: UInt64) -> UInt64? {
        let v: UInt64
        switch c {
        case 48...57: v = UInt64(c - 48)
        case 97...102: v = UInt64(c - 87)
        case 65...70: v = UInt64(c - 55)
        default: return nil
        }
        return v < radix ? v : nil
    }

    private static func scanRemaining(_ b: UnsafeBufferPointer<UInt8>, from start: Int, radix: UInt64) -> Resolution {
        for i in start..<b.count where digitValue(b[i], radix: radix) == nil { return .string }
        return .integerOutOfRange
    }
}
