public import StrictYAML

/// The outcome of one evaluation: a value, or an error (including a missing fact).
public enum CELResult: Sendable, Equatable {
    /// The expression evaluated to this value.
    case value(Value)
    /// The evaluation failed; a missing fact is one kind of failure.
    case error(CELEvaluationError)
}

extension CELResult {
    /// The value, or the evaluation's error thrown, as `Result.get()` does.
    public func get() throws(CELEvaluationError) -> Value {
        switch self {
        case .value(let v): return v
        case .error(let e): throw e
        }
    }

    /// The value, when evaluation succeeded.
    public var value: Value? { try? get() }

    /// The error, when evaluation failed.
    public var error: CELEvaluationError? {
        guard case .error(let e) = self else { return nil }
        return e
    }
}
