extension RE2Regex {
    /// Parses RE2 syntax into a ``Node`` with an explicit stack of open groups, so nesting cannot overflow the call stack.
    struct Parser {
        /// The largest count `{n,m}` accepts, as in RE2.
        static let maxRepeatCount = 1000

        /// The deepest group nesting accepted, as in RE2.
        static let maxNestingDepth = 1000

        /// The flags `(?imsU)` in force.
        private struct Flags {
            var isCaseInsensitive = false
            var dotMatchesNewline = false
            var isMultiline = false
            var isUngreedy = false
        }

        /// A group being parsed: its finished alternatives and the sequence after the last `|`.
        private struct Frame {
            var flags: Flags
            let openingOffset: Int
            var alternatives: [Node] = []
            var sequence: [Node] = []
            /// For each node of `sequence`, the product of the counts of its nested `{n,m}` repetitions.
            var sequenceWeights: [Int] = []
            var alternativesWeight = 1

            /// The largest product of nested repetition counts within the group.
            var weight: Int { max(alternativesWeight, sequenceWeights.max() ?? 1) }

            mutating func finishAlternative() {
                alternatives.append(Parser.concatenation(of: sequence))
                alternativesWeight = weight
                sequence = []
                sequenceWeights = []
            }

            func makeNode() -> Node {
                let all = alternatives + [Parser.concatenation(of: sequence)]
                return all.count == 1 ? all[0] : .alternation(all)
            }
        }

        /// What a backslash escape denotes.
        private enum Escape {
            case scalar(Unicode.Scalar)
            case item(ScalarSet.Item)
            case assertion(Assertion)
            case quoted([Unicode.Scalar])
        }

        private let scalars: [Unicode.Scalar]
        private var position = 0
        private var frames: [Frame]
        private var groupNames: Set<String> = []

        init(_ scalars: [Unicode.Scalar]) {
            self.scalars = scalars
            frames = [Frame(flags: Flags(), openingOffset: 0)]
        }

        /// Parses the whole pattern.
        mutating func parse() throws(CompileError) -> Node {
            var previousRepetition: Int?
            while position < scalars.count {
                let start = position
                var isRepetition = false
                switch scalars[position] {
                case "(":
                    try openGroup()
                case ")":
                    try closeGroup()
                case "|":
                    frames[frames.count - 1].finishAlternative()
                    position += 1
                case "^":
                    append(.assertion(flags.isMultiline ? .beginningOfLine : .beginningOfText))
                    position += 1
                case "$":
                    append(.assertion(flags.isMultiline ? .endOfLine : .endOfText))
                    position += 1
                case ".":
                    append(flags.dotMatchesNewline ? .anyScalar : .anyScalarExceptNewline)
                    position += 1
                case "[":
                    append(try parseBracketClass())
                case "*", "+", "?":
                    let bounds: (Int, Int?) =
                        switch scalars[position] {
                        case "*": (0, nil)
                        case "+": (1, nil)
                        default: (0, 1)
                        }
                    position += 1
                    try applyRepetition(
                        min: bounds.0, max: bounds.1, isCounted: false, start: start, previous: previousRepetition)
                    isRepetition = true
                case "{":
                    if let bounds = try parseRepeatCount() {
                        try applyRepetition(
                            min: bounds.min, max: bounds.max, isCounted: true, start: start,
                            previous: previousRepetition)
                        isRepetition = true
                    } else {
                        appendLiteral("{")
                        position += 1
                    }
                case "\\":
                    switch try parseEscape(inBracketClass: false) {
                    case .scalar(let scalar): appendLiteral(scalar)
                    case .item(let item):
                        append(.scalarSet(ScalarSet(item, foldingCase: flags.isCaseInsensitive)))
                    case .assertion(let assertion): append(.assertion(assertion))
                    case .quoted(let literal):
                        for scalar in literal {
                            appendLiteral(scalar)
                        }
                    }
                case let scalar:
                    appendLiteral(scalar)
                    position += 1
                }
                previousRepetition = isRepetition ? start : nil
            }
            if frames.count > 1 {
                throw CompileError(.missingClosingParenthesis, at: frames[frames.count - 1].openingOffset)
            }
            return frames[0].makeNode()
        }

