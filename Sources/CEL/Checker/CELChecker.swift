import SourceDiagnostics
import StrictYAML

/// Checks a parsed expression before it is compiled, as cel-go's `checker` does: every call
/// must name a known function with an accepted number of arguments, and constant regular
/// expressions must compile. It also collects the member chains the expression reads from
/// free identifiers (`training.completion_pct`), which the rules engine uses to explain
/// which facts a rule depends on.
///
/// CEL here is dynamically typed over the loader's values, so the checker does not infer types.
struct CELChecker {
    /// A problem found while checking, at an offset of the expression.
    struct Problem: Sendable {
        var code: String
        var message: String
        var offset: Int
        var notes: [String] = []
        /// Whether the problem is certain to fail (an error) or only suspicious (a warning:
        /// a fact the schema does not declare may still be in a custom snapshot); the syntax
        /// checker reports errors only.
        var isError = true
    }

    let locals: Set<String>
    let allowsUnknownFunctions: Bool
    let regexLimits: RE2Regex.Limits
    private var scope: [String] = []
    private(set) var problems: [Problem] = []
    private(set) var referencedPaths: [[String]] = []
    /// The member chains rooted at the program's own locals (a `for_each` variable), such as
    /// `["site", "wan_mbps"]`.
    private(set) var localPaths: [[String]] = []
    /// The string literals, in source order, without repeats.
    private(set) var stringLiterals: [String] = []

    init(locals: [String], allowsUnknownFunctions: Bool, regexLimits: RE2Regex.Limits) {
        self.locals = Set(locals)
        self.allowsUnknownFunctions = allowsUnknownFunctions
        self.regexLimits = regexLimits
    }

    private func isBound(_ name: String) -> Bool {
        scope.contains(name) || locals.contains(name)
    }

    /// Whether the expression is a chain of identifiers and plain selections rooted at a free name.
    private func isFreeChain(_ expr: CELExpr) -> Bool {
        switch expr.kind {
        case .identifier(let name): return !isBound(name)
        case .select(let operand, _, false, false): return isFreeChain(operand)
        default: return false
        }
    }

    /// Whether the expression is such a chain rooted at one of the program's locals (not a
    /// comprehension variable).
    private func isLocalChain(_ expr: CELExpr) -> Bool {
        switch expr.kind {
        case .identifier(let name): return locals.contains(name) && !scope.contains(name)
        case .select(let operand, _, false, false): return isLocalChain(operand)
        default: return false
        }
    }

    private mutating func record(_ expr: CELExpr) {
        var names: [String] = []
        var node = expr
        while true {
            switch node.kind {
            case .select(let operand, let field, _, _):
                names.append(field)
                node = operand
            case .identifier(let name):
                names.append(name)
                let path = Array(names.reversed())
                if isBound(name) {
                    if !localPaths.contains(path) { localPaths.append(path) }
                } else if !referencedPaths.contains(path) {
                    referencedPaths.append(path)
                }
                return
            default:
                return
            }
        }
    }

    private mutating func report(_ code: String, _ message: String, at offset: Int, notes: [String] = []) {
        problems.append(Problem(code: code, message: message, offset: offset, notes: notes))
    }

    /// The known function closest to a misspelt name, if one is close enough to suggest.
    static func suggestion(for name: String, in table: [String: CELOverloads]) -> String? {
        let lowered = name.lowercased()
        var best: (name: String, distance: Int)?
        for candidate in table.keys where !candidate.hasPrefix("_") && candidate.first?.isLetter == true {
            let distance = candidate.lowercased() == lowered ? 0 : EditDistance.distance(lowered, candidate.lowercased())
            if distance <= max(1, min(2, name.count / 3)), distance < (best?.distance ?? .max) {
                best = (candidate, distance)
            } else if distance == best?.distance, let current = best?.name, candidate < current {
                best = (candidate, distance)
            }
        }
        return best?.name
    }

    /// Checks a node and everything under it.
    mutating func check(_ expr: CELExpr) {
        switch expr.kind {
        case .literal(let value):
            if case .string(let text) = value, !stringLiterals.contains(text) { stringLiterals.append(text) }
        case .invalid:
            break
        case .identifier(let name):
            if !isBound(name) || isLocalChain(expr) { record(expr) }
        case .select(let operand, _, _, _):
            if isFreeChain(operand) || isLocalChain(operand) { record(expr) } else { check(operand) }
        case .index(let operand, let index, _):
            if isFreeChain(operand) || isLocalChain(operand) { record(operand) } else { check(operand) }
            check(index)
        case .call(let target, let function, let arguments):
            checkCall(target: target, function: function, arguments: arguments, at: expr.offset)
        case .list(let elements, _):
            for element in elements { check(element) }
        case .map(let entries):
            for entry in entries {
                check(entry.key)
                check(entry.value)
            }
        case .conditional(let c, let t, let f):
            check(c)
            check(t)
            check(f)
        case .and(let operands), .or(let operands):
            for operand in operands { check(operand) }
        case .comprehension(let c):
            check(c.range)
            scope.append(c.variable)
            if let predicate = c.predicate { check(predicate) }
            if let transform = c.transform { check(transform) }
            scope.removeLast()
        }
    }

    private mutating func checkCall(target: CELExpr?, function: String, arguments: [CELExpr], at offset: Int) {
        if let target, isFreeChain(target), let namespace = target.qualifiedName,
            CELLibrary.global["\(namespace).\(function)"] != nil
        {
            checkCall(target: nil, function: "\(namespace).\(function)", arguments: arguments, at: offset)
            return
        }
        if let target { check(target) }
        for argument in arguments { check(argument) }

        let table = target == nil ? CELLibrary.global : CELLibrary.member
        guard let overloads = table[function] else {
            if !allowsUnknownFunctions {
                var notes: [String] = []
                if let suggestion = Self.suggestion(for: function, in: table) {
                    notes.append(CELDiagnostics.didYouMean(target == nil ? suggestion : "." + suggestion))
                } else if target == nil, CELLibrary.member[function] != nil {
                    notes.append(CELDiagnostics.receiverStyle(function))
                }
                report(
                    CELDiagnostics.unknownFunctionCode,
                    CELDiagnostics.unknownFunction(function, receiver: target != nil), at: offset, notes: notes)
            }
            return
        }
        let count = arguments.count + (target == nil ? 0 : 1)
        guard overloads.accepts(count) else {
            report(
                CELDiagnostics.argumentCountCode,
                CELDiagnostics.argumentCount(
                    target == nil ? function : "." + function, count: arguments.count,
                    expected: overloads.arityDescription(receiver: target != nil)),
                at: offset)
            return
        }
        if function == "matches", let pattern = arguments.last, case .literal(.string(let text)) = pattern.kind {
            do {
                _ = try RE2Regex(text, limits: regexLimits)
            } catch {
                report(CELDiagnostics.invalidRegexCode, CELDiagnostics.invalidRegex(error.message), at: pattern.offset)
            }
        }
    }
}
