public import SourceDiagnostics
import StrictYAML

/// A custom fact a ruleset declares in its `facts:` section: a path (`security.pentest.passed`,
/// `security.findings[]`, `security.findings[].severity`) and its type, extending the snapshot
/// schema for validation, `init` and type checking.
public struct FactDeclaration: Sendable {
    /// The path as written.
    public var path: String
    /// The schema of the fact.
    public var node: SchemaNode
    /// Where the declaration stands.
    public var location: SourceLocation

    /// The types a declaration may give.
    static let types = ["string", "integer", "number", "boolean", "date", "list", "strings", "object"]
    static let keys = ["type", "description", "unit", "enum", "minimum", "maximum", "subject", "required"]

    /// The path's steps: keys, and `[]` for "each element of".
    var steps: [String] {
        var out: [String] = []
        for part in path.split(separator: ".") {
            var name = Substring(part)
            var lists = 0
            while name.hasSuffix("[]") {
                name = name.dropLast(2)
                lists += 1
            }
            out.append(String(name))
            out += Array(repeating: "[]", count: lists)
        }
        return out
    }

    /// Whether a path is well formed: identifiers separated by dots, each optionally `[]`.
    static func isValidPath(_ path: String) -> Bool {
        guard !path.isEmpty else { return false }
        return path.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { part in
            var name = Substring(part)
            while name.hasSuffix("[]") { name = name.dropLast(2) }
            guard let first = name.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else { return false }
            return name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0 == "_" || ("0"..."9").contains($0) }
        }
    }

    static func objectNode() -> SchemaNode {
        let node = SchemaNode()
        node.types = .object
        node.isClosed = true
        node.allowsUnknown = true
        return node
    }

    static func listNode() -> SchemaNode {
        let node = SchemaNode()
        node.types = .array
        node.items = objectNode()
        node.allowsUnknown = true
        return node
    }

    /// The schema node for a declared type, accepting explicit unknowns.
    static func node(type: String) -> SchemaNode {
        let node: SchemaNode
        switch type {
        case "list": node = listNode()
        case "object": node = objectNode()
        case "strings":
            node = SchemaNode()
            node.types = .array
            node.items = SchemaNode()
            node.items?.types = .string
        default:
            node = SchemaNode()
            switch type {
            case "string": node.types = .string
            case "integer": node.types = .integer
            case "number": node.types = [.number, .integer]
            case "boolean": node.types = .boolean
            case "date":
                node.types = .string
                node.isDate = true
            default: break
            }
        }
        node.allowsUnknown = true
        return node
    }
}
