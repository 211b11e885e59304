extension Unicode.Scalar {
    /// The control character a C-style escape letter stands for, in both CEL string literals
    /// and RE2 patterns: `\a` bell, `\f` form feed, `\n` newline, `\r` carriage return, `\t`
    /// tab, `\v` vertical tab; nil for any other letter (`\b` differs: a backspace in CEL, a
    /// word boundary in RE2).
    var controlEscapeValue: Unicode.Scalar? {
        switch self {
        case "a": "\u{07}"
        case "f": "\u{0C}"
        case "n": "\n"
        case "r": "\r"
        case "t": "\t"
        case "v": "\u{0B}"
        default: nil
        }
    }
}
