import StrictYAML

/// Turns a checked expression into a tree of closures, resolving every name and call once.
///
/// Identifiers become slot reads (locals and comprehension variables) or global lookups,
/// member access with a constant name becomes a scan for that key, calls bind their
/// implementation, and constant regular expressions are compiled here rather than per call.
struct CELCompiler {
    let localIndex: [String: Int]
    let limits: CELLimits
    private(set) var slotCount: Int
    private var scope: [(name: String, slot: Int, path: FactPath)] = []
    private var nextSlot: Int

    init(locals: [String], limits: CELLimits) {
        var index: [String: Int] = [:]
        for (i, name) in locals.enumerated() where index[name] == nil { index[name] = i }
        localIndex = index
        self.limits = limits
        slotCount = locals.count
        nextSlot = locals.count
    }

    /// The CEL type names that stand for type values when used as identifiers.
    static let typeNames: [String: ValueType] = [
        "bool": .bool, "int": .int, "uint": .uint, "double": .double, "string": .string,
        "bytes": .bytes, "list": .list, "map": .map, "null_type": .null, "type": .type,
        "google.protobuf.Timestamp": .timestamp, "google.protobuf.Duration": .duration,
        "optional_type": .optional,
    ]

    // MARK: - Names

    /// Brings a comprehension variable into scope in a fresh slot, naming its elements after
    /// the range's path.
    ///
    /// - Returns: The variable's slot.
    private mutating func pushScope(_ variable: String, over range: FactPath) -> Int {
        let slot = nextSlot
        nextSlot += 1
        slotCount = max(slotCount, nextSlot)
        scope.append((variable, slot, .element(slot: slot, range: range, name: variable)))
        return slot
    }

    /// Ends the scope of the innermost comprehension variable.
    private mutating func popScope() {
        scope.removeLast()
        nextSlot -= 1
    }

    private func lookup(_ name: String) -> (slot: Int, path: FactPath)? {
        if let entry = scope.last(where: { $0.name == name }) { return (entry.slot, entry.path) }
        if let slot = localIndex[name] { return (slot, .local(slot: slot, name: name)) }
        return nil
    }

    /// Whether the expression is a chain of identifiers and selections rooted at a free name.
    func isFreeChain(_ expr: CELExpr) -> Bool {
        switch expr.kind {
        case .identifier(let name): return lookup(name) == nil
        case .select(let operand, _, false, false): return isFreeChain(operand)
        default: return false
        }
    }

    private func factPath(_ expr: CELExpr) -> FactPath {
        switch expr.kind {
        case .identifier(let name): return lookup(name)?.path ?? .root(name)
        case .select(let operand, let field, _, _): return .member(factPath(operand), field)
        case .index(let operand, let index, _):
            if case .literal(let key) = index.kind {
                return .index(factPath(operand), key.celSource)
            }
            return .text(expr.debugDescription)
        default: return .text(expr.debugDescription)
        }
    }

    // MARK: - Nodes

    /// Compiles a node.
    mutating func compile(_ expr: CELExpr) -> CELEval {
        let offset = expr.offset
        switch expr.kind {
        case .literal(let value):
            return { _ in value }
        case .invalid:
            return { _ throws(CELEvaluationError) in
                throw CELEvaluationError(.invalidArgument, "invalid expression", offset: offset)
            }
        case .identifier(let name):
            return compileIdentifier(name, at: offset)
        case .select(let operand, let field, let isTest, let isOptional):
            return compileSelect(expr, operand: operand, field: field, isTest: isTest, isOptional: isOptional)
        case .index(let operand, let index, let isOptional):
            return compileIndex(operand: operand, index: index, isOptional: isOptional, at: offset)
        case .call(let target, let function, let arguments):
            return compileCall(target: target, function: function, arguments: arguments, at: offset)
        case .list(let elements, let optionalIndices):
            return compileList(elements, optionalIndices: optionalIndices, at: offset)
        case .map(let entries):
            return compileMap(entries, at: offset)
        case .conditional(let c, let t, let f):
            let condition = compile(c)
            let whenTrue = compile(t)
            let whenFalse = compile(f)
            return { frame throws(CELEvaluationError) in
                switch try condition(frame) {
                case .bool(true): return try whenTrue(frame)
                case .bool(false): return try whenFalse(frame)
                case let other:
                    var e = CELEvaluationError.noOverload("_?_:_", other)
                    e.offset = offset
                    throw e
                }
            }
        case .and(let operands):
            return compileLogical(operands.map { compile($0) }, isAnd: true, at: offset)
        case .or(let operands):
            return compileLogical(operands.map { compile($0) }, isAnd: false, at: offset)
        case .comprehension(let comprehension):
            return compileComprehension(comprehension, at: offset)
        }
    }

