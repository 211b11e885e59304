public import StrictYAML

/// Dates as rulesets and snapshots write them (`YYYY-MM-DD`, or an RFC 3339 timestamp), converted
/// without Foundation's calendars so results never depend on the machine's time zone.
public enum CalendarDate {
    /// Days from 1970-01-01 to a civil date.
    public static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        Int(CivilDate(year: Int64(year), month: Int64(month), day: Int64(day)).daysSinceEpoch)
    }

    /// The civil date of a day count from 1970-01-01.
    public static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let date = CivilDate(daysSinceEpoch: Int64(days))
        return (Int(date.year), Int(date.month), Int(date.day))
    }

    /// Parses `YYYY-MM-DD` (midnight UTC) or `YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)`.
    public static func parse(_ text: String) -> Timestamp? {
        let scalars = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= scalars.count else { return nil }
            var value = 0
            for i in range {
                let c = scalars[i]
                guard c >= 48 && c <= 57 else { return nil }
                value = value * 10 + Int(c - 48)
            }
            return value
        }
        guard scalars.count >= 10, scalars[4] == 45, scalars[7] == 45,
            let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            (1...12).contains(month), day >= 1, day <= daysInMonth(year: year, month: month)
        else { return nil }
        var seconds = Int64(daysFromCivil(year: year, month: month, day: day)) * 86_400
        if scalars.count == 10 { return Timestamp(seconds: seconds) }
        guard scalars.count >= 20, scalars[10] == 84 || scalars[10] == 116 || scalars[10] == 32,
            scalars[13] == 58, scalars[16] == 58,
            let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
            hour < 24, minute < 60, second < 61
        else { return nil }
        seconds += Int64(hour * 3600 + minute * 60 + second)
        var i = 19
        var nanos: Int64 = 0
        if i < scalars.count, scalars[i] == 46 {
            i += 1
            var digits = 0
            while i < scalars.count, scalars[i] >= 48, scalars[i] <= 57 {
                if digits < 9 {
                    nanos = nanos * 10 + Int64(scalars[i] - 48)
                    digits += 1
                }
                i += 1
            }
            guard digits > 0 else { return nil }
            for _ in digits..<9 { nanos *= 10 }
        }
        guard i < scalars.count else { return nil }
        if scalars[i] == 90 || scalars[i] == 122 {
            guard i + 1 == scalars.count else { return nil }
        } else if scalars[i] == 43 || scalars[i] == 45 {
            guard i + 6 == scalars.count, scalars[i + 3] == 58,
                let oh = number((i + 1)..<(i + 3)), let om = number((i + 4)..<(i + 6)), oh < 24, om < 60
            else { return nil }
            let offset = Int64(oh * 3600 + om * 60)
            seconds += scalars[i] == 43 ? -offset : offset
        } else {
            return nil
        }
        return Timestamp(seconds: seconds, nanos: Int32(nanos))
    }

    /// `YYYY-MM-DD` of a timestamp, in UTC.
    public static func format(_ timestamp: Timestamp) -> String {
        let days = Int(timestamp.seconds >= 0 ? timestamp.seconds / 86_400 : (timestamp.seconds - 86_399) / 86_400)
        let (y, m, d) = civil(fromDays: days)
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
        }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        Int(CivilDate.daysInMonth(Int64(month), of: Int64(year)))
    }
}
