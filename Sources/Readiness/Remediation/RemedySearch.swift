import Foundation
import StrictYAML

/// The smallest change to one fact's value that makes a rule pass, found by probing: `passes`
/// re-evaluates the rule with the fact set to a candidate value.
///
/// Numbers and dates are searched outward from the current value in both directions, doubling
/// the step until a candidate passes, then halving back to the first value that passes on
/// the search's grid (whole numbers for integers, a decimal grid for other numbers, days for
/// dates); the value one grid step short of it was probed and fails. That is exact for a rule
/// whose outcome changes once as the fact grows or shrinks (a threshold), and a valid but
/// perhaps not smallest change otherwise.
struct RemedySearch {
    /// Re-evaluates the rule with the fact set to a value: whether it passes.
    let passes: (Value) -> Bool
    /// The text candidates: the rule's string literals and its list parameters' strings.
    var textCandidates: [String] = []
    /// Probes left for this fact.
    private(set) var probesLeft = RemedySearch.maxProbes

    /// At most this many re-evaluations per fact.
    static let maxProbes = 96
    /// A number may move at most this many times its size (or 1,000 grid steps) away.
    static let spread = 100.0
    /// A date may move at most this many days.
    static let maxDays: Int64 = 3_660
    /// What an empty text is set to when any text would do.
    static let placeholder = "(to be named)"

    init(passes: @escaping (Value) -> Bool) {
        self.passes = passes
    }

    private mutating func probe(_ value: Value) -> Bool {
        guard probesLeft > 0 else { return false }
        probesLeft -= 1
        return passes(value)
    }

    /// A value that passes, and the probed value just short of it that does not.
    struct Found {
        var kind: FactChange.Kind
        var value: Value
        var short: Value
        var change: String?
    }

    /// The change for a fact's current value, or nil when none within bounds passes.
    mutating func change(from current: Value) -> Found? {
        switch current {
        case .bool(let flag):
            return probe(.bool(!flag)) ? Found(kind: .flag, value: .bool(!flag), short: current) : nil
        case .int(let n):
            return integer(n).map { Found(kind: .number, value: .int($0.pass), short: .int($0.fail), change: Self.signed($0.pass - n)) }
        case .uint(let n) where n <= UInt64(Int64.max / 4):
            return integer(Int64(n)).map {
                Found(kind: .number, value: .int($0.pass), short: .int($0.fail), change: Self.signed($0.pass - Int64(n)))
            }
        case .double(let d) where d.isFinite:
            return decimal(d)
        case .string(let text):
            if let day = Self.day(text) {
                return date(day)
            }
            return self.text(text).map { Found(kind: .text, value: .string($0), short: current) }
        default:
            return nil
        }
    }

    // MARK: - Numbers

    /// The closest whole number that passes (the smaller move; upward on a tie).
    mutating func integer(_ n: Int64) -> (pass: Int64, fail: Int64)? {
        guard n.magnitude < 1_000_000_000_000_000 else { return nil }
        let bound = Int64(max(Double(abs(n)) * Self.spread, 1_000))
        let floor: Int64 = n >= 0 ? 0 : n - bound
        return closest(from: n, bound: bound, floor: floor, grid: 1)
    }

    /// The closest value on a decimal grid fitting the number's size that passes.
    mutating func decimal(_ d: Double) -> Found? {
        let magnitude = abs(d) > 0 ? floor(log10(abs(d))) - 1 : -2
        let exponent = Int(min(max(magnitude, -4), 0))
        let grid = pow(10, Double(exponent))
        let decimals = -exponent
        // Grid units: integers, so the search is the integer one.
        let units = (d / grid).rounded(.towardZero)
        guard abs(units) < 1e15 else { return nil }
        let start = Int64(units)
        // Off the grid, the grid point toward zero is a candidate of its own.
        if Double(start) * grid != d, probe(.double(Double(start) * grid)) {
            let value = Self.rounded(Double(start) * grid, decimals: decimals)
            return Found(kind: .number, value: .double(value), short: .double(d), change: Self.signed(value - d, decimals: decimals))
        }
        let bound = Int64(max(abs(units) * Self.spread, 1_000))
        let floor: Int64 = d >= 0 ? 0 : start - bound
        let found = closest(from: start, bound: bound, floor: floor, grid: grid, exact: d)
        guard let found else { return nil }
        let value = Self.rounded(Double(found.pass) * grid, decimals: decimals)
        let short = found.fail == start ? d : Self.rounded(Double(found.fail) * grid, decimals: decimals)
        return Found(kind: .number, value: .double(value), short: .double(short), change: Self.signed(value - d, decimals: decimals))
    }

