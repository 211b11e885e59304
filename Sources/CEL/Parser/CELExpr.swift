public import StrictYAML

/// Identifies one node of a parsed CEL expression, as cel-go's expression IDs do.
public typealias ExprID = Int32

/// The value type CEL evaluates: the project's shared value tree.
public typealias CELValue = Value

/// A node of a parsed CEL expression.
///
/// Macros (`has`, `all`, `exists`, `exists_one`, `map`, `filter`) are expanded by the parser
/// into `.comprehension` and test-only `.select` nodes, as in cel-go.
struct CELExpr: Sendable {
    /// The comprehension macros.
    enum Macro: String, Sendable {
        case all, exists
        case existsOne = "exists_one"
        case map, filter
    }

    /// The parts of an expanded macro.
    struct Comprehension: Sendable {
        var macro: Macro
        var range: CELExpr
        var variable: String
        /// The predicate of `all`/`exists`/`exists_one`/`filter` (or the filter of a 3-argument
        /// `map`), and the transform of `map`.
        var predicate, transform: CELExpr?
    }

    /// One entry of a map literal.
    struct MapEntry: Sendable {
        var key: CELExpr
        var value: CELExpr
        var isOptional: Bool
    }

    indirect enum Kind: Sendable {
        case literal(Value)
        case identifier(String)
        /// `operand.field`; `isTest` for `has(operand.field)`, `isOptional` for `operand.?field`.
        case select(operand: CELExpr, field: String, isTest: Bool, isOptional: Bool)
        /// `operand[index]`, or `operand[?index]`.
        case index(operand: CELExpr, index: CELExpr, isOptional: Bool)
        /// A function call: global when `target` is nil, receiver-style otherwise.
        case call(target: CELExpr?, function: String, arguments: [CELExpr])
        case list(elements: [CELExpr], optionalIndices: [Int])
        case map(entries: [MapEntry])
        case conditional(CELExpr, CELExpr, CELExpr)
        /// `&&` over two or more operands (chains are flattened, so they cost no depth).
        case and([CELExpr])
        /// `||` over two or more operands.
        case or([CELExpr])
        case comprehension(Comprehension)
        /// A placeholder where the parser recovered from a syntax error.
        case invalid
    }

    /// The node's identifier, unique within one expression.
    var id: ExprID
    /// Offset of the node's first character, in Unicode scalars.
    var offset: Int
    /// The node itself.
    var kind: Kind
    /// The height of the tree under this node (1 for a leaf); bounds evaluation's recursion.
    var height: Int32

    init(id: ExprID, offset: Int, kind: Kind) {
        self.id = id
        self.offset = offset
        self.kind = kind
        var h: Int32 = 0
        switch kind {
        case .literal, .identifier, .invalid: break
        case .select(let o, _, _, _): h = o.height
        case .index(let o, let i, _): h = max(o.height, i.height)
        case .call(let t, _, let args): h = args.reduce(t?.height ?? 0) { max($0, $1.height) }
        case .list(let es, _): h = es.reduce(0) { max($0, $1.height) }
        case .map(let es): h = es.reduce(0) { max($0, $1.key.height, $1.value.height) }
        case .conditional(let a, let b, let c): h = max(a.height, b.height, c.height)
        case .and(let xs), .or(let xs): h = xs.reduce(0) { max($0, $1.height) }
        case .comprehension(let c):
            h = max(c.range.height, c.predicate?.height ?? 0, c.transform?.height ?? 0)
        }
        height = h + 1
    }
}

extension CELExpr {
    /// The dotted name of a chain of plain identifiers and field selections (`a.b.c`), or nil.
    var qualifiedName: String? {
        switch kind {
        case .identifier(let name): return name
        case .select(let operand, let field, false, false):
            guard let base = operand.qualifiedName else { return nil }
            return base + "." + field
        default: return nil
        }
    }

    /// The names of a chain of identifiers and plain field selections (`["a", "b", "c"]`), or nil.
    var memberChain: [String]? {
        switch kind {
        case .identifier(let name): return [name]
        case .select(let operand, let field, false, false):
            guard let base = operand.memberChain else { return nil }
            return base + [field]
        default: return nil
        }
    }

    /// A cel-go-style debug rendering, used by the parser tests.
    var debugDescription: String {
        switch kind {
        case .literal(let v): return v.celSource
        case .identifier(let n): return n
        case .select(let o, let f, let t, let opt):
            let s = o.debugDescription + (opt ? ".?" : ".") + f
            return t ? "has(\(s))" : s
        case .index(let o, let i, let opt):
            return o.debugDescription + (opt ? "[?" : "[") + i.debugDescription + "]"
        case .call(let target, let f, let args):
            let a = args.map(\.debugDescription).joined(separator: ", ")
            if let target { return "\(target.debugDescription).\(f)(\(a))" }
            return "\(f)(\(a))"
        case .list(let elements, let opts):
            let parts = elements.enumerated().map {
                (opts.contains($0.offset) ? "?" : "") + $0.element.debugDescription
            }
            return "[" + parts.joined(separator: ", ") + "]"
        case .map(let entries):
            let parts = entries.map {
                ($0.isOptional ? "?" : "") + $0.key.debugDescription + ": " + $0.value.debugDescription
            }
            return "{" + parts.joined(separator: ", ") + "}"
        case .conditional(let c, let t, let f):
            return "(\(c.debugDescription) ? \(t.debugDescription) : \(f.debugDescription))"
        case .and(let xs): return "(" + xs.map(\.debugDescription).joined(separator: " && ") + ")"
        case .or(let xs): return "(" + xs.map(\.debugDescription).joined(separator: " || ") + ")"
        case .comprehension(let c):
            var args = [c.variable]
            if let p = c.predicate { args.append(p.debugDescription) }
            if let t = c.transform { args.append(t.debugDescription) }
            return "\(c.range.debugDescription).\(c.macro.rawValue)~(\(args.joined(separator: ", ")))"
        case .invalid: return "<error>"
        }
    }
}
