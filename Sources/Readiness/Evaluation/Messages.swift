import StrictYAML

/// Texts the engine itself writes into results, and how values print inside messages.
enum Messages {
    static func missingFact(_ path: String, language: String) -> String {
        Phrases(language: language).missingFact(path)
    }

    /// A value as it reads inside a message: text unquoted, whole doubles without ".0".
    static func text(of value: Value) -> String {
        switch value {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .uint(let u): return String(u)
        case .bool(let b): return String(b)
        case .null: return "null"
        case .double(let d):
            if d.isFinite && d == d.rounded() && abs(d) < 1e15 { return String(Int64(d)) }
            return String(d)
        case .timestamp(let t): return CalendarDate.format(t)
        case .list(let l): return l.elements.map(text(of:)).joined(separator: ", ")
        default: return value.description
        }
    }
}
