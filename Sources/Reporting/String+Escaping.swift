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
        var out = ""
        out.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where inAttribute: out += "&quot;"
            case "'" where inAttribute: out += "&#39;"
            case "\n" where inAttribute: out += "&#10;"
            case "\r": out += "&#13;"
            case "\t" where inAttribute: out += "&#9;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                if scalar.isBidiControl && !keepsBidi {
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
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar == "|" {
                out += "\\|"
            } else if scalar.isBidiControl {
                out += scalar.visibleEscape
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
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
        var out = ""
        for scalar in unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            case ":" where escapingSeparators: out += "%3A"
            case "," where escapingSeparators: out += "%2C"
            default: out.appendVisible(scalar)
            }
        }
        return out
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
