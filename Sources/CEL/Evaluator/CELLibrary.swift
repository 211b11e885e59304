import StrictYAML

/// The implementations of one function name, by number of arguments (a receiver counts as one).
struct CELOverloads: Sendable {
    typealias Unary = @Sendable (Value) throws(CELEvaluationError) -> Value
    typealias Binary = @Sendable (Value, Value) throws(CELEvaluationError) -> Value
    typealias Ternary = @Sendable (Value, Value, Value) throws(CELEvaluationError) -> Value
    typealias Variadic = @Sendable ([Value]) throws(CELEvaluationError) -> Value

    var unary: Unary?
    var binary: Binary?
    var ternary: Ternary?
    var variadic: Variadic?
    /// The arities `variadic` accepts.
    var variadicArity: ClosedRange<Int> = 0...0

    init(unary: Unary? = nil, binary: Binary? = nil, ternary: Ternary? = nil) {
        self.unary = unary
        self.binary = binary
        self.ternary = ternary
    }

    init(arity: ClosedRange<Int>, _ variadic: @escaping Variadic) {
        self.variadic = variadic
        variadicArity = arity
    }

    func accepts(_ count: Int) -> Bool {
        if variadic != nil, variadicArity.contains(count) { return true }
        switch count {
        case 1: return unary != nil
        case 2: return binary != nil
        case 3: return ternary != nil
        default: return false
        }
    }

    func arityDescription(receiver: Bool) -> String {
        var counts: [Int] = []
        if unary != nil { counts.append(1) }
        if binary != nil { counts.append(2) }
        if ternary != nil { counts.append(3) }
        if variadic != nil { counts.append(contentsOf: variadicArity) }
        let shown = Array(Set(counts.map { receiver ? $0 - 1 : $0 })).sorted()
        let words = shown.map(String.init)
        let list =
            words.count <= 1
            ? (words.first ?? "0")
            : words.dropLast().joined(separator: ", ") + " or " + (words.last ?? "")
        return list + (shown == [1] ? " argument" : " arguments")
    }
}

/// The standard functions and operators, in two tables: global calls and receiver-style calls.
enum CELLibrary {
    /// Functions called as `f(x, …)`, including the operators (`_+_`, `@in`, `!_`).
    static let global: [String: CELOverloads] = [
        "_+_": CELOverloads(binary: add),
        "_-_": CELOverloads(binary: subtract),
        "_*_": CELOverloads(binary: multiply),
        "_/_": CELOverloads(binary: divide),
        "_%_": CELOverloads(binary: remainder),
        "-_": CELOverloads(unary: negate),
        "!_": CELOverloads(unary: { v throws(CELEvaluationError) in
            guard case .bool(let b) = v else { throw CELEvaluationError.noOverload("!_", v) }
            return .bool(!b)
        }),
        "_==_": CELOverloads(binary: { a, b in .bool(equals(a, b)) }),
        "_!=_": CELOverloads(binary: { a, b in .bool(!equals(a, b)) }),
        "_<_": CELOverloads(binary: { a, b throws(CELEvaluationError) in .bool(try compare("_<_", a, b) { $0 < 0 }) }),
        "_<=_": CELOverloads(binary: { a, b throws(CELEvaluationError) in .bool(try compare("_<=_", a, b) { $0 <= 0 }) }
        ),
        "_>_": CELOverloads(binary: { a, b throws(CELEvaluationError) in .bool(try compare("_>_", a, b) { $0 > 0 }) }),
        "_>=_": CELOverloads(binary: { a, b throws(CELEvaluationError) in .bool(try compare("_>=_", a, b) { $0 >= 0 }) }
        ),
        "@in": CELOverloads(binary: contained),
        "size": CELOverloads(unary: size),
        "int": CELOverloads(unary: toInt),
        "uint": CELOverloads(unary: toUInt),
        "double": CELOverloads(unary: toDouble),
        "string": CELOverloads(unary: toString),
        "bytes": CELOverloads(unary: toBytes),
        "bool": CELOverloads(unary: toBool),
        "type": CELOverloads(unary: { v in .type(v.type) }),
        "dyn": CELOverloads(unary: { v in v }),
        "timestamp": CELOverloads(unary: toTimestamp),
        "duration": CELOverloads(unary: toDuration),
        "matches": CELOverloads(binary: matches),
        "math.least": CELOverloads(arity: 1...Int.max) { args throws(CELEvaluationError) in
            try extreme(args, "math.least", wantsLeast: true)
        },
        "math.greatest": CELOverloads(arity: 1...Int.max) { args throws(CELEvaluationError) in
            try extreme(args, "math.greatest", wantsLeast: false)
        },
        "optional.of": CELOverloads(unary: { v in .optional(OptionalValue(v)) }),
        "optional.ofNonZeroValue": CELOverloads(unary: { v in .optional(OptionalValue(v.isZeroValue ? nil : v)) }),
        "optional.none": CELOverloads(arity: 0...0) { _ in .optional(.none) },
    ]

