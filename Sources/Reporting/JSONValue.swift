public import StrictYAML

/// A snapshot or parameter value, encodable inside `Codable` reports: timestamps become RFC 3339
/// text, bytes base64-free hex text, non-finite numbers text. A map's keys are written as they
/// are, whatever the encoder's key strategy.
public struct JSONValue: Encodable, Sendable, DataKeyedEncodable {
    /// The value encoded.
    public var value: Value

    /// The JSON form of a value.
    public init(_ value: Value) {
        self.value = value
    }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Encodes the value: a list as an array, a map as an object in its own key order, anything
    /// else as a scalar.
    public func encode(to encoder: any Encoder) throws {
        switch value {
        case .list(let l):
            var c = encoder.unkeyedContainer()
            for v in l.elements { try c.encode(JSONValue(v)) }
        case .map(let m):
            var c = encoder.container(keyedBy: Key.self)
            for i in 0..<m.count {
                let key: String
                if case .string(let s) = m.keys[i] { key = s } else { key = m.keys[i].description }
                try c.encode(JSONValue(m.values[i]), forKey: Key(stringValue: key))
            }
        default:
            var c = encoder.singleValueContainer()
            try encodeScalar(into: &c)
        }
    }

    /// A scalar (or null) into its single-value container.
    private func encodeScalar(into c: inout any SingleValueEncodingContainer) throws {
        switch value {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .int(let i): try c.encode(i)
        case .uint(let u): try c.encode(u)
        case .double(let d): try d.isFinite ? c.encode(d) : c.encode(String(d))
        case .string(let s): try c.encode(s)
        // Two hex digits a byte: [0x1, 0x23] and [0x12, 0x3] must not both read "123".
        case .bytes(let b): try c.encode(b.map { ($0 < 0x10 ? "0" : "") + String($0, radix: 16) }.joined())
        default: try c.encode(value.description)
        }
    }
}
