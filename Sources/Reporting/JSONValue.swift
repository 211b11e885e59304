import StrictYAML

/// A JSON value, for encoding snapshot and parameter values inside `Codable` reports.
public enum JSONValue: Encodable, Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// The JSON form of a value: timestamps become RFC 3339 text, bytes base64-free hex text.
    public init(_ value: Value) {
        switch value {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .int(let i): self = .int(i)
        case .uint(let u): self = .uint(u)
        case .double(let d): self = d.isFinite ? .double(d) : .string(String(d))
        case .string(let s): self = .string(s)
        case .bytes(let b): self = .string(b.map { String($0, radix: 16) }.joined())
        case .list(let l): self = .array(l.elements.map(JSONValue.init))
        case .map(let m):
            self = .object((0..<m.count).map { i in
                let key: String
                if case .string(let s) = m.keys[i] { key = s } else { key = m.keys[i].description }
                return (key, JSONValue(m.values[i]))
            })
        default: self = .string(value.description)
        }
    }

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): true
        case let (.bool(x), .bool(y)): x == y
        case let (.int(x), .int(y)): x == y
        case let (.uint(x), .uint(y)): x == y
        case let (.double(x), .double(y)): x == y
        case let (.string(x), .string(y)): x == y
        case let (.array(x), .array(y)): x == y
        case let (.object(x), .object(y)): x.map(\.0) == y.map(\.0) && x.map(\.1) == y.map(\.1)
        default: false
        }
    }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .array(let a):
            var c = encoder.unkeyedContainer()
            for v in a { try c.encode(v) }
        case .object(let pairs):
            var c = encoder.container(keyedBy: Key.self)
            for (k, v) in pairs { try c.encode(v, forKey: Key(stringValue: k)) }
        case .null, .bool, .int, .uint, .double, .string:
            var c = encoder.singleValueContainer()
            try encodeScalar(into: &c)
        }
    }

    /// A scalar (or null) into its single-value container.
    private func encodeScalar(into c: inout any SingleValueEncodingContainer) throws {
        switch self {
        case .bool(let b): try c.encode(b)
        case .int(let i): try c.encode(i)
        case .uint(let u): try c.encode(u)
        case .double(let d): try c.encode(d)
        case .string(let s): try c.encode(s)
        case .null, .array, .object: try c.encodeNil()
        }
    }
}
