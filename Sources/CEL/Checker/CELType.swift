/// A static type for CEL's type checker, as cel-go's `types.Type`: what a declared variable
/// holds and what an expression gives. `dyn` is "not known until run time" and fits anything.
public indirect enum CELType: Sendable, Equatable, CustomStringConvertible {
    case dyn
    case null
    case bool
    case int
    case uint
    case double
    /// A number written whole or decimal (`wan_mbps: 4` or `1.5`): an int or a double at run time.
    case number
    case string
    case bytes
    case timestamp
    case duration
    case list(CELType)
    case map(key: CELType, value: CELType)
    /// A mapping with named fields (a snapshot section, `params`); `isClosed` when no other
    /// field exists, so reading one is an error. `kind` names the fields in messages
    /// ("fact", "parameter").
    case object(CELObjectType)

    /// The type's name, as messages show it.
    public var description: String {
        switch self {
        case .dyn: "dyn"
        case .null: "null"
        case .bool: "bool"
        case .int: "int"
        case .uint: "uint"
        case .double: "double"
        case .number: "number"
        case .string: "string"
        case .bytes: "bytes"
        case .timestamp: "timestamp"
        case .duration: "duration"
        case .list(let element): "list(\(element))"
        case .map(let key, let value): "map(\(key), \(value))"
        case .object: "map"
        }
    }

    /// Whether the type is a number of any kind.
    var isNumeric: Bool {
        switch self {
        case .int, .uint, .double, .number: true
        default: false
        }
    }
}

/// The fields of an object type.
public struct CELObjectType: Sendable, Equatable {
    /// The fields by name.
    public var fields: [String: CELType]
    /// Whether no other field exists.
    public var isClosed: Bool
    /// What a field is called in messages: "fact" or "parameter".
    public var kind: String

    /// Creates an object type.
    public init(fields: [String: CELType], isClosed: Bool, kind: String = "fact") {
        self.fields = fields
        self.isClosed = isClosed
        self.kind = kind
    }
}

/// The declared types of the variables an expression sees: globals by name, and the locals
/// (a rule's `for_each` variable) by name.
public struct CELDeclarations: Sendable {
    /// Global variables (`network`, `params`, `as_of`); an undeclared global is `dyn`.
    public var globals: [String: CELType]
    /// Local variables by name.
    public var locals: [String: CELType]

    /// Creates declarations.
    public init(globals: [String: CELType] = [:], locals: [String: CELType] = [:]) {
        self.globals = globals
        self.locals = locals
    }
}
