import Foundation
import StrictYAML

/// Timestamp and duration arithmetic, parsing, formatting and calendar fields, within CEL's
/// ranges: timestamps from 0001-01-01 to 9999-12-31 UTC, durations of up to ±10,000 years.
enum CELTime {
    static let minSeconds: Int64 = -62_135_596_800
    static let maxSeconds: Int64 = 253_402_300_799
    static let maxDurationSeconds: Int64 = 315_576_000_000
    static let nanosPerSecond: Int64 = 1_000_000_000

    static func checked(_ t: Timestamp) throws(CELEvaluationError) -> Timestamp {
        guard t.seconds >= minSeconds, t.seconds <= maxSeconds else { throw CELEvaluationError.range("timestamp") }
        return t
    }

    static func checked(_ d: Duration) throws(CELEvaluationError) -> Duration {
        guard abs(d.seconds) <= maxDurationSeconds else { throw CELEvaluationError.range("duration") }
        return d
    }

    /// A duration from seconds and nanoseconds of any signs, normalized so both share a sign.
    static func duration(seconds: Int64, nanos: Int64) throws(CELEvaluationError) -> Duration {
        var s = seconds
        var n = nanos
        s = s.addingReportingOverflow(n / nanosPerSecond).partialValue
        n %= nanosPerSecond
        if s > 0 && n < 0 {
            s -= 1
            n += nanosPerSecond
        } else if s < 0 && n > 0 {
            s += 1
            n -= nanosPerSecond
        }
        return try checked(Duration(seconds: s, nanos: Int32(n)))
    }

    static func add(_ t: Timestamp, _ d: Duration) throws(CELEvaluationError) -> Timestamp {
        let (s, o) = t.seconds.addingReportingOverflow(d.seconds)
        if o { throw CELEvaluationError.range("timestamp") }
        var seconds = s
        var nanos = Int64(t.nanos) + Int64(d.nanos)
        if nanos >= nanosPerSecond {
            seconds += 1
            nanos -= nanosPerSecond
        } else if nanos < 0 {
            seconds -= 1
            nanos += nanosPerSecond
        }
        return try checked(Timestamp(seconds: seconds, nanos: Int32(nanos)))
    }

    static func add(_ a: Duration, _ b: Duration) throws(CELEvaluationError) -> Duration {
        let (s, o) = a.seconds.addingReportingOverflow(b.seconds)
        if o { throw CELEvaluationError.range("duration") }
        return try duration(seconds: s, nanos: Int64(a.nanos) + Int64(b.nanos))
    }

    static func negate(_ d: Duration) throws(CELEvaluationError) -> Duration {
        Duration(seconds: -d.seconds, nanos: -d.nanos)
    }

    /// The time between two timestamps; like cel-go, it must fit in int64 nanoseconds (±292 years).
    static func difference(_ a: Timestamp, _ b: Timestamp) throws(CELEvaluationError) -> Duration {
        let d = try duration(seconds: a.seconds - b.seconds, nanos: Int64(a.nanos) - Int64(b.nanos))
        guard abs(d.seconds) < 9_223_372_036 else { throw CELEvaluationError.range("duration") }
        return d
    }

    // MARK: - Calendar

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    // MARK: - Parsing and formatting

