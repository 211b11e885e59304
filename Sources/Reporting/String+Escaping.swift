import SourceDiagnostics

extension String {
    /// The text with XML's and HTML's special characters escaped for element content; characters
    /// XML 1.0 forbids (C0 controls other than tab, newline and return, and U+FFFE/U+FFFF) become
    /// U+FFFD so the document stays well-formed.
    var xmlEscaped: String { escapedForMarkup(inAttribute: false) }

    /// The text escaped for a quoted XML or HTML attribute value: as `xmlEscaped`, plus quotes,
    /// and tab, newline and return as character references so that they survive attribute
    /// normalisation.
    var xmlAttributeEscaped: String { escapedForMarkup(inAttribute: true) }

    /// The text escaped for HTML element content: as `xmlEscaped`, except that bidi controls are
    /// kept and the text isolated in `<bdi>`, so an override in it cannot reorder the page
    /// around it.
    var htmlEscaped: String {
        guard unicodeScalars.contains(where: \.isBidiControl) else { return xmlEscaped }
        return "<bdi>" + escapedForMarkup(inAttribute: false, keepsBidi: true) + "</bdi>"
    }

    private func escapedForMarkup(inAttribute: Bool, keepsBidi: Bool = false) -> String {
        escaped(inAttribute ? .markupAttribute : .markupContent) { out, scalar in
            if scalar == "\t" || scalar == "\n" {
                out.unicodeScalars.append(scalar)
            } else if scalar.isBidiControl && !keepsBidi {
                out += scalar.visibleEscape
            } else if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0xFFFE || scalar.value == 0xFFFF
                || (0x80..<0xA0).contains(scalar.value)
            {
                out.unicodeScalars.append("\u{FFFD}")
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }

    /// The text with each character the table names replaced by its escape; every other scalar
    /// is handed to `other`, which appends it as the format needs.
    fileprivate func escaped(_ table: EscapeTable, other: (inout String, Unicode.Scalar) -> Void) -> String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            if let escape = table[scalar] { out += escape } else { other(&out, scalar) }
        }
        return out
    }

