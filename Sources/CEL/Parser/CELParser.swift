import StrictYAML

/// A recursive-descent parser for CEL's grammar, expanding macros as it goes.
///
/// It keeps going after a syntax error (skipping the offending token) so that one pass reports
/// several problems, as cel-go does, and it bounds nesting so that no input can overflow the
/// stack: deeper expressions get an error instead.
struct CELParser {
    typealias Problem = CELLexer.Problem

    private var tokens: [CELToken]
    private var index = 0
    private var nextID: ExprID = 1
    private var depth = 0
    private let maxDepth: Int
    private var depthReported = false
    private(set) var problems: [Problem] = []
    private static let maxProblems = 20

    /// Creates a parser over source text, lexing it first.
    init(_ source: String, maxDepth: Int) {
        var lexer = CELLexer(source)
        tokens = lexer.tokenize()
        problems = lexer.problems
        self.maxDepth = maxDepth
    }

    /// Parses a whole expression; check `problems` afterwards.
    mutating func parse() -> CELExpr {
        let expr = parseExpression()
        if current.kind != .endOfInput {
            report(CELDiagnostics.unexpectedToken(current.display, expected: "end of expression"), at: current.offset)
        }
        if problems.isEmpty, expr.height > maxDepth {
            report(CELDiagnostics.nestingTooDeep(limit: maxDepth), at: expr.offset)
        }
        return expr
    }

    // MARK: - Tokens

    private var current: CELToken { tokens[index] }

    private mutating func advance() {
        if index < tokens.count - 1 { index += 1 }
    }

    private mutating func accept(_ punctuation: String) -> Bool {
        if current.isPunctuation(punctuation) {
            advance()
            return true
        }
        return false
    }

    private mutating func expect(_ punctuation: String) {
        if !accept(punctuation) {
            report(CELDiagnostics.unexpectedToken(current.display, expected: "'\(punctuation)'"), at: current.offset)
        }
    }

    private mutating func report(_ message: String, at offset: Int) {
        // One problem per position is enough; cascades after recovery add nothing.
        if problems.contains(where: { $0.offset == offset }) { return }
        if problems.count < Self.maxProblems { problems.append(Problem(offset: offset, message: message)) }
    }

    private mutating func make(_ kind: CELExpr.Kind, at offset: Int) -> CELExpr {
        defer { nextID += 1 }
        return CELExpr(id: nextID, offset: offset, kind: kind)
    }

    private mutating func call(_ function: String, _ args: [CELExpr], at offset: Int) -> CELExpr {
        make(.call(target: nil, function: function, arguments: args), at: offset)
    }

    // MARK: - Grammar

    private mutating func parseExpression() -> CELExpr {
        depth += 1
        defer { depth -= 1 }
        if depth > maxDepth {
            if !depthReported {
                depthReported = true
                report(CELDiagnostics.nestingTooDeep(limit: maxDepth), at: current.offset)
            }
            // Skip the rest: nothing deeper can be parsed safely.
            while current.kind != .endOfInput { advance() }
            return make(.invalid, at: current.offset)
        }
        let start = current.offset
        let condition = parseOr()
        guard current.isPunctuation("?") else { return condition }
        advance()
        let whenTrue = parseOr()
        expect(":")
        let whenFalse = parseExpression()
        return make(.conditional(condition, whenTrue, whenFalse), at: start)
    }

    private mutating func parseOr() -> CELExpr {
        let start = current.offset
        var operands = [parseAnd()]
        while accept("||") { operands.append(parseAnd()) }
        return operands.count == 1 ? operands[0] : make(.or(operands), at: start)
    }

    private mutating func parseAnd() -> CELExpr {
        let start = current.offset
        var operands = [parseRelation()]
        while accept("&&") { operands.append(parseRelation()) }
        return operands.count == 1 ? operands[0] : make(.and(operands), at: start)
    }

    /// The functions of the binary operators, one table a precedence level.
    private static let relations: [String: String] = [
        "<": "_<_", "<=": "_<=_", ">": "_>_", ">=": "_>=_", "==": "_==_", "!=": "_!=_",
    ]
    private static let additions: [String: String] = ["+": "_+_", "-": "_-_"]
    private static let multiplications: [String: String] = ["*": "_*_", "/": "_/_", "%": "_%_"]