    /// Parses RFC 3339: `2009-02-13T23:31:30.123Z` or with an offset such as `+05:30`.
    static func parseTimestamp(_ text: String) throws(CELEvaluationError) -> Timestamp {
        let s = Array(text.utf8)
        func fail() -> CELEvaluationError { .invalid("invalid timestamp '\(CELEvaluationError.excerpt(text))'") }
        var i = 0
        func digits(_ n: Int) throws(CELEvaluationError) -> Int64 {
            guard i + n <= s.count else { throw fail() }
            var v: Int64 = 0
            for k in 0..<n {
                let c = s[i + k]
                guard c >= 48, c <= 57 else { throw fail() }
                v = v * 10 + Int64(c - 48)
            }
            i += n
            return v
        }
        func expect(_ c: UInt8...) throws(CELEvaluationError) {
            guard i < s.count, c.contains(s[i]) else { throw fail() }
            i += 1
        }
        let year = try digits(4)
        try expect(45)
        let month = try digits(2)
        try expect(45)
        let day = try digits(2)
        try expect(84, 116)  // T t
        let hour = try digits(2)
        try expect(58)
        let minute = try digits(2)
        try expect(58)
        let second = try digits(2)
        var nanos: Int64 = 0
        if i < s.count, s[i] == 46 {
            i += 1
            var count = 0
            while i < s.count, s[i] >= 48, s[i] <= 57 {
                if count < 9 { nanos = nanos * 10 + Int64(s[i] - 48) }
                count += 1
                i += 1
            }
            guard count > 0 else { throw fail() }
            for _ in count..<max(count, 9) { nanos *= 10 }
        }
        var offset: Int64 = 0
        guard i < s.count else { throw fail() }
        if s[i] == 90 || s[i] == 122 {  // Z z
            i += 1
        } else {
            let sign: Int64 = s[i] == 45 ? -1 : 1
            try expect(43, 45)
            let oh = try digits(2)
            try expect(58)
            let om = try digits(2)
            offset = sign * (oh * 3600 + om * 60)
        }
        guard i == s.count, (1...12).contains(month), day >= 1, day <= CivilDate.daysInMonth(month, of: year),
            hour < 24, minute < 60, second < 61
        else { throw fail() }
        if year == 0 { throw CELEvaluationError.range("timestamp") }
        let days = CivilDate(year: year, month: month, day: day).daysSinceEpoch
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        return try checked(Timestamp(seconds: seconds, nanos: Int32(nanos)))
    }

    /// Formats as RFC 3339 in UTC, with as many fraction digits as needed (none when whole).
    static func format(_ t: Timestamp) -> String {
        let days = floorDiv(t.seconds, 86_400)
        let secondOfDay = t.seconds - days * 86_400
        let date = CivilDate(daysSinceEpoch: days)
        let (y, m, d) = (date.year, date.month, date.day)
        func pad(_ v: Int64, _ width: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        var out = "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(secondOfDay / 3600, 2)):"
        out += "\(pad(secondOfDay % 3600 / 60, 2)):\(pad(secondOfDay % 60, 2))"
        out += fraction(Int64(t.nanos))
        return out + "Z"
    }

    private static func fraction(_ nanos: Int64) -> String {
        guard nanos != 0 else { return "" }
        var digits = String(nanos)
        digits = String(repeating: "0", count: 9 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return "." + digits
    }

    /// Formats as seconds with a fraction when needed: `1.5s`, `-90s`.
    static func format(_ d: Duration) -> String {
        let negative = d.seconds < 0 || d.nanos < 0
        return (negative ? "-" : "") + String(d.seconds.magnitude) + fraction(Int64(d.nanos.magnitude)) + "s"
    }

    /// Parses Go-style durations: `1h30m`, `1.5s`, `-999999999ns`, `300ms`, `0`.
    static func parseDuration(_ text: String) throws(CELEvaluationError) -> Duration {
        let s = Array(text.unicodeScalars)
        func fail() -> CELEvaluationError { .invalid("invalid duration '\(CELEvaluationError.excerpt(text))'") }
        var i = 0
        var negative = false
        if i < s.count, s[i] == "-" || s[i] == "+" {
            negative = s[i] == "-"
            i += 1
        }
        if i == s.count - 1, s[i] == "0" { return Duration(seconds: 0) }
        guard i < s.count else { throw fail() }
        var seconds: Int64 = 0
        var nanos: Int64 = 0
        while i < s.count {
            var whole: Int64 = 0
            var fractionValue: Double = 0
            var scale: Double = 1
            var sawDigit = false
            while i < s.count, CELLexer.isDigit(s[i]) {
                let (m, o1) = whole.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(Int64(s[i].value - 48))
                if o1 || o2 { throw CELEvaluationError.range("duration") }
                whole = a
                sawDigit = true
                i += 1
            }
            if i < s.count, s[i] == "." {
                i += 1
                while i < s.count, CELLexer.isDigit(s[i]) {
                    scale /= 10
                    fractionValue += Double(s[i].value - 48) * scale
                    sawDigit = true
                    i += 1
                }
            }
            guard sawDigit else { throw fail() }
            var unit = ""
            while i < s.count, !CELLexer.isDigit(s[i]), s[i] != "." {
                unit.unicodeScalars.append(s[i])
                i += 1
            }
            let unitNanos: Int64
            switch unit {
            case "ns": unitNanos = 1
            case "us", "µs", "μs": unitNanos = 1_000
            case "ms": unitNanos = 1_000_000
            case "s": unitNanos = nanosPerSecond
            case "m": unitNanos = 60 * nanosPerSecond
            case "h": unitNanos = 3600 * nanosPerSecond
            default: throw fail()
            }
            if unitNanos >= nanosPerSecond {
                let (m, o1) = whole.multipliedReportingOverflow(by: unitNanos / nanosPerSecond)
                let (a, o2) = seconds.addingReportingOverflow(m)
                if o1 || o2 { throw CELEvaluationError.range("duration") }
                seconds = a
            } else {
                let (m, o1) = whole.multipliedReportingOverflow(by: unitNanos)
                if o1 { throw CELEvaluationError.range("duration") }
                seconds += m / nanosPerSecond
                nanos += m % nanosPerSecond
            }
            let fractionNanos = (fractionValue * Double(unitNanos)).rounded()
            seconds += Int64(fractionNanos / 1e9)
            nanos += Int64(fractionNanos.truncatingRemainder(dividingBy: 1e9))
            seconds += nanos / nanosPerSecond
            nanos %= nanosPerSecond
            if abs(seconds) > maxDurationSeconds { throw CELEvaluationError.range("duration") }
        }
        if negative {
            seconds = -seconds
            nanos = -nanos
        }
        return try duration(seconds: seconds, nanos: nanos)
    }

    // MARK: - Time zones

    /// The offset from UTC, in seconds, of a time zone given by IANA name or as `±HH:MM`.
    static func offset(of zone: String, at t: Timestamp) throws(CELEvaluationError) -> Int64 {
        let s = Array(zone.utf8)
        var body = s[...]
        var sign: Int64 = 1
        if let first = body.first, first == 43 || first == 45 {
            sign = first == 45 ? -1 : 1
            body = body.dropFirst()
        }
        if body.count == 5, body[body.startIndex + 2] == 58,
            body.enumerated().allSatisfy({ $0.offset == 2 || ($0.element >= 48 && $0.element <= 57) })
        {
            let digits = body.filter { $0 != 58 }.map { Int64($0 - 48) }
            return sign * ((digits[0] * 10 + digits[1]) * 3600 + (digits[2] * 10 + digits[3]) * 60)
        }
        guard let timeZone = TimeZone(identifier: zone) else {
            throw CELEvaluationError.invalid("unknown time zone '\(CELEvaluationError.excerpt(zone))'")
        }
        return Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(t.seconds))))
    }
}