    /// The text as inline Markdown that renders literally: Markdown's punctuation is
    /// backslash-escaped (an underscore inside a word is left alone, as GFM never reads it as
    /// emphasis), `|` is escaped so tables stay intact, and line breaks become spaces.
    var markdownEscaped: String {
        var out = ""
        let scalars = Array(unicodeScalars)
        for (i, scalar) in scalars.enumerated() {
            switch scalar {
            case "\\", "`", "*", "[", "]", "<", ">", "|", "#", "~":
                out += "\\"
                out.unicodeScalars.append(scalar)
            case "_":
                let before = i > 0 ? scalars[i - 1] : " "
                let after = i + 1 < scalars.count ? scalars[i + 1] : " "
                let isIntraword = before.properties.isAlphabetic || before.properties.numericType != nil
                let isIntrawordAfter = after.properties.isAlphabetic || after.properties.numericType != nil
                if !(isIntraword && isIntrawordAfter) { out += "\\" }
                out += "_"
            case "&":
                let next = i + 1 < scalars.count ? scalars[i + 1] : " "
                out += next.properties.isAlphabetic || next == "#" ? "\\&" : "&"
            case "\r": continue
            case "\n", "\t": out += " "
            default:
                if scalar.isBidiControl {
                    out += "\\" + scalar.visibleEscape
                } else if scalar.value < 0x20 || scalar.value == 0x7F {
                    out.unicodeScalars.append("\u{FFFD}")
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// The text as a Markdown code span (safe inside a table cell).
    var markdownCode: String {
        var longest = 0
        var run = 0
        for character in self {
            if character == "`" {
                run += 1
                longest = Swift.max(longest, run)
            } else {
                run = 0
            }
        }
        let fence = String(repeating: "`", count: longest + 1)
        let body = replacingPipes(of: self).replacingNewlines(with: " ")
        let pad = body.hasPrefix("`") || body.hasSuffix("`") ? " " : ""
        return fence + pad + body + pad + fence
    }

    private func replacingPipes(of text: String) -> String {
        text.escaped(.markdownTableCell) { out, scalar in
            if scalar.isBidiControl { out += scalar.visibleEscape } else { out.unicodeScalars.append(scalar) }
        }
    }

    fileprivate func replacingNewlines(with replacement: String) -> String {
        var out = ""
        for character in self {
            if character == "\n" || character == "\r\n" || character == "\r" {
                out += replacement
            } else {
                out.append(character)
            }
        }
        return out
    }

    /// The text with line breaks and other controls (tab aside) replaced by U+FFFD, so that it
    /// stays on one line of a terminal or a log.
    public var lineSafe: String {
        var out = ""
        for scalar in unicodeScalars { out.appendVisible(scalar) }
        return out
    }

    /// GitHub workflow-command escaping for the message part (`%`, CR, LF).
    var githubMessageEscaped: String { githubEscaped(escapingSeparators: false) }

    /// GitHub workflow-command escaping for a property value (also `:` and `,`).
    var githubPropertyEscaped: String { githubEscaped(escapingSeparators: true) }

    /// `%`, CR and LF percent-encoded, and `:` and `,` too with `escapingSeparators`; other
    /// controls made visible.
    private func githubEscaped(escapingSeparators: Bool) -> String {
        escaped(escapingSeparators ? .githubProperty : .githubMessage) { out, scalar in out.appendVisible(scalar) }
    }
}

extension String {
    /// SARIF message text (SARIF 2.1.0 §3.11.6): `[` and `]` are backslash-escaped, and a
    /// backslash before one of them doubled, so that `[text](url)` from input is never rendered
    /// as a link; bidi controls are shown as escapes (`\u{202E}`).
    var sarifTextEscaped: String {
        var out = ""
        let scalars = Array(unicodeScalars)
        for (i, scalar) in scalars.enumerated() {
            switch scalar {
            case "[", "]": out += "\\" + String(scalar)
            case "\\" where i + 1 < scalars.count && (scalars[i + 1] == "[" || scalars[i + 1] == "]"): out += "\\\\"
            default:
                if scalar.isBidiControl { out += scalar.visibleEscape } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// Appends a scalar, replacing C0 and C1 controls (other than tab) with U+FFFD so that they
    /// cannot corrupt a line-oriented output, and showing bidi controls as escapes.
    fileprivate mutating func appendVisible(_ scalar: Unicode.Scalar) {
        if scalar.isBidiControl {
            self += scalar.visibleEscape
        } else if scalar != "\t" && (scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value)) {
            unicodeScalars.append("\u{FFFD}")
        } else {
            unicodeScalars.append(scalar)
        }
    }
}

extension Unicode.Scalar {
    /// A bidi control as visible text, `\u{202E}` (the terminal escaper's form).
    fileprivate var visibleEscape: String { terminalEscape ?? String(self) }
}

/// The escapes of a few ASCII characters, looked up by their code.
private struct EscapeTable: Sendable {
    private var escapes = [String?](repeating: nil, count: 128)

    init(_ pairs: KeyValuePairs<Unicode.Scalar, String>) {
        for (scalar, escape) in pairs { escapes[Int(scalar.value)] = escape }
    }

    /// This table with more escapes.
    func adding(_ pairs: KeyValuePairs<Unicode.Scalar, String>) -> EscapeTable {
        var table = self
        for (scalar, escape) in pairs { table.escapes[Int(scalar.value)] = escape }
        return table
    }

    /// The escape of a scalar; nil when the table leaves it alone.
    subscript(scalar: Unicode.Scalar) -> String? { scalar.value < 128 ? escapes[Int(scalar.value)] : nil }

    /// XML and HTML element content.
    static let markupContent = EscapeTable(["&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"])
    /// A quoted XML or HTML attribute value.
    static let markupAttribute = markupContent.adding(["\"": "&quot;", "'": "&#39;", "\n": "&#10;", "\t": "&#9;"])
    /// Text inside a Markdown table cell.
    static let markdownTableCell = EscapeTable(["|": "\\|"])
    /// The message of a GitHub workflow command.
    static let githubMessage = EscapeTable(["%": "%25", "\r": "%0D", "\n": "%0A"])
    /// A property value of a GitHub workflow command.
    static let githubProperty = githubMessage.adding([":": "%3A", ",": "%2C"])
}
