extension RE2Regex {
    /// Why a pattern was rejected, and where.
    public struct CompileError: Error, Sendable, Equatable, CustomStringConvertible {
        /// What is wrong, lowercase and without a final period.
        public let message: String

        /// The Unicode-scalar offset into the pattern where the problem starts.
        public let offset: Int

        /// Creates an error with a message and the scalar offset it points at.
        public init(message: String, offset: Int) {
            self.message = message
            self.offset = offset
        }

        /// The message followed by the offset, for logs.
        public var description: String { "\(message) at offset \(offset)" }
    }
}

// MARK: - Message catalogue (alphabetical)

extension RE2Regex.CompileError {
    static func atomicGroupNotSupported(at offset: Int) -> Self {
        .init(
            message: "atomic group '(?>' is not supported in RE2 syntax; use '(?:' instead",
            offset: offset)
    }

    static func backreferenceNotSupported(_ text: String, at offset: Int) -> Self {
        .init(message: "backreference '\(text)' is not supported in RE2 syntax", offset: offset)
    }

    static func duplicateGroupName(_ name: String, at offset: Int) -> Self {
        .init(
            message: "duplicate capture group name '\(name)'; give each group a distinct name",
            offset: offset)
    }

    static func invalidCharacterClassRange(_ text: String, at offset: Int) -> Self {
        .init(message: "invalid character class range '\(text)'", offset: offset)
    }

    static func invalidEscape(_ text: String, at offset: Int) -> Self {
        .init(message: "invalid escape sequence '\(text)'", offset: offset)
    }

    static func invalidGroupName(_ text: String, at offset: Int) -> Self {
        .init(
            message:
                "invalid capture group name in '\(text)'; use letters, digits and '_', closed by '>'",
            offset: offset
        )
    }

    static func invalidNestedRepetition(_ text: String, at offset: Int) -> Self {
        .init(
            message:
                "invalid nested repetition operator '\(text)'; wrap the repeated part in '(?:...)' first",
            offset: offset
        )
    }

    static func invalidRepeatCount(_ text: String, at offset: Int) -> Self {
        .init(
            message: "invalid repeat count '\(text)'; the minimum must not exceed the maximum",
            offset: offset)
    }

    static func lookaroundNotSupported(_ text: String, at offset: Int) -> Self {
        let kind = text.hasPrefix("(?<") ? "lookbehind" : "lookahead"
        return .init(message: "\(kind) '\(text)' is not supported in RE2 syntax", offset: offset)
    }

    static func missingClosingBracket(at offset: Int) -> Self {
        .init(message: "missing closing ']' for character class", offset: offset)
    }

    static func missingClosingParenthesis(at offset: Int) -> Self {
        .init(message: "missing closing ')' for this group", offset: offset)
    }

    static func missingRepetitionArgument(_ text: String, at offset: Int) -> Self {
        .init(
            message:
                "missing argument to repetition operator '\(text)'; escape it as '\\\(text.prefix(1))' to match it literally",
            offset: offset
        )
    }

    static func nestedRepeatCountTooLarge(_ text: String, at offset: Int) -> Self {
        .init(
            message:
                "repetition '\(text)' with the counts nested inside it repeats more than \(RE2Regex.Parser.maxRepeatCount) times; lower the counts",
            offset: offset
        )
    }

    static func nestingTooDeep(limit: Int, at offset: Int) -> Self {
        .init(message: "groups nest deeper than the limit of \(limit)", offset: offset)
    }

    static func patternTooLong(length: Int, limit: Int) -> Self {
        .init(message: "pattern is \(length) scalars long, over the limit of \(limit)", offset: limit)
    }

    static func possessiveNotSupported(_ text: String, at offset: Int) -> Self {
        .init(
            message:
                "possessive repetition '\(text)' is not supported in RE2 syntax; use '\(text.dropLast())'",
            offset: offset
        )
    }

    static func programTooLarge(limit: Int, at offset: Int) -> Self {
        .init(
            message: "pattern compiles to more than \(limit) instructions; lower the repetition counts",
            offset: offset
        )
    }

    static func repeatCountTooLarge(_ text: String, at offset: Int) -> Self {
        .init(
            message: "repeat count in '\(text)' is over the maximum of \(RE2Regex.Parser.maxRepeatCount)",
            offset: offset
        )
    }

    static func trailingBackslash(at offset: Int) -> Self {
        .init(
            message: "trailing backslash at end of pattern; write '\\\\' to match a backslash",
            offset: offset)
    }

    static func unexpectedClosingParenthesis(at offset: Int) -> Self {
        .init(message: "unexpected ')'; add a matching '(' or escape it as '\\)'", offset: offset)
    }

    static func unknownPOSIXClass(_ text: String, at offset: Int) -> Self {
        .init(message: "unknown POSIX class '\(text)'", offset: offset)
    }

    static func unknownUnicodeClass(_ text: String, at offset: Int) -> Self {
        .init(message: "unknown unicode class '\(text)'", offset: offset)
    }

    static func unsupportedGroupSyntax(_ text: String, at offset: Int) -> Self {
        .init(
            message:
                "invalid or unsupported group syntax '\(text)'; RE2 accepts '(?:', '(?P<name>' and the flags i, m, s, U",
            offset: offset
        )
    }
}