/// The calendar and duration accessors (`getFullYear`, `getHours`, …).
enum TimeAccessor: String, CaseIterable, Sendable {
    case getFullYear, getMonth, getDayOfYear, getDayOfMonth, getDate, getDayOfWeek
    case getHours, getMinutes, getSeconds, getMilliseconds

    func apply(_ v: Value, timeZone: Value?) throws(CELEvaluationError) -> Value {
        switch v {
        case .timestamp(let t):
            var offset: Int64 = 0
            if let timeZone {
                guard case .string(let zone) = timeZone else {
                    throw CELEvaluationError.noOverload(rawValue, v, timeZone)
                }
                offset = try CELTime.offset(of: zone, at: t)
            }
            let local = t.seconds + offset
            let days = CELTime.floorDiv(local, 86_400)
            let secondOfDay = local - days * 86_400
            let date = CivilDate(daysSinceEpoch: days)
            let (y, m, d) = (date.year, date.month, date.day)
            switch self {
            case .getFullYear: return .int(y)
            case .getMonth: return .int(m - 1)
            case .getDayOfYear: return .int(days - CivilDate(year: y, month: 1, day: 1).daysSinceEpoch)
            case .getDayOfMonth: return .int(d - 1)
            case .getDate: return .int(d)
            case .getDayOfWeek: return .int(((days % 7) + 11) % 7)
            case .getHours: return .int(secondOfDay / 3600)
            case .getMinutes: return .int(secondOfDay % 3600 / 60)
            case .getSeconds: return .int(secondOfDay % 60)
            case .getMilliseconds: return .int(Int64(t.nanos) / 1_000_000)
            }
        case .duration(let d):
            guard timeZone == nil else { throw CELEvaluationError.noOverload(rawValue, v) }
            switch self {
            case .getHours: return .int(d.seconds / 3600)
            case .getMinutes: return .int(d.seconds / 60)
            case .getSeconds: return .int(d.seconds)
            case .getMilliseconds: return .int(Int64(d.nanos) / 1_000_000)
            default: throw CELEvaluationError.noOverload(rawValue, v)
            }
        default:
            throw CELEvaluationError.noOverload(rawValue, v)
        }
    }
}