        // MARK: - Sequences

        private var flags: Flags {
            get { frames[frames.count - 1].flags }
            set { frames[frames.count - 1].flags = newValue }
        }

        private mutating func append(_ node: Node, weight: Int = 1) {
            frames[frames.count - 1].sequence.append(node)
            frames[frames.count - 1].sequenceWeights.append(weight)
        }

        private mutating func appendLiteral(_ scalar: Unicode.Scalar) {
            guard flags.isCaseInsensitive else {
                append(.scalar(scalar))
                return
            }
            let variants = CaseFolding.variants(of: scalar.value)
            append(variants.count == 1 ? .scalar(scalar) : .scalarSet(ScalarSet(values: variants)))
        }

        private static func concatenation(of nodes: [Node]) -> Node {
            switch nodes.count {
            case 0: .empty
            case 1: nodes[0]
            default: .concatenation(nodes)
            }
        }

        private func text(_ range: Range<Int>) -> String {
            var result = ""
            result.unicodeScalars.append(contentsOf: scalars[range.clamped(to: 0..<scalars.count)])
            return result
        }

        // MARK: - Repetition

        /// Wraps the last node of the sequence; `position` is just past the operator.
        ///
        /// Like RE2, rejects counted repetitions whose nested counts multiply past ``maxRepeatCount``,
        /// such as `(?:a{100}){100}`.
        private mutating func applyRepetition(min: Int, max: Int?, isCounted: Bool, start: Int, previous: Int?)
            throws(CompileError)
        {
            if let previous {
                if scalars[start] == "+" {
                    throw CompileError(.possessiveNotSupported(text(previous..<position)), at: start)
                }
                throw CompileError(.invalidNestedRepetition(text(previous..<position)), at: start)
            }
            if position < scalars.count, scalars[position] == "?" {
                position += 1  // Laziness cannot change whether there is a match.
            }
            guard let operand = frames[frames.count - 1].sequence.popLast(),
                var weight = frames[frames.count - 1].sequenceWeights.popLast()
            else {
                throw CompileError(.missingRepetitionArgument(text(start..<position)), at: start)
            }
            if isCounted {
                let count = max ?? min
                weight = count == 0 ? 1 : weight * count
                if Swift.max(min, max ?? 0) >= 2, weight > Self.maxRepeatCount {
                    throw CompileError(.nestedRepeatCountTooLarge(text(start..<position)), at: start)
                }
            }
            append(.repetition(operand, min: min, max: max, offset: start), weight: weight)
        }

        /// Parses `{n}`, `{n,}` or `{n,m}` at `position`; `nil`, consuming nothing, when it is a literal `{`.
        private mutating func parseRepeatCount() throws(CompileError) -> (min: Int, max: Int?)? {
            let start = position
            var index = position + 1
            var hasLeadingZero = false
            func number() -> Int? {
                var value: Int?
                while index < scalars.count, ("0"..."9").contains(scalars[index]) {
                    hasLeadingZero = hasLeadingZero || value == 0
                    value = Swift.min((value ?? 0) * 10 + Int(scalars[index].value - 0x30), 100_000)
                    index += 1
                }
                return value
            }
            guard let minimum = number() else { return nil }
            var maximum: Int? = minimum
            if index < scalars.count, scalars[index] == "," {
                index += 1
                maximum = number()
            }
            // RE2 reads `{01}`, with a leading zero, as literal text.
            guard index < scalars.count, scalars[index] == "}", !hasLeadingZero else { return nil }
            position = index + 1
            let written = text(start..<position)
            if minimum > Self.maxRepeatCount || (maximum ?? 0) > Self.maxRepeatCount {
                throw CompileError(.repeatCountTooLarge(written), at: start)
            }
            if let maximum, maximum < minimum {
                throw CompileError(.invalidRepeatCount(written), at: start)
            }
            return (minimum, maximum)
        }

        // MARK: - Groups

