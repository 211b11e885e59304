public import Foundation

/// How Readiness's JSON documents spell the keys types declare: in snake case (`asOf` is
/// `as_of`), as Foundation's `JSONEncoder.KeyEncodingStrategy.convertToSnakeCase` writes them.
/// The reporters write them so (`JSONTreeEncoder(keys: .snakeCase)`); `decoder()` reads them
/// back, which gives the declared name again as long as its snake form does (`sha256`,
/// `followOnStart`; not `ruleID`, which reads back as `ruleId`).
public enum SnakeCaseKeys {
    /// `declared` in snake case, by Foundation's rule: a word ends before a capital (`asOf`
    /// → `as`, `of`), and a run of capitals is a word of its own up to the capital that starts
    /// the next word (`myURLValue` → `my`, `url`, `value`). The first character never starts a
    /// word, underscores stay where they are (`_oneTwo_` → `_one_two_`), and digits are neither
    /// capital nor lowercase (`x9Y9z` → `x9_y_9z`, as Foundation writes it). Capitals are
    /// Unicode's upper- and titlecase letters.
    public static func key(_ declared: String) -> String {
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

    /// A decoder for the documents: `convertFromSnakeCase`.
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }

    /// A coding path as the document spells it (`waivers.applied.Index 0.approved_by`), for
    /// messages about what a document lacks.
    public static func path(_ codingPath: [any CodingKey]) -> String {
        codingPath.map { $0.intValue == nil ? key($0.stringValue) : $0.stringValue }.joined(separator: ".")
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
