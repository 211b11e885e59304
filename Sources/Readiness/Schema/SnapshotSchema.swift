import StrictYAML

/// The snapshot schema: the standard snapshot's JSON Schema (`Rulesets/schemas/snapshot.schema.json`,
/// compiled into the binary), extended by the facts custom rulesets declare in `facts:`.
///
/// One source of truth for validation, the starter form `readiness init` writes, the type
/// checking of rule expressions, and editors (through `readiness schema snapshot`).
public struct SnapshotSchema: Sendable {
    /// The compiled root (a mapping of sections).
    public let root: SchemaNode

    /// Wraps a compiled root.
    public init(root: SchemaNode) {
        self.root = root
    }

    /// The standard snapshot schema, compiled once.
    public static let standard = SnapshotSchema(root: compileStandard())

    /// The standard schema extended by every fact the catalog's rulesets declare.
    /// - Parameter includingStandard: false for only the declared facts, under an open root
    ///   (a catalog of custom rulesets has its own snapshot shape).
    public static func forCatalog(_ catalog: RuleCatalog, includingStandard: Bool = true) -> SnapshotSchema {
        let facts = catalog.rulesets.flatMap(\.facts)
        guard !facts.isEmpty || !includingStandard else { return standard }
        let root: SchemaNode
        if includingStandard {
            root = compileStandard()
        } else {
            root = SchemaNode()
            root.types = .object
        }
        for fact in facts { declare(fact, in: root) }
        return SnapshotSchema(root: root)
    }

    /// The schema documents `readiness schema` prints, by name.
    public static let documents: [(name: String, bytes: [UInt8])] = [
        ("snapshot", PackageResources.snapshot_schema_json),
        ("ruleset", PackageResources.ruleset_schema_json),
        ("test", PackageResources.test_schema_json),
    ]

    /// The text of a schema document, or nil for an unknown name.
    public static func text(named name: String) -> String? {
        documents.first { $0.name == name }.map { String(decoding: $0.bytes, as: UTF8.self) }
    }

    static func compileStandard() -> SchemaNode {
        // The embedded file is ours and valid JSON; a failure here leaves an open schema.
        guard let document = try? YAMLLoader().load(bytes: PackageResources.snapshot_schema_json, file: "snapshot.schema.json")
        else { return SchemaNode() }
        return SchemaNode.compile(document: document.root)
    }

    /// Adds a declared fact at its path, creating the mappings and lists on the way.
    static func declare(_ fact: FactDeclaration, in root: SchemaNode) {
        var node = root
        var steps = fact.steps
        var declared = fact.node
        // `a.list[]` declares the list itself (`type: list`), or the type of its elements.
        if steps.last == "[]" {
            steps.removeLast()
            if !declared.types.contains(.array) {
                let list = SchemaNode()
                list.types = .array
                list.items = declared
                list.allowsUnknown = true
                declared = list
            }
        }
        for (i, step) in steps.enumerated() {
            let isLast = i == steps.count - 1
            let here = node.shape
            if step == "[]" {
                if here.items == nil { here.items = FactDeclaration.objectNode() }
                guard let items = here.items else { return }
                node = items
                continue
            }
            if isLast {
                if let existing = here.property(step)?.shape, existing.types.contains(.array),
                    let items = existing.items, let newItems = declared.items
                {
                    // The list's fields were declared first: keep them, take the list's own keywords.
                    items.required += newItems.required
                    existing.subject = declared.subject ?? existing.subject
                    existing.description = declared.description ?? existing.description
                } else {
                    here.setProperty(step, declared)
                }
            } else if let existing = here.property(step) {
                node = existing
            } else {
                let next = steps[i + 1] == "[]" ? FactDeclaration.listNode() : FactDeclaration.objectNode()
                here.setProperty(step, next)
                node = next
            }
        }
    }
}