    /// The grid point closest to `start` (in grid units) that passes, searching both ways.
    /// `exact`, for decimals, is the current value itself (the start is its grid point toward zero).
    private mutating func closest(
        from start: Int64, bound: Int64, floor: Int64, grid: Double, exact: Double? = nil
    ) -> (pass: Int64, fail: Int64)? {
        let make: (Int64) -> Value = { units in
            exact == nil ? .int(units) : .double(Double(units) * grid)
        }
        var step: Int64 = 1
        var lastUp = start
        var lastDown = start
        while step <= bound {
            let up = start + step
            let down = start - step
            var found: [(pass: Int64, fail: Int64)] = []
            if probe(make(up)) { found.append(refine(failing: lastUp, passing: up, make: make)) }
            if down >= floor, probe(make(down)) { found.append(refine(failing: lastDown, passing: down, make: make)) }
            if !found.isEmpty {
                let distance: (Int64) -> Double = { abs(Double($0) * grid - (exact ?? Double(start) * grid)) }
                return found.min { distance($0.pass) < distance($1.pass) }
            }
            lastUp = up
            lastDown = max(down, floor)
            if down < floor && up - start >= bound { break }
            step *= 2
        }
        return nil
    }

    /// The first passing point between a failing one and a passing one (binary search).
    private mutating func refine(failing: Int64, passing: Int64, make: (Int64) -> Value) -> (pass: Int64, fail: Int64) {
        var fail = failing
        var pass = passing
        while abs(pass - fail) > 1 && probesLeft > 0 {
            let middle = fail + (pass - fail) / 2
            if probe(make(middle)) { pass = middle } else { fail = middle }
        }
        return (pass, fail)
    }

    // MARK: - Dates

    /// The closest day that passes; the new date as `YYYY-MM-DD` text.
    mutating func date(_ day: Int64) -> Found? {
        let make: (Int64) -> Value = { .string(Self.format(day: $0)) }
        var step: Int64 = 1
        var lastUp = day
        var lastDown = day
        while step <= Self.maxDays {
            var found: [(pass: Int64, fail: Int64)] = []
            if probe(make(day + step)) { found.append(refine(failing: lastUp, passing: day + step, make: make)) }
            if probe(make(day - step)) { found.append(refine(failing: lastDown, passing: day - step, make: make)) }
            if let best = found.min(by: { abs($0.pass - day) < abs($1.pass - day) }) {
                let days = best.pass - day
                return Found(kind: .date, value: make(best.pass), short: make(best.fail), change: (days > 0 ? "+" : "-") + "\(abs(days))d")
            }
            lastUp = day + step
            lastDown = day - step
            step *= 2
        }
        return nil
    }

    /// Days since 1970-01-01 of an exact `YYYY-MM-DD` text.
    static func day(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let timestamp = CalendarDate.parse(text)
        else { return nil }
        return timestamp.seconds / 86_400
    }

    static func format(day: Int64) -> String {
        CalendarDate.format(Timestamp(seconds: day * 86_400))
    }

    // MARK: - Text

    /// A text the rule accepts: one of its literals or list parameters' values; for an empty
    /// text, any text.
    mutating func text(_ current: String) -> String? {
        for candidate in textCandidates where candidate != current && !UnknownFacts.isMarker(.string(candidate)) {
            if probe(.string(candidate)) { return candidate }
        }
        if current.isEmpty, probe(.string(Self.placeholder)) { return Self.placeholder }
        return nil
    }

    // MARK: - Lists

    /// The fewest copies of one element (tried in order) to append so the rule passes, and
    /// which of the templates.
    mutating func count(_ list: ValueList, templates: [Value]) -> (copies: Int, short: Int, template: Int)? {
        // Ten times the list, between 20 and 1,000 more elements.
        let bound = min(max(list.count * 10, 20), 1_000)
        var best: (copies: Int, short: Int, template: Int)?
        for (t, template) in templates.enumerated() {
            let make: (Int64) -> Value = { copies in
                .list(ValueList(list.elements + Array(repeating: template, count: Int(copies))))
            }
            var step: Int64 = 1
            var last: Int64 = 0
            while step <= Int64(min(bound, best.map { $0.copies - 1 } ?? bound)) {
                if probe(make(step)) {
                    let (copies, short) = refine(failing: last, passing: step, make: make)
                    if Int(copies) < best?.copies ?? .max { best = (Int(copies), Int(short), t) }
                    break
                }
                last = step
                step *= 2
            }
        }
        return best
    }

    // MARK: - Rendering

    static func signed(_ delta: Int64) -> String {
        delta >= 0 ? "+\(delta)" : "-\(delta.magnitude)"
    }

    static func signed(_ delta: Double, decimals: Int) -> String {
        let text = Self.text(abs(delta), decimals: decimals)
        return (delta >= 0 ? "+" : "-") + text
    }

    /// A number with at most `decimals` decimals, trailing zeros dropped.
    static func text(_ value: Double, decimals: Int) -> String {
        var text = String(format: "%.\(decimals)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    static func rounded(_ value: Double, decimals: Int) -> Double {
        Double(text(value, decimals: decimals)) ?? value
    }
}