    /// One level of left-associative binary operators: operands parsed by `operand`, joined
    /// while the current token is one of `operators` (or, for relations, `in`). A chain longer
    /// than the depth limit is cut short with a diagnostic, since it folds into a tree that deep.
    private mutating func parseLeftAssociative(
        _ operators: [String: String], orIn allowsIn: Bool = false, operand: (inout CELParser) -> CELExpr
    ) -> CELExpr {
        var left = operand(&self)
        var chain = 0
        while true {
            let op: String
            if case .punctuation(let p) = current.kind, let name = operators[p] {
                op = name
            } else if allowsIn, current.kind == .in {
                op = "@in"
            } else {
                return left
            }
            let at = current.offset
            advance()
            chain += 1
            guard chain < maxDepth else {
                report(CELDiagnostics.nestingTooDeep(limit: maxDepth), at: at)
                return left
            }
            let right = operand(&self)
            left = call(op, [left, right], at: at)
        }
    }

    private mutating func parseRelation() -> CELExpr {
        parseLeftAssociative(Self.relations, orIn: true) { $0.parseAddition() }
    }

    private mutating func parseAddition() -> CELExpr {
        parseLeftAssociative(Self.additions) { $0.parseMultiplication() }
    }

    private mutating func parseMultiplication() -> CELExpr {
        parseLeftAssociative(Self.multiplications) { $0.parseUnary() }
    }

    private mutating func parseUnary() -> CELExpr {
        // Runs of `!` or `-` are read in a loop: they are common in generated text and must not
        // cost stack depth.
        var operators: [(String, Int)] = []
        while current.isPunctuation("!") || current.isPunctuation("-") {
            operators.append((current.isPunctuation("!") ? "!_" : "-_", current.offset))
            advance()
        }
        if operators.count > maxDepth {
            report(CELDiagnostics.nestingTooDeep(limit: maxDepth), at: operators[maxDepth].1)
            operators.removeLast(operators.count - maxDepth)
        }
        var operand: CELExpr
        // A negative number is one literal, so that -9223372036854775808 is in range.
        if let last = operators.last, last.0 == "-_", case .int(let text) = current.kind,
            !tokens[index + 1].isPunctuation(".") && !tokens[index + 1].isPunctuation("[")
        {
            operators.removeLast()
            operand = intLiteral("-" + text, at: last.1)
            advance()
            operand = parseMemberSuffix(operand)
        } else if let last = operators.last, last.0 == "-_", case .double(let text) = current.kind,
            !tokens[index + 1].isPunctuation(".") && !tokens[index + 1].isPunctuation("[")
        {
            operators.removeLast()
            operand = make(.literal(.double(-(Double(text) ?? .nan))), at: last.1)
            advance()
        } else {
            operand = parseMember()
        }
        for (op, at) in operators.reversed() {
            operand = call(op, [operand], at: at)
        }
        return operand
    }

    private mutating func intLiteral(_ text: String, at offset: Int) -> CELExpr {
        var digits = Substring(text)
        let negative = digits.hasPrefix("-")
        if negative { digits = digits.dropFirst() }
        let value: Int64?
        if digits.hasPrefix("0x") {
            value = Int64((negative ? "-" : "") + digits.dropFirst(2), radix: 16)
        } else {
            value = Int64(text)
        }
        guard let value else {
            report(CELDiagnostics.intOutOfRange(text), at: offset)
            return make(.invalid, at: offset)
        }
        return make(.literal(.int(value)), at: offset)
    }

    private mutating func parseMember() -> CELExpr {
        parseMemberSuffix(parsePrimary())
    }

