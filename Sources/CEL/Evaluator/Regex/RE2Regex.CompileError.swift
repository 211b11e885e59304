extension RE2Regex {
    /// Why a pattern was rejected, and where.
    public struct CompileError: Error, Sendable, Equatable, CustomStringConvertible {
        /// What is wrong, lowercase and without a final period.
        public let message: String

        /// The Unicode-scalar offset into the pattern where the problem starts.
        public let offset: Int

        /// The message followed by the offset, for logs.
        public var description: String { "\(message) at offset \(offset)" }
    }
}

extension RE2Regex.CompileError {
    /// Creates the error for a reason, at the scalar offset it points at.
    init(_ reason: Reason, at offset: Int) {
        self.init(message: reason.message, offset: offset)
    }

    /// What RE2 syntax rejects, one case a message.
    enum Reason {
        case atomicGroupNotSupported
        case backreferenceNotSupported(String)
        case duplicateGroupName(String)
        case invalidCharacterClassRange(String)
        case invalidEscape(String)
        case invalidGroupName(String)
        case invalidNestedRepetition(String)
        case invalidRepeatCount(String)
        case lookaroundNotSupported(String)
        case missingClosingBracket
        case missingClosingParenthesis
        case missingRepetitionArgument(String)
        case nestedRepeatCountTooLarge(String)
        case nestingTooDeep(limit: Int)
        case patternTooLong(length: Int, limit: Int)
        case possessiveNotSupported(String)
        case programTooLarge(limit: Int)
        case repeatCountTooLarge(String)
        case trailingBackslash
        case unexpectedClosingParenthesis
        case unknownPOSIXClass(String)
        case unknownUnicodeClass(String)
        case unsupportedGroupSyntax(String)
    }
}

// MARK: - Message catalogue (alphabetical)

extension RE2Regex.CompileError.Reason {
    /// What is wrong, and what to write instead.
    var message: String {
        switch self {
        case .atomicGroupNotSupported: "atomic group '(?>' is not supported in RE2 syntax; use '(?:' instead"
        case .backreferenceNotSupported(let text): "backreference '\(text)' is not supported in RE2 syntax"
        case .duplicateGroupName(let name): "duplicate capture group name '\(name)'; give each group a distinct name"
        case .invalidCharacterClassRange(let text): "invalid character class range '\(text)'"
        case .invalidEscape(let text): "invalid escape sequence '\(text)'"
        case .invalidGroupName(let text): "invalid capture group name in '\(text)'; use letters, digits and '_', closed by '>'"
        case .invalidNestedRepetition(let text): "invalid nested repetition operator '\(text)'; wrap the repeated part in '(?:...)' first"
        case .invalidRepeatCount(let text): "invalid repeat count '\(text)'; the minimum must not exceed the maximum"
        case .lookaroundNotSupported(let text):
            "\(text.hasPrefix("(?<") ? "lookbehind" : "lookahead") '\(text)' is not supported in RE2 syntax"
        case .missingClosingBracket: "missing closing ']' for character class"
        case .missingClosingParenthesis: "missing closing ')' for this group"
        case .missingRepetitionArgument(let text): "missing argument to repetition operator '\(text)'; escape it as '\\\(text.prefix(1))' to match it literally"
        case .nestedRepeatCountTooLarge(let text): "repetition '\(text)' with the counts nested inside it repeats more than \(RE2Regex.Parser.maxRepeatCount) times; lower the counts"
        case .nestingTooDeep(let limit): "groups nest deeper than the limit of \(limit)"
        case .patternTooLong(let length, let limit): "pattern is \(length) scalars long, over the limit of \(limit)"
        case .possessiveNotSupported(let text): "possessive repetition '\(text)' is not supported in RE2 syntax; use '\(text.dropLast())'"
        case .programTooLarge(let limit): "pattern compiles to more than \(limit) instructions; lower the repetition counts"
        case .repeatCountTooLarge(let text): "repeat count in '\(text)' is over the maximum of \(RE2Regex.Parser.maxRepeatCount)"
        case .trailingBackslash: "trailing backslash at end of pattern; write '\\\\' to match a backslash"
        case .unexpectedClosingParenthesis: "unexpected ')'; add a matching '(' or escape it as '\\)'"
        case .unknownPOSIXClass(let text): "unknown POSIX class '\(text)'"
        case .unknownUnicodeClass(let text): "unknown unicode class '\(text)'"
        case .unsupportedGroupSyntax(let text): "invalid or unsupported group syntax '\(text)'; RE2 accepts '(?:', '(?P<name>' and the flags i, m, s, U"
        }
    }
}
