import CEL
import StrictYAML

extension SchemaNode {
    /// Compiles a JSON Schema document (already loaded as a value tree), resolving
    /// `#/$defs/NAME` references. Unknown keywords are annotations and are ignored.
    static func compile(document: Value) -> SchemaNode {
        var resolver = Resolver(defs: document.mapValue?["$defs"]?.mapValue ?? .empty)
        return resolver.compile(document)
    }

    /// Compiles `$defs` once each (a shared definition is one node, referenced from many).
    struct Resolver {
        let defs: ValueMap
        var compiled: [String: SchemaNode] = [:]

        init(defs: ValueMap) {
            self.defs = defs
        }

        mutating func reference(_ ref: String) -> SchemaNode? {
            let prefix = "#/$defs/"
            guard ref.hasPrefix(prefix) else { return nil }
            let name = String(ref.dropFirst(prefix.count))
            if let node = compiled[name] { return node }
            guard let definition = defs[name] else { return nil }
            let node = compile(definition)
            compiled[name] = node
            return node
        }

        mutating func compile(_ json: Value) -> SchemaNode {
            let node = SchemaNode()
            guard case .map(let map) = json else {
                // `true` accepts anything; `false` nothing (an empty type set of `null` only).
                if json == .bool(false) { node.types = .null }
                return node
            }
            node.types = Self.types(map["type"])
            if case .list(let values)? = map["enum"] { node.allowedValues = values.elements }
            if let constant = map["const"] { node.allowedValues = [constant] }
            if let text = map["pattern"]?.stringValue, let regex = try? RE2Regex(text) { node.pattern = (regex, text) }
            node.isDate = map["x-readiness-format"]?.stringValue == "date" || map["format"]?.stringValue == "date"
            node.minimum = Self.number(map["minimum"])
            node.maximum = Self.number(map["maximum"])
            if case .map(let properties)? = map["properties"] {
                for i in 0..<properties.count {
                    guard let name = properties.keys[i].stringValue else { continue }
                    node.setProperty(name, compile(properties.values[i]))
                }
            }
            switch map["additionalProperties"] {
            case .bool(false)?: node.isClosed = true
            case .map?: node.additionalProperties = map["additionalProperties"].map { compile($0) }
            default: break
            }
            if case .list(let required)? = map["required"] { node.required = required.elements.compactMap(\.stringValue) }
            if let items = map["items"] { node.items = compile(items) }
            if let ref = map["$ref"]?.stringValue, let target = reference(ref) { node.allOf.append(target) }
            if case .list(let all)? = map["allOf"] { node.allOf += all.elements.map { compile($0) } }
            if case .list(let any)? = map["anyOf"] {
                for branch in any.elements {
                    if branch.mapValue?["$ref"]?.stringValue == "#/$defs/unknown" {
                        node.allowsUnknown = true
                    } else {
                        node.anyOf.append(compile(branch))
                    }
                }
            }
            node.description = map["description"]?.stringValue
            node.unit = map["x-unit"]?.stringValue
            node.subject = map["x-subject"]?.stringValue
            node.names = map["x-readiness-names"]?.stringValue
            node.refersTo = map["x-readiness-refers-to"]?.stringValue
            return node
        }

        static func types(_ value: Value?) -> Types {
            switch value {
            case .string(let name)?: return type(named: name)
            case .list(let list)?: return list.elements.reduce(into: Types()) { $0.formUnion(type(named: $1.stringValue ?? "")) }
            default: return []
            }
        }

        static func type(named name: String) -> Types {
            switch name {
            case "null": .null
            case "boolean": .boolean
            case "integer": .integer
            case "number": [.number, .integer]
            case "string": .string
            case "array": .array
            case "object": .object
            default: []
            }
        }

        static func number(_ value: Value?) -> Double? {
            switch value {
            case .int(let n)?: Double(n)
            case .double(let d)?: d
            default: nil
            }
        }
    }
}
