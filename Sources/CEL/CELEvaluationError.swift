public import SourceDiagnostics
import StrictYAML

/// Why an expression's evaluation failed, and where.
public struct CELEvaluationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure.
    public enum Kind: Sendable, Hashable {
        /// A map key, field or variable the expression needs is absent; `path` names the fact,
        /// such as `network.sites[3].latency_ms`.
        case missingFact(path: String)
        /// No overload of the function or operator accepts these argument types.
        case noMatchingOverload
        /// Integer division by zero.
        case divisionByZero
        /// Integer modulo by zero.
        case moduloByZero
        /// Integer arithmetic overflowed int64 or uint64.
        case overflow
        /// A conversion or timestamp/duration result fell outside its type's range.
        case outOfRange
        /// A list index outside the list.
        case indexOutOfBounds
        /// An argument with the right type but an unusable value (bad timestamp text, bad map key…).
        case invalidArgument
        /// The evaluation ran out of its step budget.
        case costLimitExceeded
        /// A regular expression ran out of its step budget.
        case regexTimeout
    }

    /// The kind of failure.
    public var kind: Kind
    /// What went wrong, lowercase.
    public var message: String
    /// Offset of the failing node in the expression, in Unicode scalars; -1 when unknown.
    public var offset: Int
    /// The failing node's line and column inside the expression (1-based); `.unknown` when unknown.
    public var position: SourcePosition
    /// The failing node's location in its file, when the expression was compiled with an origin.
    public var location: SourceLocation?
    /// For a missing fact, where the map that lacks the key starts in the snapshot (when the map
    /// came from a file), so a finding can point at `snapshot.yaml:41:5`.
    public var containerPosition: SourcePosition?

    /// Creates an error; the evaluator fills in the position.
    public init(_ kind: Kind, _ message: String, offset: Int = -1) {
        self.kind = kind
        self.message = message
        self.offset = offset
        self.position = .unknown
        self.location = nil
        self.containerPosition = nil
    }

    /// The path of a missing fact, when this is one.
    public var missingFactPath: String? {
        if case .missingFact(let path) = kind { return path }
        return nil
    }

    /// `location: message`, or `column N: message` without an origin.
    public var description: String {
        if let location { return "\(location): \(message)" }
        if position.isKnown { return "\(position): \(message)" }
        return message
    }

    /// The error as a diagnostic, for reports.
    public func diagnostic(code: String = "cel.evaluation") -> Diagnostic {
        Diagnostic(severity: .error, code: code, message: message, span: location.map(SourceSpan.init))
    }

    static func missingFact(_ path: String, in map: ValueMap, at offset: Int) -> CELEvaluationError {
        var error = CELEvaluationError(.missingFact(path: path), "missing fact: \(path)", offset: offset)
        error.containerPosition = map.position.isKnown ? map.position : nil
        return error
    }

    static func noOverload(_ function: String, _ args: Value...) -> CELEvaluationError {
        let types = args.map { $0.type.name }.joined(separator: ", ")
        return CELEvaluationError(.noMatchingOverload, "no matching overload for '\(function)' applied to (\(types))")
    }

    static func overflow(_ op: String) -> CELEvaluationError {
        CELEvaluationError(.overflow, "integer overflow in '\(op)'")
    }

    static func range(_ what: String) -> CELEvaluationError {
        CELEvaluationError(.outOfRange, "\(what) out of range")
    }

    static func invalid(_ message: String) -> CELEvaluationError {
        CELEvaluationError(.invalidArgument, message)
    }

    /// A string that does not spell a value of `type` (`int('12a')`).
    static func cannotConvert(_ text: String, to type: String) -> CELEvaluationError {
        invalid("cannot convert '\(excerpt(text))' to \(type)")
    }

    /// Text from the data as a message quotes it: at most 100 characters, so that an error
    /// about a long string neither copies it nor takes time in proportion to it.
    static func excerpt(_ text: String) -> String {
        guard text.utf8.count > 100 else { return text }
        let kept = text.prefix(100)
        return kept.endIndex < text.endIndex ? kept + "…" : text
    }
}
