import CEL
import SourceDiagnostics
import StrictYAML

/// Type-checks every expression of a catalog's rules against the snapshot schema (with the
/// facts the rulesets declare) and the declared parameters, at load time: a misspelt fact or
/// parameter, incompatible comparisons and arithmetic, and integer division where a double is
/// meant are reported at the expression's file:line:column.
enum RuleTypeCheck {
    /// The problems of a catalog's expressions.
    static func diagnostics(for catalog: RuleCatalog, cel: CELEnvironment) -> [Diagnostic] {
        let globals = globals(schema: .forCatalog(catalog), parameters: catalog.parameters)
        var out: [Diagnostic] = []
        for rule in catalog.rules {
            var declarations = CELDeclarations(globals: globals)
            if let iteration = rule.iteration {
                let (listType, problems) = cel.typeCheck(iteration.list.program, declarations: declarations)
                out += problems
                switch listType {
                case .list(let element): declarations.locals[iteration.variable] = element
                case .map(let key, _): declarations.locals[iteration.variable] = key
                case .object: declarations.locals[iteration.variable] = .string
                default: declarations.locals[iteration.variable] = .dyn
                }
            }
            for expression in rule.elementExpressions {
                out += cel.typeCheck(expression.program, declarations: declarations).diagnostics
            }
        }
        return out
    }

    /// The declared globals: the schema's top-level facts, `params` (closed: exactly the
    /// declared parameters) and `as_of`.
    static func globals(schema: SnapshotSchema, parameters: [Parameter]) -> [String: CELType] {
        var globals: [String: CELType] = [:]
        for (name, node) in schema.root.properties where name != "params" && name != "waivers" {
            globals[name] = node.celType
        }
        var fields: [String: CELType] = [:]
        for parameter in parameters { fields[parameter.name] = type(of: parameter.value) }
        globals["params"] = .object(CELObjectType(fields: fields, isClosed: true, kind: "parameter"))
        globals["as_of"] = .timestamp
        return globals
    }

    /// The type of a parameter's declared value.
    static func type(of value: Value) -> CELType {
        switch value {
        case .bool: .bool
        case .int: .int
        case .uint: .uint
        case .double: .double
        case .string: .string
        case .list(let list):
            list.elements.allSatisfy({ $0.stringValue != nil }) && list.count > 0 ? .list(.string) : .list(.dyn)
        default: .dyn
        }
    }
}

extension SchemaNode {
    /// The CEL type of the values this node describes.
    var celType: CELType {
        let node = shape
        if let values = node.allowedValues {
            return values.allSatisfy({ $0.stringValue != nil }) ? .string : .dyn
        }
        if node.types.contains(.object) || !node.properties.isEmpty {
            if node.properties.isEmpty, let other = node.additionalProperties {
                return .map(key: .string, value: other.celType)
            }
            var fields: [String: CELType] = [:]
            for (name, child) in node.properties { fields[name] = child.celType }
            return .object(CELObjectType(fields: fields, isClosed: node.isClosed))
        }
        if node.types.contains(.array) { return .list(node.items?.celType ?? .dyn) }
        switch node.types {
        case .string: return .string
        case .boolean: return .bool
        case .integer: return .int
        case [.number, .integer]: return .number
        default: return .dyn
        }
    }
}