    /// Functions called as `x.f(…)`; the receiver is the first argument.
    static let member: [String: CELOverloads] = {
        var table: [String: CELOverloads] = [
            "size": CELOverloads(unary: size),
            "contains": CELOverloads(binary: stringPredicate("contains") { $0.containsRun($1) }),
            "startsWith": CELOverloads(binary: stringPredicate("startsWith") { $0.starts(with: $1) }),
            "endsWith": CELOverloads(binary: stringPredicate("endsWith") { $0.reversed().starts(with: $1.reversed()) }),
            "matches": CELOverloads(binary: matches),
            "lowerAscii": CELOverloads(unary: lowerAscii),
            "upperAscii": CELOverloads(unary: upperAscii),
            "trim": CELOverloads(unary: trim),
            "split": CELOverloads(
                binary: { s, sep throws(CELEvaluationError) in try split(s, sep, .int(-1)) }, ternary: split),
            "join": CELOverloads(
                unary: { list throws(CELEvaluationError) in try join(list, .string("")) }, binary: join),
            "replace": CELOverloads(ternary: { s, a, b throws(CELEvaluationError) in try replace([s, a, b, .int(-1)]) }
            ),
            "indexOf": CELOverloads(
                binary: { s, t throws(CELEvaluationError) in try indexOf(s, t, nil, last: false) },
                ternary: { s, t, i throws(CELEvaluationError) in try indexOf(s, t, i, last: false) }),
            "lastIndexOf": CELOverloads(
                binary: { s, t throws(CELEvaluationError) in try indexOf(s, t, nil, last: true) },
                ternary: { s, t, i throws(CELEvaluationError) in try indexOf(s, t, i, last: true) }),
            "substring": CELOverloads(
                binary: { s, a throws(CELEvaluationError) in try substring(s, a, nil) },
                ternary: { s, a, b throws(CELEvaluationError) in try substring(s, a, b) }),
            "charAt": CELOverloads(binary: charAt),
            "countIn": CELOverloads(binary: countIn),
            "groupBy": CELOverloads(binary: groupBy),
            "hasValue": CELOverloads(unary: { v throws(CELEvaluationError) in
                guard case .optional(let o) = v else { throw CELEvaluationError.noOverload("hasValue", v) }
                return .bool(o.wrapped != nil)
            }),
            "value": CELOverloads(unary: { v throws(CELEvaluationError) in
                guard case .optional(let o) = v else { throw CELEvaluationError.noOverload("value", v) }
                guard let w = o.wrapped else { throw CELEvaluationError.invalid("optional.none() has no value") }
                return w
            }),
            "orValue": CELOverloads(binary: { v, fallback throws(CELEvaluationError) in
                guard case .optional(let o) = v else { throw CELEvaluationError.noOverload("orValue", v, fallback) }
                return o.wrapped ?? fallback
            }),
            "or": CELOverloads(binary: { v, other throws(CELEvaluationError) in
                guard case .optional(let o) = v, case .optional = other else {
                    throw CELEvaluationError.noOverload("or", v, other)
                }
                return o.wrapped != nil ? v : other
            }),
        ]
        table["replace"]?.variadic = replace
        table["replace"]?.variadicArity = 4...4
        for accessor in TimeAccessor.allCases {
            table[accessor.rawValue] = CELOverloads(
                unary: { v throws(CELEvaluationError) in try accessor.apply(v, timeZone: nil) },
                binary: { v, zone throws(CELEvaluationError) in try accessor.apply(v, timeZone: zone) })
        }
        return table
    }()

