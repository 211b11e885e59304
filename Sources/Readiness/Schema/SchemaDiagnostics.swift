import CEL
import SourceDiagnostics
import StrictYAML

/// The messages of snapshot validation, in one catalogue (alphabetical).
enum SchemaDiagnostics {
    static func danglingReference(
        _ name: String, path: String, kind: String, definedAt source: String, names: [String], at location: SourceLocation?
    ) -> Diagnostic {
        var notes: [Diagnostic.Note] = []
        if let guess = EditDistance.suggestion(for: name, among: names) {
            notes.append(.init(message: "did you mean '\(guess)'?"))
        } else {
            notes.append(.init(message: "the \(kind)s are: \(names.sorted().joined(separator: ", "))"))
        }
        return Diagnostic(
            severity: .error, code: "snapshot.dangling-reference",
            message: "\(path): '\(name)' is not a \(kind) named in \(source)", span: location.map(SourceSpan.init),
            notes: notes)
    }

    static func invalidDate(_ text: String, path: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(
            severity: .error, code: "snapshot.invalid-date",
            message: "\(path): expected a date YYYY-MM-DD, got '\(text)'", span: location.map(SourceSpan.init))
    }

    static func missingKey(_ key: String, path: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(
            severity: .error, code: "snapshot.missing-key",
            message: "\(path.isEmpty ? "the snapshot" : path): missing '\(key)' (write \(key): ~ if it is not known yet)",
            span: location.map(SourceSpan.init))
    }

    static func notAllowed(_ value: Value, path: String, allowed: [Value], at location: SourceLocation?) -> Diagnostic {
        let names = allowed.map { $0.stringValue ?? $0.celSource }
        var notes: [Diagnostic.Note] = []
        if let text = value.stringValue, let guess = EditDistance.suggestion(for: text, among: names) {
            notes.append(.init(message: "did you mean '\(guess)'?"))
        }
        return Diagnostic(
            severity: .error, code: "snapshot.not-allowed",
            message: "\(path): expected one of \(names.joined(separator: ", ")), got \(shown(value))",
            span: location.map(SourceSpan.init), notes: notes)
    }

    static func outOfRange(_ value: Value, path: String, minimum: Double?, maximum: Double?, at location: SourceLocation?) -> Diagnostic {
        let range: String
        switch (minimum, maximum) {
        case let (low?, high?): range = "from \(number(low)) to \(number(high))"
        case let (low?, nil): range = "at least \(number(low))"
        case let (nil, high?): range = "at most \(number(high))"
        default: range = "in range"
        }
        return Diagnostic(
            severity: .error, code: "snapshot.out-of-range",
            message: "\(path): expected a number \(range), got \(shown(value))", span: location.map(SourceSpan.init))
    }

    static func patternMismatch(_ text: String, path: String, pattern: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(
            severity: .error, code: "snapshot.wrong-format",
            message: "\(path): '\(text)' does not match the pattern \(pattern)", span: location.map(SourceSpan.init))
    }

    static func unknownKey(
        _ key: String, path: String, allowed: [String], severity: Diagnostic.Severity, at location: SourceLocation?
    ) -> Diagnostic {
        var notes: [Diagnostic.Note] = []
        if let guess = EditDistance.suggestion(for: key, among: allowed) {
            notes.append(.init(message: "did you mean '\(guess)'?"))
        }
        let place = path.isEmpty ? "at the top level" : "in \(path)"
        return Diagnostic(
            severity: severity, code: "snapshot.unknown-key",
            message: "unknown key '\(key)' \(place): no loaded ruleset reads it", span: location.map(SourceSpan.init),
            notes: notes)
    }

    static func wrongType(_ value: Value, path: String, expected: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(
            severity: .error, code: "snapshot.wrong-type",
            message: "\(path.isEmpty ? "the snapshot" : path): expected \(expected), got \(shown(value))",
            span: location.map(SourceSpan.init))
    }

    /// A value as a message shows it: `'fast'`, `12`, `a list`.
    static func shown(_ value: Value) -> String {
        switch value {
        case .string(let s): "'\(s.count > 40 ? String(s.prefix(40)) + "…" : s)'"
        case .int, .uint, .double, .bool: value.celSource
        case .null: "null"
        case .list: "a list"
        case .map: "a mapping"
        default: value.kindDescription
        }
    }

    static func number(_ d: Double) -> String {
        d.rounded() == d && abs(d) < 1e15 ? String(Int64(d)) : String(d)
    }
}
