import CEL
import SourceDiagnostics
import StrictYAML

/// One pass of `SnapshotValidator` over a value tree: the path so far (rendered only for a
/// message), the diagnostics, and the names and references seen for the cross-checks.
struct SchemaWalk {
    let file: String
    let unknownKeySeverity: Diagnostic.Severity
    let readTopLevelKeys: Set<String>
    var diagnostics: [Diagnostic] = []
    /// Path components: a key, or an index.
    var path: [Component] = []
    /// Names by kind (`site`), and where they were defined (for messages).
    var names: [String: Set<String>] = [:]
    var nameSources: [String: String] = [:]
    /// References by kind, to check once every name is known.
    var references: [(kind: String, name: String, path: String, location: SourceLocation?)] = []
    /// The last key list resolved against each schema node (see `childNodes`).
    var childCache: [ObjectIdentifier: (base: UnsafeRawPointer, children: [SchemaNode?])] = [:]
    /// Unknown keys already reported, by pattern path.
    var reportedUnknownKeys: Set<String> = []

    enum Component {
        case key(String)
        case index(Int)
    }

    init(file: String, unknownKeySeverity: Diagnostic.Severity, readTopLevelKeys: Set<String>) {
        self.file = file
        self.unknownKeySeverity = unknownKeySeverity
        self.readTopLevelKeys = readTopLevelKeys
    }

    /// `network.sites[2].wan_mbps`.
    var renderedPath: String {
        var out = ""
        for component in path {
            switch component {
            case .key(let key): out += out.isEmpty ? key : "." + key
            case .index(let i): out += "[\(i)]"
            }
        }
        return out
    }

    /// `network.sites[].name`: the path with indices as `[]`.
    var patternPath: String {
        var out = ""
        for component in path {
            switch component {
            case .key(let key): out += out.isEmpty ? key : "." + key
            case .index: out += "[]"
            }
        }
        return out
    }

    func location(_ position: SourcePosition?) -> SourceLocation? {
        guard let position, position.isKnown else { return nil }
        return SourceLocation(file: file, position: position)
    }

    /// Checks a value against a node, and everything under it.
    mutating func check(_ value: Value, _ node: SchemaNode, at position: SourcePosition?) {
        if node.allowsUnknown && UnknownFacts.isMarker(value) { return }
        if !node.types.isEmpty && !Self.matches(value, node.types) {
            diagnostics.append(SchemaDiagnostics.wrongType(value, path: renderedPath, expected: node.typeDescription, at: location(position)))
            return
        }
        if let allowed = node.allowedValues, !allowed.contains(value) {
            diagnostics.append(SchemaDiagnostics.notAllowed(value, path: renderedPath, allowed: allowed, at: location(position)))
            return
        }
        switch value {
        case .int, .uint, .double:
            checkBounds(value, node, at: position)
        case .string(let text):
            checkString(text, node, at: position)
        case .map(let map):
            checkObject(map, node, at: position)
        case .list(let list):
            if let items = node.items {
                for i in 0..<list.count {
                    path.append(.index(i))
                    check(list.elements[i], items, at: list.position(at: i))
                    path.removeLast()
                }
            }
        default:
            break
        }
        for sub in node.allOf { check(value, sub, at: position) }
        if !node.anyOf.isEmpty { checkAlternatives(value, node, at: position) }
    }

    /// Whether a value has one of the types.
    static func matches(_ value: Value, _ types: SchemaNode.Types) -> Bool {
        switch value {
        case .null: types.contains(.null)
        case .bool: types.contains(.boolean)
        case .int, .uint: types.contains(.integer) || types.contains(.number)
        case .double(let d): types.contains(.number) || (types.contains(.integer) && d.rounded() == d && d.isFinite)
        case .string: types.contains(.string)
        case .list: types.contains(.array)
        case .map: types.contains(.object)
        default: false
        }
    }

    mutating func checkBounds(_ value: Value, _ node: SchemaNode, at position: SourcePosition?) {
        guard node.minimum != nil || node.maximum != nil else { return }
        let number: Double
        switch value {
        case .int(let n): number = Double(n)
        case .uint(let n): number = Double(n)
        case .double(let d): number = d
        default: return
        }
        if let low = node.minimum, !(number >= low) {
            diagnostics.append(SchemaDiagnostics.outOfRange(value, path: renderedPath, minimum: node.minimum, maximum: node.maximum, at: location(position)))
        } else if let high = node.maximum, !(number <= high) {
            diagnostics.append(SchemaDiagnostics.outOfRange(value, path: renderedPath, minimum: node.minimum, maximum: node.maximum, at: location(position)))
        }
    }

