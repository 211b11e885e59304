extension TreeEncoder {
    struct Unkeyed: UnkeyedEncodingContainer {
        let node: TreeNode
        var codingPath: [any CodingKey]
        let keys: JSONTreeEncoder.KeyStrategy
        var count: Int { node.count }

        mutating func encodeNil() throws {
            let child = TreeNode()
            child.kind = .null
            node.append(child)
        }

        mutating func encode(_ value: String) throws {
            let child = TreeNode()
            child.kind = .string(value)
            node.append(child)
        }

        mutating func encode<T: Encodable>(_ value: T) throws {
            let child = TreeNode()
            try TreeEncoder.encode(value, into: child, codingPath: codingPath, keys: keys)
            if case .unset = child.kind { child.kind = .object }
            node.append(child)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let child = TreeNode()
            child.makeObject()
            node.append(child)
            return KeyedEncodingContainer(Keyed<NestedKey>(node: child, codingPath: codingPath, keys: keys, ownKeys: keys))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let child = TreeNode()
            child.makeArray()
            node.append(child)
            return Unkeyed(node: child, codingPath: codingPath, keys: keys)
        }

        mutating func superEncoder() -> any Encoder {
            let child = TreeNode()
            node.append(child)
            return TreeEncoder(node: child, codingPath: codingPath, keys: keys)
        }
    }
}