    // MARK: - Arithmetic

    /// CEL's integer arithmetic operators, named as the library table names them.
    enum IntegerOperator: String {
        case add = "_+_", subtract = "_-_", multiply = "_*_", divide = "_/_", remainder = "_%_"
    }

    /// `x op y` for two ints or two uints alike: a result out of the type's range is CEL's
    /// overflow error, a zero divisor its division or modulus error.
    @inline(__always)
    static func integer<T: FixedWidthInteger>(
        _ x: T, _ op: IntegerOperator, _ y: T
    ) throws(CELEvaluationError) -> T {
        let result: (partialValue: T, overflow: Bool)
        switch op {
        case .add: result = x.addingReportingOverflow(y)
        case .subtract: result = x.subtractingReportingOverflow(y)
        case .multiply: result = x.multipliedReportingOverflow(by: y)
        case .divide:
            if y == 0 { throw CELEvaluationError(.divisionByZero, "division by zero") }
            result = x.dividedReportingOverflow(by: y)
        case .remainder:
            if y == 0 { throw CELEvaluationError(.moduloByZero, "modulus by zero") }
            result = x.remainderReportingOverflow(dividingBy: y)
        }
        if result.overflow { throw CELEvaluationError.overflow(op.rawValue) }
        return result.partialValue
    }

    /// `a op b` for two numbers of one kind: ints and uints through `integer`, doubles
    /// through `double` (IEEE, no errors); nil for any other operands, including two doubles
    /// when `double` is nil.
    @inline(__always)
    static func arithmetic(
        _ a: Value, _ op: IntegerOperator, _ b: Value, double: ((Double, Double) -> Double)?
    ) throws(CELEvaluationError) -> Value? {
        switch (a, b) {
        case (.int(let x), .int(let y)): return .int(try integer(x, op, y))
        case (.uint(let x), .uint(let y)): return .uint(try integer(x, op, y))
        case (.double(let x), .double(let y)): return double.map { .double($0(x, y)) }
        default: return nil
        }
    }

    static func add(_ a: Value, _ b: Value) throws(CELEvaluationError) -> Value {
        if let sum = try arithmetic(a, .add, b, double: +) { return sum }
        switch (a, b) {
        case (.string(let x), .string(let y)): return .string(x + y)
        case (.bytes(let x), .bytes(let y)): return .bytes(x + y)
        case (.list(let x), .list(let y)):
            if x.count == 0 { return b }
            if y.count == 0 { return a }
            return .list(ValueList(x.elements + y.elements))
        case (.timestamp(let t), .duration(let d)), (.duration(let d), .timestamp(let t)):
            return .timestamp(try CELTime.add(t, d))
        case (.duration(let x), .duration(let y)):
            return .duration(try CELTime.add(x, y))
        default:
            throw CELEvaluationError.noOverload("_+_", a, b)
        }
    }

    static func subtract(_ a: Value, _ b: Value) throws(CELEvaluationError) -> Value {
        if let difference = try arithmetic(a, .subtract, b, double: -) { return difference }
        switch (a, b) {
        case (.timestamp(let x), .timestamp(let y)): return .duration(try CELTime.difference(x, y))
        case (.timestamp(let t), .duration(let d)): return .timestamp(try CELTime.add(t, try CELTime.negate(d)))
        case (.duration(let x), .duration(let y)): return .duration(try CELTime.add(x, try CELTime.negate(y)))
        default:
            throw CELEvaluationError.noOverload("_-_", a, b)
        }
    }

    static func multiply(_ a: Value, _ b: Value) throws(CELEvaluationError) -> Value {
        guard let product = try arithmetic(a, .multiply, b, double: *) else {
            throw CELEvaluationError.noOverload("_*_", a, b)
        }
        return product
    }

