extension RE2Regex {
    /// A zero-width condition on the scalars either side of a position.
    enum Assertion: Sendable, Equatable {
        /// `\A`, or `^` without `(?m)`.
        case beginningOfText
        /// `\z`, or `$` without `(?m)`.
        case endOfText
        /// `^` under `(?m)`.
        case beginningOfLine
        /// `$` under `(?m)`.
        case endOfLine
        /// `\b`: an ASCII word character on exactly one side.
        case wordBoundary
        /// `\B`: the negation of `\b`.
        case notWordBoundary

        /// Whether the assertion holds between `previous` and `next` (`nil` at the ends of the text).
        func holds(after previous: Unicode.Scalar?, before next: Unicode.Scalar?) -> Bool {
            switch self {
            case .beginningOfText: previous == nil
            case .endOfText: next == nil
            case .beginningOfLine: previous == nil || previous == "\n"
            case .endOfLine: next == nil || next == "\n"
            case .wordBoundary: Self.isWordScalar(previous) != Self.isWordScalar(next)
            case .notWordBoundary: Self.isWordScalar(previous) == Self.isWordScalar(next)
            }
        }

        private static func isWordScalar(_ scalar: Unicode.Scalar?) -> Bool {
            guard let value = scalar?.value else { return false }
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value)
                || (0x61...0x7A).contains(value) || value == 0x5F
        }
    }
}
