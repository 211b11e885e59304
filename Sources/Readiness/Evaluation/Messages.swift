import StrictYAML

/// Texts the engine itself writes into results, and how values print inside messages.
enum Messages {
    /// The most characters of a subject or message a result keeps; the rest is replaced by a
    /// marker, so that reports grow with the findings, not with the bytes of the input that
    /// the findings repeat.
    static let maxTextLength = 1_000

    /// The bytes of a value rendered into a message before `bounded` cuts it: room for
    /// `maxTextLength` characters of up to four bytes each, and one more to show the cut.
    static let renderLimit = 4 * maxTextLength + 1

    /// The text cut to `maxTextLength` characters, with `… (N more bytes)` at the cut (`over N`
    /// when the text is itself a `partial` rendering, cut at `renderLimit`). The work is
    /// proportional to `maxTextLength`, whatever the text's length.
    static func bounded(_ text: String, partial: Bool = false) -> String {
        guard text.utf8.count > maxTextLength else { return text }
        let kept = text.prefix(maxTextLength)
        guard kept.endIndex < text.endIndex else { return text }
        let rest = text.utf8.count - kept.utf8.count
        return String(kept) + "… (\(partial ? "over " : "")\(rest) more bytes)"
    }

    static func missingFact(_ path: String, language: String) -> String {
        Phrases(language: language).missingFact(path)
    }

    /// A value as it reads inside a message: text unquoted, whole doubles without ".0", list
    /// elements separated by commas. Rendering stops once the text has `limit` bytes or more, so
    /// a list that holds one long string a million times costs the limit, not the repetition.
    static func text(of value: Value, limit: Int = renderLimit) -> String {
        var out = ""
        append(value, to: &out, limit: limit)
        return out
    }

    private static func append(_ value: Value, to out: inout String, limit: Int) {
        let room = limit - out.utf8.count
        guard room > 0 else { return }
        switch value {
        case .string(let s): out += s.utf8.count <= room ? s : String(s.prefix(room))
        case .int(let i): out += String(i)
        case .uint(let u): out += String(u)
        case .bool(let b): out += String(b)
        case .null: out += "null"
        case .double(let d):
            out += d.isFinite && d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
        case .timestamp(let t): out += CalendarDate.format(t)
        case .list(let l):
            for (i, element) in l.elements.enumerated() {
                if out.utf8.count >= limit { return }
                if i > 0 { out += ", " }
                append(element, to: &out, limit: limit)
            }
        default: out += value.description(limit: room)
        }
    }
}
