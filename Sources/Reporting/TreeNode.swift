/// A node of the tree being encoded. Children live in stored arrays (not enum payloads) so
/// that appending to them happens in place.
final class TreeNode {
    enum Kind {
        case unset
        case null
        case bool(Bool)
        case number(String)
        case string(String)
        case object
        case array
        /// A value that writes itself (the hot path of large reports).
        case direct(any DirectJSONWritable)
    }

    var kind: Kind = .unset
    var members: [(key: String, node: TreeNode)] = []
    var elements: [TreeNode] = []

    func makeObject() {
        if case .object = kind { return }
        kind = .object
    }

    func makeArray() {
        if case .array = kind { return }
        kind = .array
    }

    func append(key: String, _ node: TreeNode) {
        members.append((key, node))
    }

    func append(_ node: TreeNode) {
        elements.append(node)
    }

    var count: Int {
        switch kind {
        case .object: members.count
        case .array: elements.count
        default: 0
        }
    }

    static func number(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return String(d)
    }
}
