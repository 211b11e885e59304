/// The catalogue of CEL diagnostic messages and codes, alphabetical, in swift-syntax's style:
/// lowercase, no final period, saying what is wrong and what to write instead.
enum CELDiagnostics {
    // MARK: Codes

    /// A syntax error.
    static let syntaxCode = "cel.syntax"
    /// A call the checker cannot resolve.
    static let unknownFunctionCode = "cel.unknown-function"
    /// A call with the wrong number of arguments.
    static let argumentCountCode = "cel.argument-count"
    /// A regular expression that does not compile.
    static let invalidRegexCode = "cel.invalid-regex"
    /// An expression longer than the configured limit.
    static let tooLongCode = "cel.too-long"
    /// A field a declared type does not have (a misspelt fact or parameter).
    static let unknownFieldCode = "cel.unknown-field"
    /// Operands of types that do not go together.
    static let typeMismatchCode = "cel.type-mismatch"
    /// `int / int` where a double is meant.
    static let integerDivisionCode = "cel.integer-division"

    // MARK: Messages

    static func argumentCount(_ function: String, count: Int, expected: String) -> String {
        "'\(function)' takes \(expected), not \(count)"
    }
    static func didYouMean(_ name: String) -> String { "did you mean '\(name)'?" }
    static func expectedFieldName(found: String) -> String {
        "expected a field name after '.', found \(quoted(found))"
    }
    static func expressionTooLong(length: Int, limit: Int) -> String {
        "expression is \(length) characters long; the limit is \(limit)"
    }
    static func incomparable(_ a: String, _ b: String) -> String {
        "cannot compare \(a) with \(b); convert one side (int(), double(), string(), timestamp())"
    }
    static let integerDivision =
        "integer division: both sides are whole numbers, so the quotient is truncated; write double(a) / double(b)"
    static func intOutOfRange(_ text: String) -> String {
        "integer literal '\(text)' does not fit in int64; add a 'u' suffix for uint or write a double"
    }
    static func invalidDouble(_ text: String) -> String { "invalid double literal '\(text)'" }
    static let invalidEscape = "invalid escape sequence; write '\\\\' for a backslash"
    static let invalidHasArgument = "invalid argument to has(); write a field selection such as has(a.b)"
    static func invalidRegex(_ message: String) -> String { "invalid regular expression: \(message)" }
    static let invalidUnicodeEscape = "invalid unicode escape; write \\uXXXX or \\UXXXXXXXX for a valid code point"
    static func macroArity(_ name: String, count: Int) -> String {
        name == "map"
            ? "map() takes 2 or 3 arguments (a variable, [a filter,] a transform), not \(count)"
            : "\(name)() takes 2 arguments (a variable and a predicate), not \(count)"
    }
    static func macroVariable(_ name: String) -> String {
        "the first argument of \(name)() must be a simple identifier such as 'x'"
    }
    static func messageConstructionUnsupported(_ name: String) -> String {
        "message construction '\(name){…}' is not supported; write a map literal such as {'field': value}"
    }
    static func mixedArithmetic(_ op: String, _ a: String, _ b: String) -> String {
        "'\(op)' cannot combine \(a) and \(b); convert one side with double() or int()"
    }
    static let missingHexDigits = "expected hexadecimal digits after '0x'"
    static func nestingTooDeep(limit: Int) -> String {
        "expression nests too deeply (more than \(limit) levels); split it into simpler expressions"
    }
    static func noFields(_ type: String, field: String) -> String {
        "\(type) has no field '\(field)'"
    }
    static let newlineInString = "newline in string literal; use a triple-quoted string or '\\n'"
    static let quotedIdentifierCall = "a backquoted name cannot be called as a function"
    static func receiverStyle(_ name: String) -> String {
        "'\(name)' is called on a value: write x.\(name)(…)"
    }
    static func reservedIdentifier(_ word: String) -> String {
        "'\(word)' is a reserved word and cannot be used as an identifier"
    }
    static func uintOutOfRange(_ text: String) -> String {
        "unsigned integer literal '\(text)u' does not fit in uint64"
    }
    static func unexpectedCharacter(_ c: String, expected: String?) -> String {
        if let expected { return "unexpected character '\(c)'; did you mean '\(expected)'?" }
        return "unexpected character '\(c)'"
    }
    static let unexpectedEnd = "expected an expression, found end of expression"
    static func unexpectedToken(_ found: String, expected: String) -> String {
        "expected \(expected), found \(quoted(found))"
    }
    static func unknownFunction(_ name: String, receiver: Bool) -> String {
        receiver ? "unknown method '\(name)'" : "unknown function '\(name)'"
    }
    static func undeclaredParameter(_ name: String) -> String {
        "parameter '\(name)' is not declared by the ruleset (params:)"
    }
    static func unknownFact(_ path: String) -> String {
        "unknown fact '\(path)': the snapshot schema has no such field (declare custom facts in facts:)"
    }
    static let unterminatedQuotedIdentifier = "unterminated backquoted name; add a closing '`'"
    static let unterminatedString = "unterminated string literal; add the closing quote"

    static func wholeOrDecimal(_ op: String) -> String {
        "'\(op)' on a number that may be whole or decimal; convert it with double() first"
    }

    private static func quoted(_ text: String) -> String {
        text.contains(" ") ? text : "'\(text)'"
    }
}
