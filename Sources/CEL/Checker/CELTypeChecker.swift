import SourceDiagnostics
import StrictYAML

/// Infers the static type of a parsed expression from declared variable types, as cel-go's
/// checker does with declarations, and reports what is certainly wrong before any snapshot
/// is read: a field a closed type does not have (a misspelt fact or parameter), comparisons
/// and arithmetic between incompatible types, and integer division where a double is meant.
///
/// Anything not declared is `dyn`, which fits everything: the checker never rejects an
/// expression that could succeed.
struct CELTypeChecker {
    /// A problem, at an offset of the expression: the same kind the syntax checker reports.
    typealias Problem = CELChecker.Problem

    let declarations: CELDeclarations
    private var scope: [(name: String, type: CELType)] = []
    private(set) var problems: [Problem] = []

    init(declarations: CELDeclarations) {
        self.declarations = declarations
    }

    private mutating func report(_ code: String, _ message: String, at offset: Int, notes: [String] = [], isError: Bool = true) {
        problems.append(Problem(code: code, message: message, offset: offset, notes: notes, isError: isError))
    }

    /// The type of an expression (and of everything under it, reporting problems).
    mutating func infer(_ expr: CELExpr) -> CELType {
        switch expr.kind {
        case .literal(let value): return Self.type(of: value)
        case .invalid: return .dyn
        case .identifier(let name):
            if let local = scope.last(where: { $0.name == name }) { return local.type }
            return declarations.locals[name] ?? declarations.globals[name] ?? .dyn
        case .select(let operand, let field, let isTest, let isOptional):
            let base = infer(operand)
            let type = select(field, from: base, at: expr.offset, path: operand.qualifiedName)
            return isTest ? .bool : isOptional ? .dyn : type
        case .index(let operand, let index, _):
            let base = infer(operand)
            _ = infer(index)
            switch base {
            case .list(let element): return element
            case .map(_, let value): return value
            case .object(let object):
                if case .literal(.string(let name)) = index.kind { return object.fields[name] ?? .dyn }
                return .dyn
            default: return .dyn
            }
        case .call(let target, let function, let arguments):
            return call(target: target, function: function, arguments: arguments, at: expr.offset)
        case .list(let elements, _):
            let types = elements.map { infer($0) }
            guard let first = types.first, types.allSatisfy({ $0 == first }) else { return .list(.dyn) }
            return .list(first)
        case .map(let entries):
            for entry in entries {
                _ = infer(entry.key)
                _ = infer(entry.value)
            }
            return .map(key: .dyn, value: .dyn)
        case .conditional(let condition, let whenTrue, let whenFalse):
            _ = infer(condition)
            let a = infer(whenTrue)
            let b = infer(whenFalse)
            return a == b ? a : .dyn
        case .and(let operands), .or(let operands):
            for operand in operands { _ = infer(operand) }
            return .bool
        case .comprehension(let c):
            let range = infer(c.range)
            let element: CELType
            switch range {
            case .list(let e): element = e
            case .map(let key, _): element = key
            case .object: element = .string
            default: element = .dyn
            }
            scope.append((c.variable, element))
            defer { scope.removeLast() }
            if let predicate = c.predicate { _ = infer(predicate) }
            let transformed = c.transform.map { infer($0) }
            switch c.macro {
            case .all, .exists, .existsOne: return .bool
            case .filter: return range == .dyn ? .list(.dyn) : .list(element)
            case .map: return .list(transformed ?? .dyn)
            }
        }
    }

    /// The type of `base.field`; a field a closed object does not have is reported.
    private mutating func select(_ field: String, from base: CELType, at offset: Int, path: String?) -> CELType {
        switch base {
        case .object(let object):
            if let type = object.fields[field] { return type }
            guard object.isClosed else { return .dyn }
            let guess = Self.suggestion(for: field, among: Array(object.fields.keys))
            let name = path.map { "\($0).\(field)" } ?? field
            // At the field's name, just after the dot.
            report(
                CELDiagnostics.unknownFieldCode,
                object.kind == "parameter"
                    ? CELDiagnostics.undeclaredParameter(field) : CELDiagnostics.unknownFact(name),
                at: offset + 1, notes: guess.map { [CELDiagnostics.didYouMean($0)] } ?? [],
                isError: object.kind == "parameter")
            return .dyn
        case .map(_, let value): return value
        case .dyn: return .dyn
        case .null, .bool, .int, .uint, .double, .number, .string, .bytes, .timestamp, .duration, .list:
            report(CELDiagnostics.typeMismatchCode, CELDiagnostics.noFields(base.description, field: field), at: offset)
            return .dyn
        }
    }