    private mutating func parseMemberSuffix(_ primary: CELExpr) -> CELExpr {
        var expr = primary
        var chain = 0
        while true {
            chain += 1
            if chain > maxDepth {
                report(CELDiagnostics.nestingTooDeep(limit: maxDepth), at: current.offset)
                return expr
            }
            if current.isPunctuation(".") || current.isPunctuation(".?") {
                let isOptional = current.isPunctuation(".?")
                let dotOffset = current.offset
                advance()
                let nameToken = current
                let name: String
                switch nameToken.kind {
                case .identifier(let n), .reserved(let n): name = n
                case .quotedIdentifier(let n): name = n
                case .true: name = "true"
                case .false: name = "false"
                case .null: name = "null"
                case .in: name = "in"
                default:
                    report(CELDiagnostics.expectedFieldName(found: nameToken.display), at: nameToken.offset)
                    return expr
                }
                advance()
                if !isOptional, current.isPunctuation("("), case .quotedIdentifier = nameToken.kind {
                    report(CELDiagnostics.quotedIdentifierCall, at: nameToken.offset)
                }
                if !isOptional, current.isPunctuation("(") {
                    advance()
                    let args = parseArguments(closing: ")")
                    expr = receiverCall(expr, name, args, at: dotOffset)
                } else {
                    expr = make(
                        .select(operand: expr, field: name, isTest: false, isOptional: isOptional), at: dotOffset)
                }
            } else if current.isPunctuation("[") || current.isPunctuation("[?") {
                let isOptional = current.isPunctuation("[?")
                let at = current.offset
                advance()
                let index = parseExpression()
                expect("]")
                expr = make(.index(operand: expr, index: index, isOptional: isOptional), at: at)
            } else {
                return expr
            }
        }
    }

    private mutating func parseArguments(closing: String) -> [CELExpr] {
        var args: [CELExpr] = []
        parseItems(closedBy: closing) { parser in args.append(parser.parseExpression()) }
        return args
    }

    private mutating func skipTo(_ closing: String) {
        var nesting = 0
        while current.kind != .endOfInput {
            if current.isPunctuation("(") || current.isPunctuation("[") || current.isPunctuation("{")
                || current.isPunctuation("[?")
            {
                nesting += 1
            } else if current.isPunctuation(")") || current.isPunctuation("]") || current.isPunctuation("}") {
                if nesting == 0 {
                    if current.isPunctuation(closing) { advance() }
                    return
                }
                nesting -= 1
            }
            advance()
        }
    }

    private mutating func parsePrimary() -> CELExpr {
        if let literal = parseLiteral() { return literal }
        let token = current
        let start = token.offset
        switch token.kind {
        case .identifier(let name):
            advance()
            return parseIdentifier(name, at: start)
        case .punctuation("."):
            advance()
            return parseRootIdentifier(at: start)
        case .punctuation("("):
            advance()
            let inner = parseExpression()
            expect(")")
            return inner
        case .punctuation("["):
            advance()
            return parseList(at: start)
        case .punctuation("{"):
            advance()
            return parseMap(at: start)
        case .reserved(let word):
            advance()
            report(CELDiagnostics.reservedIdentifier(word), at: start)
            if current.isPunctuation("(") {
                advance()
                _ = parseArguments(closing: ")")
            }
            return make(.invalid, at: start)
        case .invalid:
            advance()
            return make(.invalid, at: start)
        case .endOfInput:
            report(CELDiagnostics.unexpectedEnd, at: start)
            return make(.invalid, at: start)
        default:
            report(CELDiagnostics.unexpectedToken(token.display, expected: "an expression"), at: start)
            advance()
            return make(.invalid, at: start)
        }
    }

    /// The current token as a literal expression, consumed; nil, consuming nothing, when it is
    /// not a literal.
    private mutating func parseLiteral() -> CELExpr? {
        let start = current.offset
        let value: Value
        switch current.kind {
        case .int(let text):
            advance()
            return intLiteral(text, at: start)
        case .uint(let text):
            advance()
            let parsed = text.hasPrefix("0x") ? UInt64(text.dropFirst(2), radix: 16) : UInt64(text)
            guard let parsed else {
                report(CELDiagnostics.uintOutOfRange(text), at: start)
                return make(.invalid, at: start)
            }
            value = .uint(parsed)
        case .double(let text):
            advance()
            guard let parsed = Double(text) else {
                report(CELDiagnostics.invalidDouble(text), at: start)
                return make(.invalid, at: start)
            }
            value = .double(parsed)
        case .string(let s):
            advance()
            value = .string(s)
        case .bytes(let b):
            advance()
            value = .bytes(b)
        case .true:
            advance()
            value = .bool(true)
        case .false:
            advance()
            value = .bool(false)
        case .null:
            advance()
            value = .null
        default:
            return nil
        }
        return make(.literal(value), at: start)
    }

