import Readiness

extension JSONTreeEncoder {
    /// How the keys a type declares (its property names, or its `CodingKeys`) are written.
    ///
    /// The keys of a dictionary or of a snapshot map are data, not declared names: they are
    /// written as they are whatever the strategy (Foundation's `JSONEncoder` leaves dictionary
    /// keys alone too; it has no notion of a snapshot map).
    public enum KeyStrategy: Sendable, Hashable {
        /// As declared: SARIF's `ruleId`, `helpUri`.
        case asDeclared
        /// In snake case (`asOf` → `as_of`), as Foundation's `convertToSnakeCase` writes them:
        /// Readiness's own documents (`SnakeCaseKeys`, which also reads them back).
        case snakeCase

        /// The key written for a declared one.
        public func key(_ declared: String) -> String {
            switch self {
            case .asDeclared: declared
            case .snakeCase: SnakeCaseKeys.key(declared)
            }
        }
    }
}

/// A value whose object keys are data rather than declared names (a dictionary's keys, a
/// snapshot map's): the tree encoder writes them as they are, whatever its key strategy.
protocol DataKeyedEncodable {}

extension Dictionary: DataKeyedEncodable {}