    mutating func checkString(_ text: String, _ node: SchemaNode, at position: SourcePosition?) {
        if let pattern = node.pattern, pattern.regex.matches(text) == false {
            if node.isDate {
                diagnostics.append(SchemaDiagnostics.invalidDate(text, path: renderedPath, at: location(position)))
            } else {
                diagnostics.append(SchemaDiagnostics.patternMismatch(text, path: renderedPath, pattern: pattern.source, at: location(position)))
            }
            return
        }
        if node.isDate, !text.isEmpty, CalendarDate.parse(text) == nil {
            diagnostics.append(SchemaDiagnostics.invalidDate(text, path: renderedPath, at: location(position)))
        }
        if let kind = node.names {
            names[kind, default: []].insert(text)
            if nameSources[kind] == nil { nameSources[kind] = patternPath }
        }
        if let kind = node.refersTo {
            references.append((kind, text, renderedPath, location(position)))
        }
    }

    mutating func checkObject(_ map: ValueMap, _ node: SchemaNode, at position: SourcePosition?) {
        guard !node.properties.isEmpty || node.isClosed || node.additionalProperties != nil || !node.required.isEmpty else { return }
        let children = childNodes(of: map, in: node)
        for i in 0..<map.count {
            guard case .string(let key) = map.keys[i] else { continue }
            if let child = children[i] {
                path.append(.key(key))
                check(map.values[i], child, at: map.valuePosition(at: i))
                path.removeLast()
            } else if node.isClosed, !(path.isEmpty && readTopLevelKeys.contains(key)),
                reportedUnknownKeys.insert(patternPath + "." + key).inserted
            {
                // Once per key and place (`network.sites[].vlan`), not once per element.
                diagnostics.append(SchemaDiagnostics.unknownKey(
                    key, path: renderedPath,
                    allowed: node.properties.map(\.name) + (path.isEmpty ? readTopLevelKeys.sorted() : []),
                    severity: unknownKeySeverity,
                    at: location(map.keyPosition(at: i))))
            }
        }
        for key in node.required where map.index(ofString: key) == nil {
            diagnostics.append(SchemaDiagnostics.missingKey(key, path: renderedPath, at: location(map.position.isKnown ? map.position : position)))
        }
    }

    /// The schema of each entry of a map. Sibling mappings that share one key list (the
    /// elements of a list, as the loader builds them) are resolved once, not key by key.
    mutating func childNodes(of map: ValueMap, in node: SchemaNode) -> [SchemaNode?] {
        let base = map.keys.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
        let id = ObjectIdentifier(node)
        if let base, let cached = childCache[id], cached.base == base, cached.children.count == map.count {
            return cached.children
        }
        let children = map.keys.map { key in key.stringValue.flatMap { node.property($0) } ?? node.additionalProperties }
        if let base { childCache[id] = (base, children) }
        return children
    }

    /// `anyOf`: the first alternative without errors is taken (its warnings kept); when none
    /// fits, the first alternative's problems are reported.
    mutating func checkAlternatives(_ value: Value, _ node: SchemaNode, at position: SourcePosition?) {
        if node.anyOf.count == 1 {
            check(value, node.anyOf[0], at: position)
            return
        }
        let before = diagnostics
        var first: [Diagnostic]?
        for branch in node.anyOf {
            diagnostics = []
            check(value, branch, at: position)
            if !diagnostics.hasErrors {
                diagnostics = before + diagnostics
                return
            }
            if first == nil { first = diagnostics }
        }
        diagnostics = before + (first ?? [])
    }

    /// Reports the references to names no part of the snapshot defines. A kind whose names are
    /// not given at all (no `network.sites`, no phase modules) is not checked.
    mutating func checkReferences() {
        for reference in references {
            guard let defined = names[reference.kind], !defined.contains(reference.name) else { continue }
            diagnostics.append(SchemaDiagnostics.danglingReference(
                reference.name, path: reference.path, kind: reference.kind,
                definedAt: nameSources[reference.kind] ?? reference.kind, names: Array(defined), at: reference.location))
        }
    }
}