    private mutating func compileIdentifier(_ name: String, at offset: Int) -> CELEval {
        if let (slot, _) = lookup(name) {
            return { frame in frame.slots[slot] }
        }
        let typeValue = Self.typeNames[name].map(Value.type)
        return { frame throws(CELEvaluationError) in
            if frame.hasBindings, let value = frame.bindings[name] { return value }
            if let value = frame.globals[name] { return value }
            if let typeValue { return typeValue }
            throw .missingFact(name, in: frame.globals, at: offset)
        }
    }

    private mutating func compileSelect(
        _ expr: CELExpr, operand: CELExpr, field: String, isTest: Bool, isOptional: Bool
    ) -> CELEval {
        let offset = expr.offset
        let freeChain = isFreeChain(operand)
        if !isTest, !isOptional, freeChain, let name = expr.qualifiedName, let type = Self.typeNames[name] {
            return { frame in
                if frame.hasBindings, let value = frame.bindings[name] { return value }
                return .type(type)
            }
        }
        let base = compile(operand)
        let path = factPath(operand)
        let qualifiedName = freeChain && !isOptional ? expr.qualifiedName : nil

        if isTest {
            return { frame throws(CELEvaluationError) in
                if let qualifiedName, frame.hasBindings, frame.bindings[qualifiedName] != nil {
                    return .bool(true)
                }
                switch try base(frame) {
                case .map(let map): return .bool(map.index(ofString: field) != nil)
                case .optional(let o):
                    guard case .map(let map)? = o.wrapped else { return .bool(false) }
                    return .bool(map.index(ofString: field) != nil)
                case let other:
                    throw CELEvaluationError(
                        .noMatchingOverload, "type '\(other.type.name)' does not support field selection",
                        offset: offset)
                }
            }
        }
        if isOptional {
            return { frame throws(CELEvaluationError) in
                let value = try base(frame)
                return .optional(try Self.optionalSelect(value, field, at: offset))
            }
        }
        return { frame throws(CELEvaluationError) in
            if let qualifiedName, frame.hasBindings, let value = frame.bindings[qualifiedName] {
                return value
            }
            let value = try base(frame)
            if case .map(let map) = value {
                if let i = map.index(ofString: field) { return map.values[i] }
                throw .missingFact(FactPath.member(path, field).render(frame), in: map, at: offset)
            }
            if case .optional(let o) = value {
                return .optional(try Self.optionalSelect(value, field, at: offset, from: o))
            }
            throw CELEvaluationError(
                .noMatchingOverload, "type '\(value.type.name)' does not support field selection",
                offset: offset)
        }
    }

    private static func optionalSelect(
        _ value: Value, _ field: String, at offset: Int, from optional: OptionalValue? = nil
    ) throws(CELEvaluationError) -> OptionalValue {
        var target = value
        if case .optional(let o) = value {
            guard let wrapped = o.wrapped else { return .none }
            target = wrapped
        }
        guard case .map(let map) = target else {
            throw CELEvaluationError(
                .noMatchingOverload, "type '\(target.type.name)' does not support field selection",
                offset: offset)
        }
        return OptionalValue(map[field])
    }

    private mutating func compileIndex(
        operand: CELExpr, index: CELExpr, isOptional: Bool, at offset: Int
    ) -> CELEval {
        let base = compile(operand)
        let key = compile(index)
        let path = factPath(operand)
        if isOptional {
            return { frame throws(CELEvaluationError) in
                let container = try base(frame)
                let k = try key(frame)
                do throws(CELEvaluationError) {
                    return .optional(try Self.optionalIndex(container, k))
                } catch {
                    var e = error
                    e.offset = offset
                    throw e
                }
            }
        }
        if case .literal(.string(let name)) = index.kind {
            return { frame throws(CELEvaluationError) in
                let container = try base(frame)
                if case .map(let map) = container {
                    if let i = map.index(ofString: name) { return map.values[i] }
                    let rendered = path.render(frame) + "[" + Value.string(name).celSource + "]"
                    throw .missingFact(rendered, in: map, at: offset)
                }
                return try Self.index(container, .string(name), path: path, frame: frame, at: offset)
            }
        }
        return { frame throws(CELEvaluationError) in
            let container = try base(frame)
            let k = try key(frame)
            return try Self.index(container, k, path: path, frame: frame, at: offset)
        }
    }