        private mutating func openGroup() throws(CompileError) {
            let start = position
            guard position + 1 < scalars.count, scalars[position + 1] == "?" else {
                try pushFrame(flags: flags, at: start)
                position += 1
                return
            }
            let rest = scalars[(position + 2)...]
            func startsWith(_ prefix: String) -> Bool {
                rest.starts(with: prefix.unicodeScalars)
            }
            if startsWith("=") || startsWith("!") {
                throw CompileError(.lookaroundNotSupported(text(start..<start + 3)), at: start)
            }
            if startsWith("<=") || startsWith("<!") {
                throw CompileError(.lookaroundNotSupported(text(start..<start + 4)), at: start)
            }
            if startsWith("P=") {
                throw CompileError(.backreferenceNotSupported(text(start..<start + 4)), at: start)
            }
            if startsWith(">") {
                throw CompileError(.atomicGroupNotSupported, at: start)
            }
            if startsWith("P<") || startsWith("<") {
                try openNamedGroup(nameStart: position + (startsWith("P<") ? 4 : 3))
                return
            }
            if startsWith(":") {
                try pushFrame(flags: flags, at: start)
                position += 3
                return
            }
            try parseFlags()
        }

        private mutating func openNamedGroup(nameStart: Int) throws(CompileError) {
            let start = position
            var index = nameStart
            while index < scalars.count, scalars[index] != ">" {
                index += 1
            }
            guard index < scalars.count else {
                throw CompileError(.invalidGroupName(text(start..<index)), at: start)
            }
            let name = text(nameStart..<index)
            // As in RE2: letters, marks, decimal digits and connector punctuation such as `_`.
            let isWord = name.unicodeScalars.allSatisfy {
                switch $0.properties.generalCategory {
                case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                    .nonspacingMark, .spacingMark, .decimalNumber, .connectorPunctuation:
                    true
                default:
                    false
                }
            }
            guard !name.isEmpty, isWord else {
                throw CompileError(.invalidGroupName(text(start..<index + 1)), at: start)
            }
            guard groupNames.insert(name).inserted else {
                throw CompileError(.duplicateGroupName(name), at: start)
            }
            try pushFrame(flags: flags, at: start)
            position = index + 1
        }

        /// Parses `(?flags)`, which changes the current group, or `(?flags:`, which opens a group.
        private mutating func parseFlags() throws(CompileError) {
            let start = position
            var index = position + 2
            var newFlags = flags
            var isNegating = false
            var hasFlag = false
            while index < scalars.count {
                let scalar = scalars[index]
                switch scalar {
                case "i": newFlags.isCaseInsensitive = !isNegating
                case "m": newFlags.isMultiline = !isNegating
                case "s": newFlags.dotMatchesNewline = !isNegating
                case "U": newFlags.isUngreedy = !isNegating
                case "-":
                    guard !isNegating else {
                        throw CompileError(.unsupportedGroupSyntax(text(start..<index + 1)), at: start)
                    }
                    isNegating = true
                    hasFlag = false
                    index += 1
                    continue
                case ")", ":":
                    // RE2 accepts `(?)` but rejects `(?-)` and `(?i-)`: a minus needs a flag after it.
                    guard hasFlag || !isNegating else {
                        throw CompileError(.unsupportedGroupSyntax(text(start..<index + 1)), at: start)
                    }
                    position = index + 1
                    if scalar == ")" {
                        flags = newFlags
                    } else {
                        try pushFrame(flags: newFlags, at: start)
                    }
                    return
                default:
                    throw CompileError(.unsupportedGroupSyntax(text(start..<index + 1)), at: start)
                }
                hasFlag = true
                index += 1
            }
            throw CompileError(.missingClosingParenthesis, at: start)
        }

        private mutating func pushFrame(flags: Flags, at offset: Int) throws(CompileError) {
            guard frames.count <= Self.maxNestingDepth else {
                throw CompileError(.nestingTooDeep(limit: Self.maxNestingDepth), at: offset)
            }
            frames.append(Frame(flags: flags, openingOffset: offset))
        }

        private mutating func closeGroup() throws(CompileError) {
            guard frames.count > 1, let frame = frames.popLast() else {
                throw CompileError(.unexpectedClosingParenthesis, at: position)
            }
            append(frame.makeNode(), weight: frame.weight)
            position += 1
        }