    private mutating func call(target: CELExpr?, function: String, arguments: [CELExpr], at offset: Int) -> CELType {
        let receiver = target.map { infer($0) }
        let types = arguments.map { infer($0) }
        switch function {
        case "_==_", "_!=_", "_<_", "_<=_", "_>_", "_>=_":
            guard types.count == 2 else { return .bool }
            if !Self.comparable(types[0], types[1]) {
                report(CELDiagnostics.typeMismatchCode, CELDiagnostics.incomparable(types[0].description, types[1].description), at: offset)
            } else {
                checkIntegerDivision(arguments, types)
            }
            return .bool
        case "_+_", "_-_", "_*_", "_/_", "_%_":
            guard types.count == 2 else { return .dyn }
            return arithmetic(function, arguments, types, at: offset)
        case "-_": return types.first ?? .dyn
        case "!_", "@in", "matches", "startsWith", "endsWith", "contains", "exists", "has": return .bool
        case "size", "int", "getFullYear", "getMonth", "getDayOfMonth", "getDayOfWeek", "getDayOfYear", "getHours", "getMinutes", "getSeconds", "getMilliseconds":
            return .int
        case "double":
            if let argument = arguments.first, Self.isIntegerDivision(argument, types.first) {
                report(CELDiagnostics.integerDivisionCode, CELDiagnostics.integerDivision, at: argument.offset)
            }
            return .double
        case "uint": return .uint
        case "string", "join", "lowerAscii", "upperAscii", "trim", "replace", "substring", "charAt", "format": return .string
        case "timestamp": return .timestamp
        case "duration": return .duration
        case "bool": return .bool
        case "groupBy":
            // `{key, items}` per group: the items keep the receiver's element type.
            var key = CELType.dyn
            if case .list(.object(let element))? = receiver, case .literal(.string(let field))? = arguments.first?.kind {
                key = element.fields[field] ?? .dyn
            }
            return .list(.object(CELObjectType(fields: ["key": key, "items": receiver ?? .dyn], isClosed: true)))
        default:
            _ = receiver
            return .dyn
        }
    }

    /// The result of an arithmetic operator; mixing kinds of number is reported (CEL does not
    /// convert: `1 + 1.5` has no overload).
    private mutating func arithmetic(_ function: String, _ arguments: [CELExpr], _ types: [CELType], at offset: Int) -> CELType {
        let (a, b) = (types[0], types[1])
        if a == .dyn || b == .dyn { return .dyn }
        if a.isNumeric && b.isNumeric {
            if a == b && a != .number {
                if function != "_/_" || a != .int { checkIntegerDivision(arguments, types) }
                return a
            }
            if a == .number || b == .number {
                report(
                    CELDiagnostics.typeMismatchCode, CELDiagnostics.wholeOrDecimal(Self.symbol(function)),
                    at: offset)
            } else {
                report(
                    CELDiagnostics.typeMismatchCode,
                    CELDiagnostics.mixedArithmetic(Self.symbol(function), a.description, b.description), at: offset)
            }
            return .dyn
        }
        switch (function, a, b) {
        case ("_+_", .string, .string): return .string
        case ("_+_", .list(let x), .list(let y)): return x == y ? a : .list(.dyn)
        case ("_+_", .timestamp, .duration), ("_+_", .duration, .timestamp), ("_-_", .timestamp, .duration): return .timestamp
        case ("_-_", .timestamp, .timestamp), ("_+_", .duration, .duration), ("_-_", .duration, .duration): return .duration
        default:
            report(
                CELDiagnostics.typeMismatchCode,
                CELDiagnostics.mixedArithmetic(Self.symbol(function), a.description, b.description), at: offset)
            return .dyn
        }
    }

    /// Reports `a / b` on two ints where the other operand is a double or a number: the
    /// quotient was truncated before the comparison.
    private mutating func checkIntegerDivision(_ arguments: [CELExpr], _ types: [CELType]) {
        for (i, argument) in arguments.enumerated() where Self.isIntegerDivision(argument, types[i]) {
            let other = types[1 - i]
            if other == .double || other == .number {
                report(CELDiagnostics.integerDivisionCode, CELDiagnostics.integerDivision, at: argument.offset)
            }
        }
    }

    /// Whether an expression is `int / int`.
    static func isIntegerDivision(_ expr: CELExpr, _ type: CELType?) -> Bool {
        guard type == .int, case .call(nil, "_/_", let operands) = expr.kind, operands.count == 2 else { return false }
        return true
    }

    static func comparable(_ a: CELType, _ b: CELType) -> Bool {
        if a == .dyn || b == .dyn || a == .null || b == .null { return true }
        if a.isNumeric && b.isNumeric { return true }
        switch (a, b) {
        case (.list, .list), (.map, .map), (.object, .object), (.map, .object), (.object, .map): return true
        default: return a == b
        }
    }

    /// The static type of each kind of scalar value, keyed by its run-time type; a type value
    /// or an optional is `dyn`.
    private static let scalarTypes: [ValueType: CELType] = [
        .null: .null, .bool: .bool, .int: .int, .uint: .uint, .double: .double, .string: .string,
        .bytes: .bytes, .timestamp: .timestamp, .duration: .duration,
    ]

    static func type(of value: CELValue) -> CELType {
        switch value {
        case .list(let list):
            list.elements.first.map { first in
                let t = type(of: first)
                return list.elements.allSatisfy { type(of: $0) == t } ? .list(t) : .list(.dyn)
            } ?? .list(.dyn)
        case .map: .map(key: .dyn, value: .dyn)
        default: scalarTypes[value.type] ?? .dyn
        }
    }

    static func symbol(_ function: String) -> String {
        String(function.dropFirst().dropLast())
    }

    static func suggestion(for word: String, among candidates: [String]) -> String? {
        let limit = max(2, word.count / 3)
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = EditDistance.distance(word, candidate)
            guard distance <= limit else { continue }
            if let current = best, current.distance < distance || (current.distance == distance && current.name < candidate) {
                continue
            }
            best = (candidate, distance)
        }
        return best?.name
    }
}
