/// The starter form `readiness init` writes: every fact the selected rulesets read, from the
/// snapshot schema, with its type, unit and meaning in a comment and its value left unknown
/// (`~`). Lists are left unknown too, with the fields of one element commented out beneath.
/// `readiness check` runs on it as written and reports every area as unassessed.
public enum SnapshotForm {
    /// The line that gives YAML editors (VS Code's YAML extension) the schema.
    public static let schemaModeline = "# yaml-language-server: $schema=snapshot.schema.json"

    /// The form for a catalog.
    public static func make(for catalog: RuleCatalog, language: String = "en") -> String {
        let schema = SnapshotSchema.forCatalog(catalog)
        let read = readPaths(of: catalog)
        var out = schemaModeline + "\n"
        out += Language(code: language) == .zh
            ? "# Readiness 快照表单：把每个 ~（未知）替换为项目的真实数据；未知的事实保持 ~ 即可，规则会将其列为待收集的证据。\n# 编辑器补全：readiness schema snapshot > snapshot.schema.json\n"
            : "# Readiness snapshot form: replace each ~ (not known yet) with the project's real facts.\n# A fact left ~ (or unknown, TBD) is listed as evidence to collect; check runs on this form as it is.\n# Editor completion: readiness schema snapshot > snapshot.schema.json\n"
        for (name, node) in schema.root.properties {
            switch name {
            case "project":
                out += "project:\n  name: ~  # text: the project's name, shown in reports\n"
                out += "  as_of: ~  # date YYYY-MM-DD: the evaluation date (default: today, or --as-of)\n"
                // `start` is read by the engine, not by a rule: it decides whether the assessment is
                // a feasibility check or a go-live review, and when `due: {from: start}` checks fall due.
                for (field, child) in node.shape.properties
                where field != "name" && field != "as_of" && (field == "start" || read.contains("project.\(field)")) {
                    out += "  \(field): ~  # \(comment(child))\n"
                }
            case "phases":
                out += "phases: ~  # the roll-out plan (not known yet: ~); one entry per phase:\n"
                out += elementLines(node.shape.items, indent: 0)
            case "params", "waivers":
                continue
            case "overrides":
                out += Language(code: language) == .zh
                    ? "overrides: []  # 针对本客户校准内置规则（停用、严重程度、处置、参数、仅限部分站点或模块），每项须注明理由：\n"
                    : "overrides: []  # calibrate built-in rules for this client (off, severity, action, params, only some sites or modules), each with a reason:\n"
                out += elementLines(node.shape.items, indent: 0)
            default:
                guard read.contains(name) else { continue }
                render(name, node, path: name, read: read, indent: 0, into: &out)
            }
        }
        let unlisted = catalog.readTopLevelKeys.subtracting(schema.root.properties.map(\.name)).sorted()
        if !unlisted.isEmpty {
            out += "# Facts the rulesets read that no schema declares (declare them in the ruleset's facts:):\n"
            out += SnapshotTemplate.skeleton(for: catalog, only: Set(unlisted))
        }
        return out
    }

    /// Renders one fact or section.
    static func render(_ name: String, _ node: SchemaNode, path: String, read: Set<String>, indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        let shape = node.shape
        if shape.types.contains(.object), !shape.properties.isEmpty {
            out += "\(pad)\(name):\n"
            for (field, child) in shape.properties where read.contains("\(path).\(field)") {
                render(field, child, path: "\(path).\(field)", read: read, indent: indent + 2, into: &out)
            }
        } else if shape.types.contains(.array), let items = shape.items, !items.shape.properties.isEmpty {
            out += "\(pad)\(name): ~  # \(comment(node)); one entry per element:\n"
            out += elementLines(items, indent: indent)
        } else {
            out += "\(pad)\(name): ~  # \(comment(node))\n"
        }
    }

    /// One list element's fields, commented out.
    static func elementLines(_ items: SchemaNode?, indent: Int) -> String {
        guard let items else { return "" }
        let pad = String(repeating: " ", count: indent)
        var out = ""
        for (k, (field, child)) in items.shape.properties.enumerated() {
            out += "\(pad)#\(k == 0 ? "  - " : "    ")\(field): ~  # \(comment(child))\n"
        }
        return out
    }

    /// `number, Mbps: WAN bandwidth …`.
    static func comment(_ node: SchemaNode) -> String {
        var type = node.typeDescription
        if type.hasPrefix("a ") { type.removeFirst(2) }
        if type.hasPrefix("an ") { type.removeFirst(3) }
        if let unit = node.unit ?? node.shape.unit { type += ", \(unit)" }
        guard var text = node.summary else { return type }
        if let cut = text.range(of: " Unit: ") { text = String(text[..<cut.lowerBound]) }
        while text.hasSuffix(".") { text.removeLast() }
        return "\(type): \(text)"
    }

    /// The fact paths the catalog's rules read, every prefix included; an element field reads
    /// as `list.field` (lists are rendered whole, so their fields need not be listed).
    static func readPaths(of catalog: RuleCatalog) -> Set<String> {
        var out: Set<String> = []
        for rule in catalog.rules {
            for expression in rule.expressions {
                for path in expression.program.referencedPaths where path.first != "params" && path.first != "as_of" {
                    for end in 1...path.count { out.insert(path[..<end].joined(separator: ".")) }
                }
            }
        }
        return out
    }
}