        // MARK: - Bracket classes

        /// Parses `[...]` or `[^...]` at `position`.
        private mutating func parseBracketClass() throws(CompileError) -> Node {
            let start = position
            position += 1
            let isFoldingCase = flags.isCaseInsensitive
            var set = ScalarSet()
            if position < scalars.count, scalars[position] == "^" {
                set.isNegated = true
                position += 1
            }
            var isFirst = true
            while true {
                guard position < scalars.count else { throw CompileError(.missingClosingBracket, at: start) }
                let itemStart = position
                let scalar = scalars[position]
                if scalar == "]", !isFirst {
                    position += 1
                    break
                }
                isFirst = false
                if scalar == "[", position + 1 < scalars.count, scalars[position + 1] == ":",
                    let posix = try parsePOSIXClass()
                {
                    set.insert(posix, foldingCase: isFoldingCase)
                    continue
                }
                let low: Unicode.Scalar
                switch try parseClassAtom() {
                case .item(let item):
                    set.insert(item, foldingCase: isFoldingCase)
                    continue
                case .scalar(let atom):
                    low = atom
                }
                guard position + 1 < scalars.count, scalars[position] == "-", scalars[position + 1] != "]"
                else {
                    set.insert(low.value...low.value, foldingCase: isFoldingCase)
                    continue
                }
                position += 1
                guard case .scalar(let high) = try parseClassAtom(), high >= low else {
                    throw CompileError(.invalidCharacterClassRange(text(itemStart..<position)), at: itemStart)
                }
                set.insert(low.value...high.value, foldingCase: isFoldingCase)
            }
            set.normalize()
            return .scalarSet(set)
        }

        private enum ClassAtom {
            case scalar(Unicode.Scalar)
            case item(ScalarSet.Item)
        }

        private mutating func parseClassAtom() throws(CompileError) -> ClassAtom {
            guard position < scalars.count else { throw CompileError(.missingClosingBracket, at: position) }
            guard scalars[position] == "\\" else {
                position += 1
                return .scalar(scalars[position - 1])
            }
            let start = position
            switch try parseEscape(inBracketClass: true) {
            case .scalar(let scalar): return .scalar(scalar)
            case .item(let item): return .item(item)
            case .assertion, .quoted: throw CompileError(.invalidEscape(text(start..<position)), at: start)
            }
        }

        /// Parses `[:name:]` or `[:^name:]`; `nil`, consuming nothing, when no `:]` closes it.
        private mutating func parsePOSIXClass() throws(CompileError) -> ScalarSet.Item? {
            let start = position
            var index = position + 2
            while index + 1 < scalars.count, !(scalars[index] == ":" && scalars[index + 1] == "]") {
                index += 1
            }
            guard index + 1 < scalars.count else { return nil }
            var name = text(start + 2..<index)
            let isNegated = name.hasPrefix("^")
            if isNegated { name.removeFirst() }
            guard var item = UnicodeTables.posixClass(named: name) else {
                throw CompileError(.unknownPOSIXClass(text(start..<index + 2)), at: start)
            }
            position = index + 2
            item.isNegated = isNegated
            return item
        }

        // MARK: - Escapes

