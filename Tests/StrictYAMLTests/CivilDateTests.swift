import StrictYAML
import Testing

/// The one civil-date conversion: days since 1970-01-01 to year, month and day, and back.
@Suite struct CivilDateTests {
    @Test(
        "known dates",
        arguments: [
            (0 as Int64, 1970 as Int64, 1 as Int64, 1 as Int64), (-1, 1969, 12, 31), (59, 1970, 3, 1),
            (11_016, 2000, 2, 29), (-719_162, 1, 1, 1), (2_932_896, 9999, 12, 31), (-719_528, 0, 1, 1),
        ])
    func knownDates(days: Int64, year: Int64, month: Int64, day: Int64) {
        let date = CivilDate(year: year, month: month, day: day)
        #expect(CivilDate(daysSinceEpoch: days) == date)
        #expect(date.daysSinceEpoch == days)
    }

    @Test("every day of four centuries round-trips, one day after another")
    func roundTrip() {
        var previous = CivilDate(daysSinceEpoch: -146_098)
        for days in Int64(-146_097)...146_097 {
            let date = CivilDate(daysSinceEpoch: days)
            if date.daysSinceEpoch != days { Issue.record("day \(days) comes back as \(date.daysSinceEpoch)") }
            let next =
                previous.day < CivilDate.daysInMonth(previous.month, of: previous.year)
                ? CivilDate(year: previous.year, month: previous.month, day: previous.day + 1)
                : previous.month < 12
                    ? CivilDate(year: previous.year, month: previous.month + 1, day: 1)
                    : CivilDate(year: previous.year + 1, month: 1, day: 1)
            if date != next { Issue.record("day \(days) is \(date), expected \(next)") }
            previous = date
        }
    }

    @Test("leap years")
    func leapYears() {
        #expect(CivilDate.isLeapYear(2000))
        #expect(CivilDate.isLeapYear(2024))
        #expect(!CivilDate.isLeapYear(1900))
        #expect(!CivilDate.isLeapYear(2023))
        #expect(CivilDate.daysInMonth(2, of: 1900) == 28)
        #expect(CivilDate.daysInMonth(2, of: 2000) == 29)
        #expect(CivilDate.daysInMonth(4, of: 2023) == 30)
    }
}
