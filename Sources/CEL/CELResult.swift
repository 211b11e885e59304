public import StrictYAML

/// The outcome of one evaluation: a value, or an error (including a missing fact).
public enum CELResult: Sendable, Equatable {
    /// The expression evaluated to this value.
    case value(Value)
    /// The evaluation failed; a missing fact is one kind of failure.
    case error(CELEvaluationError)

    /// The value, when evaluation succeeded.
    public var value: Value? {
        if case .value(let v) = self { return v }
        return nil
    }

    /// The error, when evaluation failed.
    public var error: CELEvaluationError? {
        if case .error(let e) = self { return e }
        return nil
    }
}
