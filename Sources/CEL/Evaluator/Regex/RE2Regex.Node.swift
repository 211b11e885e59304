extension RE2Regex {
    /// The parsed form of a pattern; capture groups are dropped because a boolean match never reads them.
    indirect enum Node: Sendable, Equatable {
        /// Matches the empty string.
        case empty
        /// Matches exactly one scalar.
        case scalar(Unicode.Scalar)
        /// Matches one scalar in a set.
        case scalarSet(ScalarSet)
        /// Matches any one scalar, newline included.
        case anyScalar
        /// Matches any one scalar but `\n`.
        case anyScalarExceptNewline
        /// Matches the empty string where the assertion holds.
        case assertion(Assertion)
        /// Matches each node in turn.
        case concatenation([Node])
        /// Matches any one of the nodes.
        case alternation([Node])
        /// Matches the node between `min` and `max` times (`max == nil`: unbounded); `offset` locates the operator.
        case repetition(Node, min: Int, max: Int?, offset: Int)
    }
}
