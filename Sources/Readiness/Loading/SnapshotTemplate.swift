/// The filled-in example `readiness init --example` writes: the built-in template for the
/// built-in rulesets, or a skeleton of every fact that the given rulesets read (unknown, `~`).
public enum SnapshotTemplate {
    /// The starter snapshot for a catalog.
    /// - Parameter isBuiltin: whether the catalog is exactly the built-in rulesets.
    public static func make(for catalog: RuleCatalog, isBuiltin: Bool, language: String = "en") -> String {
        if isBuiltin { return BuiltinRulesets.snapshotTemplate }
        var out = Language(code: language) == .zh
            ? "# Readiness 快照模板：请把每个值替换为项目的真实数据。\n# 注释说明读取该事实的规则。\n"
            : "# Readiness starter snapshot: replace every value with the project's real facts.\n# Comments name the rules that read each fact.\n"
        out += "project:\n  name: ~\n  as_of: ~  # YYYY-MM-DD: the evaluation date\n"
        out += skeleton(for: catalog, only: nil, droppingEmptyProject: true)
        out += "phases: []  # [{name, start, end, scope: {sites: [], modules: []}, depends_on: []}]\n"
        return out
    }

    /// The facts the rules read, as YAML with `null` values and the reading rules in comments;
    /// only the top-level keys in `only`, when given.
    static func skeleton(for catalog: RuleCatalog, only: Set<String>?, droppingEmptyProject: Bool = false) -> String {
        var root = Node()
        for rule in catalog.rules {
            let expressions = rule.elementExpressions
            var listPath: [String]?
            if let iteration = rule.iteration {
                for path in iteration.list.program.referencedPaths where path.first != "params" && path.first != "as_of" {
                    root.insert(path[...], rule: rule.id, isList: path == iteration.list.program.referencedPaths.first)
                }
                listPath = iteration.list.program.referencedPaths.first
            }
            for expression in expressions {
                for path in expression.program.referencedPaths where path.first != "params" && path.first != "as_of" {
                    root.insert(path[...], rule: rule.id, isList: false)
                }
                if let iteration = rule.iteration, let listPath {
                    for field in fields(of: iteration.variable, in: expression.source) {
                        root.insertElementField(listPath[...], field: field, rule: rule.id)
                    }
                }
            }
        }
        if droppingEmptyProject { root.children.removeAll { $0.name == "project" && $0.node.children.isEmpty } }
        if let only { root.children.removeAll { !only.contains($0.name) } }
        var out = ""
        root.render(into: &out, indent: 0)
        return out
    }

    /// Field names read as `variable.field` in an expression's text.
    static func fields(of variable: String, in source: String) -> [String] {
        var out: [String] = []
        let scalars = Array(source.unicodeScalars)
        let name = Array(variable.unicodeScalars)
        var i = 0
        func isIdent(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic || s == "_" || ("0"..."9").contains(s) }
        while i + name.count < scalars.count {
            let startsWord = i == 0 || (!isIdent(scalars[i - 1]) && scalars[i - 1] != ".")
            if startsWord && Array(scalars[i..<(i + name.count)]) == name && scalars[i + name.count] == "." {
                var j = i + name.count + 1
                var field = String.UnicodeScalarView()
                while j < scalars.count && isIdent(scalars[j]) {
                    field.append(scalars[j])
                    j += 1
                }
                if !field.isEmpty && !out.contains(String(field)) { out.append(String(field)) }
                i = j
            } else {
                i += 1
            }
        }
        return out
    }

    /// A tree of fact names.
    struct Node {
        var children: [(name: String, node: Node)] = []
        var rules: [String] = []
        var isList = false
        var elementFields: [(name: String, rules: [String])] = []

        mutating func insert(_ path: ArraySlice<String>, rule: String, isList: Bool) {
            guard let head = path.first else { return }
            let i = children.firstIndex { $0.name == head } ?? {
                children.append((head, Node()))
                return children.count - 1
            }()
            if path.count == 1 {
                if !children[i].node.rules.contains(rule) { children[i].node.rules.append(rule) }
                if isList { children[i].node.isList = true }
            } else {
                children[i].node.insert(path.dropFirst(), rule: rule, isList: isList)
            }
        }

        mutating func insertElementField(_ path: ArraySlice<String>, field: String, rule: String) {
            guard let head = path.first, let i = children.firstIndex(where: { $0.name == head }) else { return }
            if path.count == 1 {
                children[i].node.isList = true
                if let f = children[i].node.elementFields.firstIndex(where: { $0.name == field }) {
                    if !children[i].node.elementFields[f].rules.contains(rule) { children[i].node.elementFields[f].rules.append(rule) }
                } else {
                    children[i].node.elementFields.append((field, [rule]))
                }
            } else {
                children[i].node.insertElementField(path.dropFirst(), field: field, rule: rule)
            }
        }

        func render(into out: inout String, indent: Int) {
            let pad = String(repeating: " ", count: indent)
            for (name, node) in children {
                let comment = node.rules.isEmpty ? "" : "  # \(node.rules.joined(separator: ", "))"
                if node.isList && node.elementFields.isEmpty {
                    out += "\(pad)\(name): ~\(comment)\n"
                } else if node.isList {
                    out += "\(pad)\(name):\(comment)\n"
                    for (k, field) in node.elementFields.enumerated() {
                        out += "\(pad)  \(k == 0 ? "- " : "  ")\(field.name): null  # \(field.rules.joined(separator: ", "))\n"
                    }
                } else if node.children.isEmpty {
                    out += "\(pad)\(name): null\(comment)\n"
                } else {
                    out += "\(pad)\(name):\(comment)\n"
                    node.render(into: &out, indent: indent + 2)
                }
            }
        }
    }
}