    static func divide(_ a: Value, _ b: Value) throws(CELEvaluationError) -> Value {
        guard let quotient = try arithmetic(a, .divide, b, double: /) else {
            throw CELEvaluationError.noOverload("_/_", a, b)
        }
        return quotient
    }

    static func remainder(_ a: Value, _ b: Value) throws(CELEvaluationError) -> Value {
        guard let remainder = try arithmetic(a, .remainder, b, double: nil) else {
            throw CELEvaluationError.noOverload("_%_", a, b)
        }
        return remainder
    }

    static func negate(_ a: Value) throws(CELEvaluationError) -> Value {
        switch a {
        case .int(let x):
            if x == .min { throw CELEvaluationError.overflow("-_") }
            return .int(-x)
        case .double(let x): return .double(-x)
        case .duration(let d): return .duration(try CELTime.negate(d))
        default: throw CELEvaluationError.noOverload("-_", a)
        }
    }

    // MARK: - Comparison

    /// Orders two values: negative, zero or positive; nil when either is NaN.
    static func order(_ a: Value, _ b: Value) -> Int?? {
        func sign<T: Comparable>(_ x: T, _ y: T) -> Int { x < y ? -1 : (x > y ? 1 : 0) }
        switch (a, b) {
        case (.int(let x), .int(let y)): return sign(x, y)
        case (.uint(let x), .uint(let y)): return sign(x, y)
        case (.double(let x), .double(let y)): return x.isNaN || y.isNaN ? .some(nil) : sign(x, y)
        case (.int(let x), .uint(let y)): return x < 0 ? -1 : sign(UInt64(x), y)
        case (.uint(let x), .int(let y)): return y < 0 ? 1 : sign(x, UInt64(y))
        // Ordering across int/uint and double converts the integer to double, as cel-spec's
        // vectors require (`9223372036854775807 >= 9223372036854775808.0`).
        case (.int(let x), .double(let y)): return y.isNaN ? .some(nil) : sign(Double(x), y)
        case (.double(let x), .int(let y)): return x.isNaN ? .some(nil) : sign(x, Double(y))
        case (.uint(let x), .double(let y)): return y.isNaN ? .some(nil) : sign(Double(x), y)
        case (.double(let x), .uint(let y)): return x.isNaN ? .some(nil) : sign(x, Double(y))
        case (.bool(let x), .bool(let y)): return x == y ? 0 : (x ? 1 : -1)
        case (.string(let x), .string(let y)):
            if sameScalars(x, y) { return 0 }
            return x.utf8.lexicographicallyPrecedes(y.utf8) ? -1 : 1
        case (.bytes(let x), .bytes(let y)):
            if x == y { return 0 }
            return x.lexicographicallyPrecedes(y) ? -1 : 1
        case (.timestamp(let x), .timestamp(let y)): return sign(x, y)
        case (.duration(let x), .duration(let y)): return sign(x, y)
        default: return nil
        }
    }

    static func compare(_ op: String, _ a: Value, _ b: Value, _ test: (Int) -> Bool) throws(CELEvaluationError) -> Bool
    {
        guard let ordered = order(a, b) else { throw CELEvaluationError.noOverload(op, a, b) }
        guard let o = ordered else { return false }
        return test(o)
    }

