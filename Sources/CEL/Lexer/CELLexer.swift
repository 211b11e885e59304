/// Splits CEL source into tokens, reporting unreadable text as it goes.
///
/// Works on Unicode scalars, so every offset it reports is a scalar count — the column unit
/// the YAML loader uses too.
struct CELLexer {
    /// A problem found while reading the source.
    struct Problem: Sendable, Equatable {
        var offset: Int
        var message: String
    }

    let scalars: [Unicode.Scalar]
    private(set) var position = 0
    private(set) var problems: [Problem] = []

    static let reservedWords: Set<String> = [
        "as", "break", "const", "continue", "else", "for", "function", "if", "import", "let",
        "loop", "package", "namespace", "return", "var", "void", "while",
    ]

    init(_ source: String) {
        scalars = Array(source.unicodeScalars)
    }

    /// Reads every token, ending with `.endOfInput`.
    mutating func tokenize() -> [CELToken] {
        var tokens: [CELToken] = []
        while true {
            let token = next()
            tokens.append(token)
            if token.kind == .endOfInput { return tokens }
        }
    }

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        let i = position + ahead
        return i < scalars.count ? scalars[i] : nil
    }

    private mutating func report(_ message: String, at offset: Int) {
        problems.append(Problem(offset: offset, message: message))
    }

    private mutating func skipTrivia() {
        while let c = peek() {
            if c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}" {
                position += 1
            } else if c == "/", peek(1) == "/" {
                while let d = peek(), d != "\n" { position += 1 }
            } else {
                return
            }
        }
    }

    static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "_"
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }

    /// `==`, `!=`, `<=`, `>=`, `&&`, `||`, `.?` and `[?`.
    static func isTwoCharacterPunctuation(_ c: Unicode.Scalar, _ d: Unicode.Scalar) -> Bool {
        switch (c, d) {
        case ("=", "="), ("!", "="), ("<", "="), (">", "="), ("&", "&"), ("|", "|"), (".", "?"), ("[", "?"): true
        default: false
        }
    }

    /// The one-character operators and delimiters.
    static func isPunctuation(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "+", "-", "*", "/", "%", "!", "<", ">", "?", ":", ".", ",", "(", ")", "[", "]", "{", "}": true
        default: false
        }
    }

    static func isHexDigit(_ c: Unicode.Scalar) -> Bool {
        isDigit(c) || (c >= "a" && c <= "f") || (c >= "A" && c <= "F")
    }

    private mutating func next() -> CELToken {
        skipTrivia()
        let start = position
        guard let c = peek() else { return CELToken(kind: .endOfInput, offset: start, end: start) }

        if Self.isIdentifierStart(c) {
            // String prefixes: r, b, and their combinations, directly before a quote.
            if let literal = stringWithPrefix(start: start) { return literal }
            while let d = peek(), Self.isIdentifierStart(d) || Self.isDigit(d) { position += 1 }
            let text = String(String.UnicodeScalarView(scalars[start..<position]))
            let kind: CELToken.Kind
            switch text {
            case "true": kind = .true
            case "false": kind = .false
            case "null": kind = .null
            case "in": kind = .in
            default: kind = Self.reservedWords.contains(text) ? .reserved(text) : .identifier(text)
            }
            return CELToken(kind: kind, offset: start, end: position)
        }
        if Self.isDigit(c) || (c == "." && peek(1).map(Self.isDigit) == true) {
            return number(start: start)
        }
        if c == "\"" || c == "'" {
            return string(start: start, raw: false, bytes: false)
        }
        if c == "`" {
            position += 1
            var name = String.UnicodeScalarView()
            while let d = peek(), d != "`", d != "\n" {
                name.append(d)
                position += 1
            }
            guard peek() == "`" else {
                report(CELDiagnostics.unterminatedQuotedIdentifier, at: start)
                return CELToken(kind: .invalid, offset: start, end: position)
            }
            position += 1
            return CELToken(kind: .quotedIdentifier(String(name)), offset: start, end: position)
        }
        // Matched on scalars: no strings or arrays are built to find out what a token is.
        if let d = peek(1), Self.isTwoCharacterPunctuation(c, d) {
            position += 2
            return CELToken(kind: .punctuation(String(c) + String(d)), offset: start, end: position)
        }
        if Self.isPunctuation(c) {
            position += 1
            return CELToken(kind: .punctuation(String(c)), offset: start, end: position)
        }
        if c == "=" || c == "&" || c == "|" {
            position += 1
            let expected = c == "=" ? "==" : String(c) + String(c)
            report(CELDiagnostics.unexpectedCharacter(String(c), expected: expected), at: start)
            return CELToken(kind: .invalid, offset: start, end: position)
        }
        position += 1
        report(CELDiagnostics.unexpectedCharacter(String(c), expected: nil), at: start)
        return CELToken(kind: .invalid, offset: start, end: position)
    }

    private mutating func stringWithPrefix(start: Int) -> CELToken? {
        var raw = false
        var bytes = false
        var i = position
        for _ in 0..<2 {
            guard i < scalars.count else { return nil }
            let s = scalars[i]
            if (s == "r" || s == "R") && !raw {
                raw = true
            } else if (s == "b" || s == "B") && !bytes {
                bytes = true
            } else if s == "\"" || s == "'" {
                guard raw || bytes else { return nil }
                position = i
                return string(start: start, raw: raw, bytes: bytes)
            } else {
                return nil
            }
            i += 1
        }
        guard i < scalars.count, scalars[i] == "\"" || scalars[i] == "'" else { return nil }
        position = i
        return string(start: start, raw: raw, bytes: bytes)
    }

    private mutating func number(start: Int) -> CELToken {
        if peek() == "0", peek(1) == "x" || peek(1) == "X" {
            position += 2
            let digitsStart = position
            while let d = peek(), Self.isHexDigit(d) { position += 1 }
            let digits = String(String.UnicodeScalarView(scalars[digitsStart..<position]))
            if digits.isEmpty {
                report(CELDiagnostics.missingHexDigits, at: start)
                return CELToken(kind: .invalid, offset: start, end: position)
            }
            if peek() == "u" || peek() == "U" {
                position += 1
                return CELToken(kind: .uint("0x" + digits), offset: start, end: position)
            }
            return CELToken(kind: .int("0x" + digits), offset: start, end: position)
        }
        var isDouble = false
        while let d = peek(), Self.isDigit(d) { position += 1 }
        if peek() == ".", peek(1).map(Self.isDigit) == true {
            isDouble = true
            position += 1
            while let d = peek(), Self.isDigit(d) { position += 1 }
        }
        if peek() == "e" || peek() == "E" {
            var j = position + 1
            if j < scalars.count, scalars[j] == "+" || scalars[j] == "-" { j += 1 }
            if j < scalars.count, Self.isDigit(scalars[j]) {
                isDouble = true
                position = j
                while let d = peek(), Self.isDigit(d) { position += 1 }
            }
        }
        let text = String(String.UnicodeScalarView(scalars[start..<position]))
        if isDouble {
            return CELToken(kind: .double(text), offset: start, end: position)
        }
        if peek() == "u" || peek() == "U" {
            position += 1
            return CELToken(kind: .uint(text), offset: start, end: position)
        }
        return CELToken(kind: .int(text), offset: start, end: position)
    }

    // MARK: - Strings

    private mutating func string(start: Int, raw: Bool, bytes: Bool) -> CELToken {
        guard let quote = peek() else { return CELToken(kind: .invalid, offset: start, end: position) }
        let triple = peek(1) == quote && peek(2) == quote
        position += triple ? 3 : 1
        var text = String.UnicodeScalarView()
        var data: [UInt8] = []

        func append(_ scalar: Unicode.Scalar) {
            if bytes { data.append(contentsOf: Array(String(scalar).utf8)) } else { text.append(scalar) }
        }

        while true {
            guard let c = peek() else {
                report(CELDiagnostics.unterminatedString, at: start)
                return CELToken(kind: .invalid, offset: start, end: position)
            }
            if c == quote {
                if !triple {
                    position += 1
                    break
                }
                if peek(1) == quote, peek(2) == quote {
                    position += 3
                    break
                }
            }
            if !triple, c == "\n" || c == "\r" {
                report(CELDiagnostics.newlineInString, at: position)
                return CELToken(kind: .invalid, offset: start, end: position)
            }
            if c == "\\" {
                if raw {
                    // A raw string keeps the backslash; it still cannot end the string with a quote.
                    append(c)
                    position += 1
                    if let d = peek(), d == quote || d == "\\" {
                        append(d)
                        position += 1
                    }
                    continue
                }
                switch escapeSequence() {
                case .scalar(let scalar): append(scalar)
                case .byte(let byte): if bytes { data.append(byte) } else { text.append(Unicode.Scalar(byte)) }
                case nil: break
                }
                continue
            }
            append(c)
            position += 1
        }
        if bytes { return CELToken(kind: .bytes(data), offset: start, end: position) }
        return CELToken(kind: .string(String(text)), offset: start, end: position)
    }

    /// What an escape sequence stands for: a scalar, or (`\x`, octal) a byte, which a string
    /// literal reads as the scalar of that value.
    private enum Escaped {
        case scalar(Unicode.Scalar)
        case byte(UInt8)
    }

    /// Reads the escape sequence whose backslash is at `position`: its value, or nil when the
    /// text ends after the backslash or the escape is invalid (reported).
    private mutating func escapeSequence() -> Escaped? {
        let escapeStart = position
        position += 1
        guard let e = peek() else { return nil }
        position += 1
        if let control = e.controlEscapeValue { return .scalar(control) }
        switch e {
        case "\\", "?", "\"", "'", "`": return .scalar(e)
        case "b": return .scalar("\u{08}")
        case "x", "X":
            guard let value = hexValue(count: 2) else {
                report(CELDiagnostics.invalidEscape, at: escapeStart)
                return nil
            }
            return .byte(UInt8(value))
        case "u", "U":
            let count = e == "u" ? 4 : 8
            guard let value = hexValue(count: count), let scalar = Unicode.Scalar(value) else {
                report(CELDiagnostics.invalidUnicodeEscape, at: escapeStart)
                return nil
            }
            return .scalar(scalar)
        case "0"..."3":
            guard let d1 = peek(), let d2 = peek(1), ("0"..."7").contains(d1), ("0"..."7").contains(d2) else {
                report(CELDiagnostics.invalidEscape, at: escapeStart)
                return nil
            }
            position += 2
            return .byte(UInt8((e.value - 48) * 64 + (d1.value - 48) * 8 + (d2.value - 48)))
        default:
            report(CELDiagnostics.invalidEscape, at: escapeStart)
            return nil
        }
    }

    private mutating func hexValue(count: Int) -> UInt32? {
        var value: UInt32 = 0
        for k in 0..<count {
            guard let d = peek(k), Self.isHexDigit(d) else { return nil }
            value = value * 16 + UInt32(hexDigit(d))
        }
        position += count
        return value
    }

    private func hexDigit(_ d: Unicode.Scalar) -> UInt8 {
        switch d {
        case "0"..."9": UInt8(d.value - 48)
        case "a"..."f": UInt8(d.value - 87)
        default: UInt8(d.value - 55)
        }
    }
}
