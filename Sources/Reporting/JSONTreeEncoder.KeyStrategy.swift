extension JSONTreeEncoder {
    /// How the keys a type declares (its property names, or its `CodingKeys`) are written.
    ///
    /// The keys of a dictionary or of a snapshot map are data, not declared names: they are
    /// written as they are whatever the strategy, as Foundation's `JSONEncoder` does.
    public enum KeyStrategy: Sendable, Hashable {
        /// As declared: SARIF's `ruleId`, `helpUri`.
        case asDeclared
        /// In snake case, as Foundation's `JSONEncoder.KeyEncodingStrategy.convertToSnakeCase`
        /// writes them (`asOf` → `as_of`): Readiness's own documents. They read back with
        /// `JSONDecoder.KeyDecodingStrategy.convertFromSnakeCase`, as long as the snake form of
        /// a name gives the name again (`sha256`, `followOnStart`; not `ruleID`).
        case snakeCase

        /// The key written for a declared one.
        public func key(_ declared: String) -> String {
            switch self {
            case .asDeclared: declared
            case .snakeCase: Self.snakeCased(declared)
            }
        }

        /// `declared` in snake case, by Foundation's rule: a word ends before a capital (`asOf`
        /// → `as`, `of`), and a run of capitals is a word of its own up to the capital that
        /// starts the next word (`myURLValue` → `my`, `url`, `value`). The first character never
        /// starts a word, underscores stay where they are (`_oneTwo_` → `_one_two_`), and digits
        /// are neither capital nor lowercase (`x9Y9z` → `x9_y_9z`, as Foundation writes it).
        /// Capitals are Unicode's upper- and titlecase letters.
        static func snakeCased(_ declared: String) -> String {
            // Most keys are plain lowercase ASCII already.
            if declared.utf8.allSatisfy({ $0 < 0x80 && !(UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }) {
                return declared
            }
            let scalars = Array(declared.unicodeScalars)
            var snake = String.UnicodeScalarView()
            var done = 0
            func endWord(at end: Int) {
                snake.append(contentsOf: scalars[done..<end])
                snake.append("_")
                done = end
            }
            var next = 1
            while next < scalars.count, let capital = scalars[next...].firstIndex(where: isCapital) {
                endWord(at: capital)
                guard let lower = scalars[capital...].firstIndex(where: isLowercase) else { break }
                // Capitals up to the one before the lowercase letter: an acronym.
                if lower - 1 != capital { endWord(at: lower - 1) }
                next = lower + 1
            }
            snake.append(contentsOf: scalars[done...])
            return String(snake).lowercased()
        }

        private static func isCapital(_ scalar: Unicode.Scalar) -> Bool {
            if scalar.isASCII { return ("A"..."Z").contains(scalar) }
            let category = scalar.properties.generalCategory
            return category == .uppercaseLetter || category == .titlecaseLetter
        }

        private static func isLowercase(_ scalar: Unicode.Scalar) -> Bool {
            if scalar.isASCII { return ("a"..."z").contains(scalar) }
            return scalar.properties.generalCategory == .lowercaseLetter
        }
    }
}

/// A value whose object keys are data rather than declared names (a dictionary's keys, a
/// snapshot map's): the tree encoder writes them as they are, whatever its key strategy.
protocol DataKeyedEncodable {}

extension Dictionary: DataKeyedEncodable {}