    /// CEL equality: `Value`'s equality, except that strings compare code point by code point
    /// (CEL does not normalize: 'Am\u00E9lie' != 'Ame\u0301lie').
    static func equals(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)): return sameScalars(x, y)
        case (.list(let x), .list(let y)):
            if x === y { return true }
            guard x.count == y.count else { return false }
            for i in 0..<x.count where !equals(x.elements[i], y.elements[i]) { return false }
            return true
        case (.map(let x), .map(let y)):
            if x === y { return true }
            guard x.count == y.count else { return false }
            for i in 0..<x.count {
                guard let j = y.index(of: x.keys[i]), equals(y.keys[j], x.keys[i]), equals(y.values[j], x.values[i])
                else { return false }
            }
            return true
        case (.optional(let x), .optional(let y)):
            switch (x.wrapped, y.wrapped) {
            case (nil, nil): return true
            case (let p?, let q?): return equals(p, q)
            default: return false
            }
        default:
            return a == b
        }
    }

    /// Whether two strings hold the same code points (Swift's `==` also equates canonically
    /// equivalent strings, which CEL does not).
    static func sameScalars(_ x: String, _ y: String) -> Bool {
        guard x.utf8.count == y.utf8.count else { return false }
        var a = x
        var b = y
        return a.withUTF8 { p in b.withUTF8 { q in p.elementsEqual(q) } }
    }

    static func contained(_ element: Value, _ container: Value) throws(CELEvaluationError) -> Value {
        switch container {
        case .list(let list):
            for item in list.elements where equals(item, element) { return .bool(true) }
            return .bool(false)
        case .map(let map):
            return .bool(map.index(of: element) != nil)
        default:
            throw CELEvaluationError.noOverload("@in", element, container)
        }
    }

    static func size(_ v: Value) throws(CELEvaluationError) -> Value {
        switch v {
        case .string(let s): return .int(Int64(s.unicodeScalars.count))
        case .bytes(let b): return .int(Int64(b.count))
        case .list(let l): return .int(Int64(l.count))
        case .map(let m): return .int(Int64(m.count))
        default: throw CELEvaluationError.noOverload("size", v)
        }
    }

    static func extreme(_ args: [Value], _ name: String, wantsLeast: Bool) throws(CELEvaluationError) -> Value {
        var candidates = args
        if args.count == 1, case .list(let list) = args[0] { candidates = list.elements }
        guard var best = candidates.first else { throw CELEvaluationError.invalid("\(name) of an empty list") }
        for v in candidates {
            switch v {
            case .int, .uint, .double: break
            default: throw CELEvaluationError.noOverload(name, v)
            }
            guard let ordered = order(v, best), let o = ordered else { continue }
            if wantsLeast ? o < 0 : o > 0 { best = v }
        }
        if case .double(let d) = best, d.isNaN { return best }
        switch best {
        case .int, .uint, .double: return best
        default: throw CELEvaluationError.noOverload(name, best)
        }
    }

    static func matches(_ s: Value, _ pattern: Value) throws(CELEvaluationError) -> Value {
        try matches(s, pattern, limits: .default)
    }

    static func matches(_ s: Value, _ pattern: Value, limits: RE2Regex.Limits) throws(CELEvaluationError) -> Value {
        var steps = 0
        return try matches(s, pattern, limits: limits, steps: &steps)
    }

    /// `matches`, adding the search's steps to `steps`.
    static func matches(
        _ s: Value, _ pattern: Value, limits: RE2Regex.Limits, steps: inout Int
    ) throws(CELEvaluationError) -> Value {
        guard case .string(let text) = s, case .string(let p) = pattern else {
            throw CELEvaluationError.noOverload("matches", s, pattern)
        }
        let regex: RE2Regex
        do {
            regex = try RE2Regex(p, limits: limits)
        } catch {
            throw CELEvaluationError.invalid("invalid regular expression '\(CELEvaluationError.excerpt(p))': \(error.message)")
        }
        guard let matched = regex.matches(text, steps: &steps) else {
            throw CELEvaluationError(.regexTimeout, "regular expression '\(CELEvaluationError.excerpt(p))' exceeded its step budget")
        }
        return .bool(matched)
    }
}

extension Value {
    /// Whether the value is its type's zero value (for `optional.ofNonZeroValue`).
    var isZeroValue: Bool {
        switch self {
        case .null: true
        case .bool(let b): !b
        case .int(let i): i == 0
        case .uint(let u): u == 0
        case .double(let d): d == 0
        case .string(let s): s.isEmpty
        case .bytes(let b): b.isEmpty
        case .list(let l): l.count == 0
        case .map(let m): m.count == 0
        case .timestamp(let t): t.seconds == 0 && t.nanos == 0
        case .duration(let d): d.seconds == 0 && d.nanos == 0
        case .type: false
        case .optional(let o): o.wrapped == nil
        }
    }
}
