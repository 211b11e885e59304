extension TreeEncoder {
    struct Single: SingleValueEncodingContainer {
        let node: TreeNode
        var codingPath: [any CodingKey]
        let keys: JSONTreeEncoder.KeyStrategy

        mutating func encodeNil() throws { node.kind = .null }
        mutating func encode(_ value: Bool) throws { node.kind = .bool(value) }
        mutating func encode(_ value: String) throws { node.kind = .string(value) }
        mutating func encode(_ value: Double) throws { node.kind = .number(TreeNode.number(value)) }
        mutating func encode(_ value: Float) throws { node.kind = .number(TreeNode.number(Double(value))) }
        mutating func encode(_ value: Int) throws { node.kind = .number(String(value)) }
        mutating func encode(_ value: Int8) throws { node.kind = .number(String(value)) }
        mutating func encode(_ value: Int16) throws { node.kind = .number(String(value)) }
        mutating func encode(_ value: Int32) throws { node.kind = .number(String(value)) }
        mutating func encode(_ value: Int64) throws { node.kind = .number(String(value)) }
        mutating func encode(_ value: UInt) throws { node.kind = .number(String(value)) }
        mutating func encode(_ value: UInt8) throws { node.kind = .number(String(value)) }
        mutating func encode(_ value: UInt16) throws { node.kind = .number(String(value)) }
        mutating func encode(_ value: UInt32) throws { node.kind = .number(String(value)) }
        mutating func encode(_ value: UInt64) throws { node.kind = .number(String(value)) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            try TreeEncoder.encode(value, into: node, codingPath: codingPath, keys: keys)
        }
    }
}