        /// Parses the escape at `position`, which holds a backslash.
        private mutating func parseEscape(inBracketClass: Bool) throws(CompileError) -> Escape {
            let start = position
            guard position + 1 < scalars.count else { throw CompileError(.trailingBackslash, at: start) }
            let letter = scalars[position + 1]
            position += 2
            func invalid() -> CompileError { CompileError(.invalidEscape(text(start..<position)), at: start) }

            if let control = letter.controlEscapeValue { return .scalar(control) }
            switch letter {
            case "d", "s", "w", "D", "S", "W":
                let lower = Unicode.Scalar(UInt8(letter.value | 0x20))
                guard var item = UnicodeTables.perlClass(lower) else { throw invalid() }
                item.isNegated = letter != lower
                return .item(item)
            case "p", "P":
                return .item(try parseUnicodeClass(isNegated: letter == "P", start: start))
            case "x":
                return .scalar(try parseHexEscape(start: start))
            case "0"..."7":
                // One digit 1-7 alone is a backreference; otherwise up to three octal digits.
                if letter != "0", !(position < scalars.count && ("0"..."7").contains(scalars[position])) {
                    throw CompileError(.backreferenceNotSupported(text(start..<position)), at: start)
                }
                var value = letter.value - 0x30
                var digits = 1
                while digits < 3, position < scalars.count, ("0"..."7").contains(scalars[position]) {
                    value = value * 8 + scalars[position].value - 0x30
                    position += 1
                    digits += 1
                }
                guard let scalar = Unicode.Scalar(value) else { throw invalid() }
                return .scalar(scalar)
            case "8", "9":
                throw CompileError(.backreferenceNotSupported(text(start..<position)), at: start)
            case "A" where !inBracketClass: return .assertion(.beginningOfText)
            case "z" where !inBracketClass: return .assertion(.endOfText)
            case "b" where !inBracketClass: return .assertion(.wordBoundary)
            case "B" where !inBracketClass: return .assertion(.notWordBoundary)
            case "Q" where !inBracketClass:
                var literal: [Unicode.Scalar] = []
                while position < scalars.count {
                    if scalars[position] == "\\", position + 1 < scalars.count, scalars[position + 1] == "E" {
                        position += 2
                        break
                    }
                    literal.append(scalars[position])
                    position += 1
                }
                return .quoted(literal)
            default:
                // Any ASCII punctuation, `_` included, escapes itself; letters are reserved.
                guard letter.isASCII, !letter.properties.isAlphabetic else { throw invalid() }
                return .scalar(letter)
            }
        }

        /// Parses the rest of `\x41` or `\x{263a}`; `position` is just past the `x`.
        private mutating func parseHexEscape(start: Int) throws(CompileError) -> Unicode.Scalar {
            func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
                switch scalar {
                case "0"..."9": scalar.value - 0x30
                case "a"..."f": scalar.value - 0x61 + 10
                case "A"..."F": scalar.value - 0x41 + 10
                default: nil
                }
            }
            var value: UInt32 = 0
            if position < scalars.count, scalars[position] == "{" {
                position += 1
                var digits = 0
                while position < scalars.count, let digit = hexValue(scalars[position]) {
                    value = Swift.min(value * 16 + digit, 0x11_0000)
                    digits += 1
                    position += 1
                }
                guard digits > 0, position < scalars.count, scalars[position] == "}" else {
                    throw CompileError(.invalidEscape(text(start..<Swift.min(position + 1, scalars.count))), at: start)
                }
                position += 1
            } else {
                for _ in 0..<2 {
                    guard position < scalars.count, let digit = hexValue(scalars[position]) else {
                        throw CompileError(.invalidEscape(text(start..<Swift.min(position + 1, scalars.count))), at: start)
                    }
                    value = value * 16 + digit
                    position += 1
                }
            }
            guard let scalar = Unicode.Scalar(value) else {
                throw CompileError(.invalidEscape(text(start..<position)), at: start)
            }
            return scalar
        }

        /// Parses the rest of `\pL`, `\p{Greek}` or `\p{^Lu}`; `position` is just past the `p` or `P`.
        private mutating func parseUnicodeClass(isNegated: Bool, start: Int) throws(CompileError)
            -> ScalarSet.Item
        {
            guard position < scalars.count else {
                throw CompileError(.invalidEscape(text(start..<position)), at: start)
            }
            var name: String
            if scalars[position] == "{" {
                var index = position + 1
                while index < scalars.count, scalars[index] != "}" {
                    index += 1
                }
                guard index < scalars.count else {
                    throw CompileError(.invalidEscape(text(start..<index)), at: start)
                }
                name = text(position + 1..<index)
                position = index + 1
            } else {
                name = text(position..<position + 1)
                position += 1
            }
            var negates = isNegated
            if name.hasPrefix("^") {
                negates.toggle()
                name.removeFirst()
            }
            guard var item = UnicodeTables.unicodeClass(named: name) else {
                throw CompileError(.unknownUnicodeClass(text(start..<position)), at: start)
            }
            item.isNegated = negates
            return item
        }
    }
}