    static func listIndex(_ key: Value, count: Int) throws(CELEvaluationError) -> Int? {
        let i: Int64
        switch key {
        case .int(let v): i = v
        case .uint(let v):
            guard v <= UInt64(Int64.max) else { return nil }
            i = Int64(v)
        case .double(let d):
            guard d.rounded() == d, let v = Int64(exactly: d) else {
                throw CELEvaluationError.invalid("list index \(key.celSource) is not an integer")
            }
            i = v
        default:
            throw CELEvaluationError.noOverload("_[_]", .list([]), key)
        }
        return i >= 0 && i < Int64(count) ? Int(i) : nil
    }

    private static func index(
        _ container: Value, _ key: Value, path: FactPath, frame: CELFrame, at offset: Int
    ) throws(CELEvaluationError) -> Value {
        do throws(CELEvaluationError) {
            switch container {
            case .list(let list):
                guard let i = try listIndex(key, count: list.count) else {
                    throw CELEvaluationError(
                        .indexOutOfBounds,
                        "index \(key.celSource) out of range for \(path.render(frame)) of size \(list.count)")
                }
                return list.elements[i]
            case .map(let map):
                guard MapKey(key) != nil || key.isKeyType else {
                    throw CELEvaluationError.invalid("unsupported key type '\(key.type.name)'")
                }
                if let i = map.index(of: key) { return map.values[i] }
                throw .missingFact(path.render(frame) + "[" + key.celSource + "]", in: map, at: -1)
            case .optional(let o):
                guard let wrapped = o.wrapped else { return .optional(.none) }
                return .optional(try optionalIndex(wrapped, key))
            default:
                throw CELEvaluationError.noOverload("_[_]", container, key)
            }
        } catch {
            var e = error
            if e.offset < 0 { e.offset = offset }
            throw e
        }
    }

    private static func optionalIndex(_ container: Value, _ key: Value) throws(CELEvaluationError) -> OptionalValue {
        switch container {
        case .list(let list):
            guard let i = try listIndex(key, count: list.count) else { return .none }
            return OptionalValue(list.elements[i])
        case .map(let map):
            return OptionalValue(map[key])
        case .optional(let o):
            guard let wrapped = o.wrapped else { return .none }
            return try optionalIndex(wrapped, key)
        default:
            throw CELEvaluationError.noOverload("_[?_]", container, key)
        }
    }

    private mutating func compileList(_ elements: [CELExpr], optionalIndices: [Int], at offset: Int) -> CELEval {
        let items = elements.map { compile($0) }
        if optionalIndices.isEmpty {
            if elements.allSatisfy({ if case .literal = $0.kind { true } else { false } }) {
                let constant = Value.list(
                    ValueList(
                        elements.map {
                            if case .literal(let v) = $0.kind { v } else { .null }
                        }))
                return { _ in constant }
            }
            return { frame throws(CELEvaluationError) in
                var values: [Value] = []
                values.reserveCapacity(items.count)
                for item in items { values.append(try item(frame)) }
                return .list(ValueList(values))
            }
        }
        let optional = Set(optionalIndices)
        return { frame throws(CELEvaluationError) in
            var values: [Value] = []
            for (i, item) in items.enumerated() {
                let v = try item(frame)
                if optional.contains(i) {
                    guard case .optional(let o) = v else {
                        var e = CELEvaluationError.noOverload("[?_]", v)
                        e.offset = offset
                        throw e
                    }
                    if let w = o.wrapped { values.append(w) }
                } else {
                    values.append(v)
                }
            }
            return .list(ValueList(values))
        }
    }

    private mutating func compileMap(_ entries: [CELExpr.MapEntry], at offset: Int) -> CELEval {
        let compiled = entries.map {
            (key: compile($0.key), value: compile($0.value), isOptional: $0.isOptional, offset: $0.key.offset)
        }
        return { frame throws(CELEvaluationError) in
            var keys: [Value] = []
            var values: [Value] = []
            var seen = Set<MapKey>()
            keys.reserveCapacity(compiled.count)
            values.reserveCapacity(compiled.count)
            for entry in compiled {
                let k = try entry.key(frame)
                var v = try entry.value(frame)
                guard k.isKeyType, let mk = MapKey(k) else {
                    throw CELEvaluationError(
                        .invalidArgument, "unsupported map key type '\(k.type.name)'", offset: entry.offset)
                }
                if entry.isOptional {
                    guard case .optional(let o) = v else {
                        var e = CELEvaluationError.noOverload("{?_: _}", v)
                        e.offset = entry.offset
                        throw e
                    }
                    guard let w = o.wrapped else { continue }
                    v = w
                }
                guard seen.insert(mk).inserted else {
                    throw CELEvaluationError(
                        .invalidArgument, "repeated map key \(k.celSource)", offset: entry.offset)
                }
                keys.append(k)
                values.append(v)
            }
            return .map(ValueMap(keys: keys, values: values))
        }
    }