    /// A name just read: a global call, a variable, or a message construction CEL does not support.
    private mutating func parseIdentifier(_ name: String, at start: Int) -> CELExpr {
        if let call = parseGlobalCall(name, at: start) { return call }
        if current.isPunctuation("{") {
            report(CELDiagnostics.messageConstructionUnsupported(name), at: current.offset)
            advance()
            skipTo("}")
            return make(.invalid, at: start)
        }
        return make(.identifier(name), at: start)
    }

    /// A name after a leading dot, which names the root scope: `.a.b`.
    private mutating func parseRootIdentifier(at start: Int) -> CELExpr {
        guard case .identifier(let name) = current.kind else {
            report(CELDiagnostics.expectedFieldName(found: current.display), at: current.offset)
            return make(.invalid, at: start)
        }
        advance()
        return parseGlobalCall(name, at: start) ?? make(.identifier(name), at: start)
    }

    /// The call `name(…)` when an opening parenthesis follows the name just read; nil otherwise.
    private mutating func parseGlobalCall(_ name: String, at start: Int) -> CELExpr? {
        guard current.isPunctuation("(") else { return nil }
        advance()
        let args = parseArguments(closing: ")")
        return globalCall(name, args, at: start)
    }

    private mutating func parseList(at start: Int) -> CELExpr {
        var elements: [CELExpr] = []
        var optionalIndices: [Int] = []
        parseItems(closedBy: "]") { parser in
            if parser.accept("?") { optionalIndices.append(elements.count) }
            elements.append(parser.parseExpression())
        }
        return make(.list(elements: elements, optionalIndices: optionalIndices), at: start)
    }

    private mutating func parseMap(at start: Int) -> CELExpr {
        var entries: [CELExpr.MapEntry] = []
        parseItems(closedBy: "}") { parser in
            let isOptional = parser.accept("?")
            let key = parser.parseExpression()
            parser.expect(":")
            let value = parser.parseExpression()
            entries.append(CELExpr.MapEntry(key: key, value: value, isOptional: isOptional))
        }
        return make(.map(entries: entries), at: start)
    }

    /// Parses comma-separated items (arguments, list elements, map entries), whose opening
    /// bracket is read, through the closing one; a trailing comma is allowed.
    private mutating func parseItems(closedBy close: String, _ parseItem: (inout CELParser) -> Void) {
        if accept(close) { return }
        while true {
            parseItem(&self)
            if accept(",") {
                if accept(close) { break }
                continue
            }
            if !accept(close) {
                report(
                    CELDiagnostics.unexpectedToken(current.display, expected: "',' or '\(close)'"), at: current.offset)
                skipTo(close)
            }
            break
        }
    }

    // MARK: - Macros

    private mutating func globalCall(_ name: String, _ args: [CELExpr], at offset: Int) -> CELExpr {
        guard name == "has" else { return call(name, args, at: offset) }
        guard args.count == 1, case .select(let operand, let field, false, false) = args[0].kind else {
            report(CELDiagnostics.invalidHasArgument, at: args.first?.offset ?? offset)
            return make(.invalid, at: offset)
        }
        return make(.select(operand: operand, field: field, isTest: true, isOptional: false), at: offset)
    }

    private mutating func receiverCall(_ target: CELExpr, _ name: String, _ args: [CELExpr], at offset: Int) -> CELExpr
    {
        let macro: CELExpr.Macro
        switch (name, args.count) {
        case ("all", 2): macro = .all
        case ("exists", 2): macro = .exists
        case ("exists_one", 2), ("existsOne", 2): macro = .existsOne
        case ("map", 2), ("map", 3): macro = .map
        case ("filter", 2): macro = .filter
        case ("all", _), ("exists", _), ("exists_one", _), ("filter", _), ("map", _):
            report(CELDiagnostics.macroArity(name, count: args.count), at: offset)
            return make(.invalid, at: offset)
        default:
            return make(.call(target: target, function: name, arguments: args), at: offset)
        }
        guard case .identifier(let variable) = args[0].kind else {
            report(CELDiagnostics.macroVariable(name), at: args[0].offset)
            return make(.invalid, at: offset)
        }
        var comprehension = CELExpr.Comprehension(macro: macro, range: target, variable: variable)
        if macro == .map {
            if args.count == 3 {
                comprehension.predicate = args[1]
                comprehension.transform = args[2]
            } else {
                comprehension.transform = args[1]
            }
        } else {
            comprehension.predicate = args[1]
        }
        return make(.comprehension(comprehension), at: offset)
    }
}
