struct TreeEncoder: Encoder {
    let node: TreeNode
    var codingPath: [any CodingKey]
    /// How the keys declared here and below are written.
    let keys: JSONTreeEncoder.KeyStrategy
    /// The type of the value being encoded: a dictionary's keys (`DataKeyedEncodable`) are data,
    /// written as they are. Nil for a super-encoder's value, whose keys are declared.
    var valueType: (any Encodable.Type)? = nil
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.makeObject()
        // Asked here, where keys are written, not for every value (arrays, optionals, scalars).
        let keysAreData = keys != .asDeclared && valueType.map { $0 is any DataKeyedEncodable.Type } == true
        return KeyedEncodingContainer(
            Keyed<Key>(node: node, codingPath: codingPath, keys: keys, ownKeys: keysAreData ? .asDeclared : keys))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.makeArray()
        return Unkeyed(node: node, codingPath: codingPath, keys: keys)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        Single(node: node, codingPath: codingPath, keys: keys)
    }

    static func encode<T: Encodable>(
        _ value: T, into node: TreeNode, codingPath: [any CodingKey], keys: JSONTreeEncoder.KeyStrategy
    ) throws {
        // Comparing metatypes is far cheaper than dynamic casts.
        if T.self == String.self {
            node.kind = .string(unsafeBitCast(value, to: String.self))
        } else if T.self == Int.self {
            node.kind = .number(String(unsafeBitCast(value, to: Int.self)))
        } else if T.self == Bool.self {
            node.kind = .bool(unsafeBitCast(value, to: Bool.self))
        } else if T.self == Double.self {
            node.kind = .number(TreeNode.number(unsafeBitCast(value, to: Double.self)))
        } else {
            try value.encode(to: TreeEncoder(node: node, codingPath: codingPath, keys: keys, valueType: T.self))
        }
    }
}