    private func compileLogical(_ operands: [CELEval], isAnd: Bool, at offset: Int) -> CELEval {
        let decisive = !isAnd  // `true` decides `||`, `false` decides `&&`
        return { frame throws(CELEvaluationError) in
            var pending: CELEvaluationError?
            for operand in operands {
                do throws(CELEvaluationError) {
                    let v = try operand(frame)
                    guard case .bool(let b) = v else {
                        if pending == nil {
                            var e = CELEvaluationError.noOverload(isAnd ? "_&&_" : "_||_", v)
                            e.offset = offset
                            pending = e
                        }
                        continue
                    }
                    if b == decisive { return .bool(decisive) }
                } catch {
                    // Running out of budget ends the evaluation; nothing absorbs it.
                    if error.kind == .costLimitExceeded { throw error }
                    if pending == nil { pending = error }
                }
            }
            if let pending { throw pending }
            return .bool(!decisive)
        }
    }

    // MARK: - Comprehensions

    private mutating func compileComprehension(_ c: CELExpr.Comprehension, at offset: Int) -> CELEval {
        let range = compile(c.range)
        let slot = pushScope(c.variable, over: factPath(c.range))
        let predicate = c.predicate.map { compile($0) }
        let transform = c.transform.map { compile($0) }
        popScope()
        let macro = c.macro

        return { frame throws(CELEvaluationError) in
            let items: [Value]
            switch try range(frame) {
            case .list(let list): items = list.elements
            case .map(let map): items = map.keys
            case let other:
                var e = CELEvaluationError.noOverload(macro.rawValue, other)
                e.offset = offset
                throw e
            }
            func bool(_ v: Value) throws(CELEvaluationError) -> Bool {
                guard case .bool(let b) = v else {
                    var e = CELEvaluationError.noOverload(macro.rawValue, v)
                    e.offset = offset
                    throw e
                }
                return b
            }
            switch macro {
            case .all, .exists:
                guard let predicate else { return .null }
                let decisive = macro == .exists
                var pending: CELEvaluationError?
                for (i, item) in items.enumerated() {
                    try frame.step(at: offset)
                    frame.bind(slot, to: item, index: i)
                    do throws(CELEvaluationError) {
                        if try bool(try predicate(frame)) == decisive { return .bool(decisive) }
                    } catch {
                        if error.kind == .costLimitExceeded { throw error }
                        if pending == nil { pending = error }
                    }
                }
                if let pending { throw pending }
                return .bool(!decisive)
            case .existsOne:
                guard let predicate else { return .null }
                var count = 0
                for (i, item) in items.enumerated() {
                    try frame.step(at: offset)
                    frame.bind(slot, to: item, index: i)
                    if try bool(try predicate(frame)) { count += 1 }
                }
                return .bool(count == 1)
            case .filter:
                guard let predicate else { return .null }
                var out: [Value] = []
                for (i, item) in items.enumerated() {
                    try frame.step(at: offset)
                    frame.bind(slot, to: item, index: i)
                    if try bool(try predicate(frame)) { out.append(item) }
                }
                return .list(ValueList(out))
            case .map:
                guard let transform else { return .null }
                var out: [Value] = []
                out.reserveCapacity(items.count)
                for (i, item) in items.enumerated() {
                    try frame.step(at: offset)
                    frame.bind(slot, to: item, index: i)
                    if let predicate, !(try bool(try predicate(frame))) { continue }
                    out.append(try transform(frame))
                }
                return .list(ValueList(out))
            }
        }
    }
}

extension CELEvaluationError {
    /// The error with its offset set, unless it already has one.
    func at(_ offset: Int) -> CELEvaluationError {
        guard self.offset < 0 else { return self }
        var copy = self
        copy.offset = offset
        return copy
    }
}

extension Value {
    /// Whether the value's type may be a map key (int, uint, bool, string).
    var isKeyType: Bool {
        switch self {
        case .int, .uint, .bool, .string: true
        default: false
        }
    }
}
