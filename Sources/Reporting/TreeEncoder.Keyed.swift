extension TreeEncoder {
    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let node: TreeNode
        var codingPath: [any CodingKey]
        /// How the keys of the values below are written.
        let keys: JSONTreeEncoder.KeyStrategy
        /// How this container's own keys are written (as they are for a dictionary).
        let ownKeys: JSONTreeEncoder.KeyStrategy

        private func name(_ key: Key) -> String {
            ownKeys.key(key.stringValue)
        }

        mutating func encodeNil(forKey key: Key) throws {
            let child = TreeNode()
            child.kind = .null
            node.append(key: name(key), child)
        }

        mutating func encode(_ value: String, forKey key: Key) throws { put(.string(value), key) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { put(.bool(value), key) }
        mutating func encode(_ value: Int, forKey key: Key) throws { put(.number(String(value)), key) }
        mutating func encode(_ value: Double, forKey key: Key) throws { put(.number(TreeNode.number(value)), key) }

        private func put(_ kind: TreeNode.Kind, _ key: Key) {
            let child = TreeNode()
            child.kind = kind
            node.append(key: name(key), child)
        }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            let child = TreeNode()
            try TreeEncoder.encode(value, into: child, codingPath: codingPath + [key], keys: keys)
            if case .unset = child.kind { child.kind = .object }
            node.append(key: name(key), child)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let child = TreeNode()
            child.makeObject()
            node.append(key: name(key), child)
            return KeyedEncodingContainer(Keyed<NestedKey>(node: child, codingPath: codingPath + [key], keys: keys, ownKeys: ownKeys))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let child = TreeNode()
            child.makeArray()
            node.append(key: name(key), child)
            return Unkeyed(node: child, codingPath: codingPath + [key], keys: keys)
        }

        mutating func superEncoder() -> any Encoder {
            let child = TreeNode()
            node.append(key: "super", child)
            return TreeEncoder(node: child, codingPath: codingPath, keys: keys)
        }

        mutating func superEncoder(forKey key: Key) -> any Encoder {
            let child = TreeNode()
            node.append(key: name(key), child)
            return TreeEncoder(node: child, codingPath: codingPath + [key], keys: keys)
        }
    }
}
