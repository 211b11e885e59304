/// One lexical token of a CEL expression.
struct CELToken: Sendable, Equatable {
    /// What kind of token this is.
    enum Kind: Sendable, Equatable {
        case identifier(String)
        case int(String)
        case uint(String)
        case double(String)
        case string(String)
        case bytes([UInt8])
        case `true`, `false`, null, `in`
        /// A reserved word that may not stand as an identifier, such as `if` or `package`.
        case reserved(String)
        /// A backquoted field name: `` `content-type` ``.
        case quotedIdentifier(String)
        case punctuation(String)
        case endOfInput
        /// Text the lexer could not read; the lexer has already reported it.
        case invalid
    }

    /// The kind and payload.
    var kind: Kind
    /// Offset of the first character, in Unicode scalars from the start of the source.
    var offset: Int
    /// Offset just past the last character.
    var end: Int

    /// Whether the token is the given punctuation.
    func isPunctuation(_ text: String) -> Bool {
        if case .punctuation(let p) = kind { return p == text }
        return false
    }

    /// The token as the user wrote it, for messages.
    var display: String {
        switch kind {
        case .identifier(let s), .reserved(let s): s
        case .quotedIdentifier(let s): "`\(s)`"
        case .int(let s), .double(let s): s
        case .uint(let s): s + "u"
        case .string: "string literal"
        case .bytes: "bytes literal"
        case .true: "true"
        case .false: "false"
        case .null: "null"
        case .in: "in"
        case .punctuation(let p): p
        case .endOfInput: "end of expression"
        case .invalid: "invalid token"
        }
    }
}
