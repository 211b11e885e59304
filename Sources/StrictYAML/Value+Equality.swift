extension Value: Equatable {
    /// CEL equality: numbers compare by value across int, uint and double; NaN equals nothing;
    /// lists and maps compare element by element (map order does not matter); values of
    /// different kinds are unequal.
    public static func == (a: Value, b: Value) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.bytes(x), .bytes(y)): return x == y
        case let (.int(x), .int(y)): return x == y
        case let (.uint(x), .uint(y)): return x == y
        case let (.double(x), .double(y)): return x == y
        case let (.int(x), .uint(y)), let (.uint(y), .int(x)): return x >= 0 && UInt64(x) == y
        case let (.int(x), .double(y)), let (.double(y), .int(x)): return compare(x, y) == 0
        case let (.uint(x), .double(y)), let (.double(y), .uint(x)): return compare(x, y) == 0
        case let (.timestamp(x), .timestamp(y)): return x == y
        case let (.duration(x), .duration(y)): return x == y
        case let (.type(x), .type(y)): return x == y
        case let (.optional(x), .optional(y)): return x.wrapped == y.wrapped
        case let (.list(x), .list(y)):
            if x === y { return true }
            guard x.count == y.count else { return false }
            for i in 0..<x.count where !(x.elements[i] == y.elements[i]) { return false }
            return true
        case let (.map(x), .map(y)):
            if x === y { return true }
            guard x.count == y.count else { return false }
            for i in 0..<x.count {
                guard let other = y[x.keys[i]], other == x.values[i] else { return false }
            }
            return true
        default:
            return false
        }
    }

    /// Compares an integer with a double exactly: -1, 0 or 1, or nil when the double is NaN.
    public static func compare(_ x: Int64, _ y: Double) -> Int? {
        compareExactly(x, y)
    }

    /// Compares an unsigned integer with a double exactly: -1, 0 or 1, or nil for NaN.
    public static func compare(_ x: UInt64, _ y: Double) -> Int? {
        compareExactly(x, y)
    }

    /// Compares a 64-bit integer with a double without rounding either: a double beyond the
    /// integer type's range is greater or less than every integer, one within it is compared
    /// by its whole part, then by its fraction.
    @inline(__always)
    private static func compareExactly<I: FixedWidthInteger>(_ x: I, _ y: Double) -> Int? {
        if y.isNaN { return nil }
        // `Double(I.min)` is exact; `Double(I.max)` rounds up to the power of two just above it.
        if y < Double(I.min) { return 1 }
        if y >= Double(I.max) { return -1 }
        let t = y.rounded(.towardZero)
        let ty = I(t)
        if x < ty { return -1 }
        if x > ty { return 1 }
        return y > t ? -1 : (y < t ? 1 : 0)
    }
}
