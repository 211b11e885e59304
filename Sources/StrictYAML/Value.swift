public import SourceDiagnostics

/// The project's value tree: what the YAML loader builds and what CEL evaluates.
///
/// The loader produces `null`, `bool`, `int`, `double`, `string`, `list` and `map`; the CEL
/// engine adds `uint`, `bytes`, `timestamp`, `duration`, `type` and `optional` values. Lists
/// and maps are immutable reference types that carry the source position of each element, so
/// a finding about `network.sites[3]` can point at `snapshot.yaml:41:5`.
public enum Value: Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case double(Double)
    case string(String)
    case bytes([UInt8])
    case list(ValueList)
    case map(ValueMap)
    case timestamp(Timestamp)
    case duration(Duration)
    case type(ValueType)
    case optional(OptionalValue)
}

/// An immutable list of values, with the source position of each element when it came from a file.
public final class ValueList: Sendable {
    /// The elements, in order.
    public let elements: [Value]
    /// The position of each element, parallel to `elements`; empty when the list was computed.
    public let positions: [SourcePosition]
    /// Where the list itself starts in its source; `.unknown` when it was computed.
    public let position: SourcePosition

    /// Creates a list; `positions` is either empty or as long as `elements`.
    public init(
        _ elements: [Value], positions: [SourcePosition] = [], position: SourcePosition = .unknown
    ) {
        self.elements = elements
        self.positions = positions.count == elements.count ? positions : []
        self.position = position
    }

    /// The number of elements.
    @inlinable public var count: Int { elements.count }

    /// The position of the element at `index`, when known.
    public func position(at index: Int) -> SourcePosition? {
        index < positions.count ? positions[index] : nil
    }

    /// An empty list.
    public static let empty = ValueList([])
}

/// An immutable map that keeps its keys in insertion order.
///
/// Lookups of string keys in small maps scan linearly (objects in a snapshot have a handful of
/// fields); maps with more entries build a hash index once, at creation.
public final class ValueMap: Sendable {
    /// The keys, in order.
    public let keys: [Value]
    /// The values, parallel to `keys`.
    public let values: [Value]
    /// Key and value positions interleaved (key of entry i at 2i, its value at 2i+1); empty
    /// when the map was computed. One array instead of two saves an allocation per map.
    public let entryPositions: [SourcePosition]
    /// Where the map itself starts in its source; `.unknown` when it was computed.
    public let position: SourcePosition
    private let index: [MapKey: Int]?

    static let indexThreshold = 12

    /// Creates a map from parallel arrays. Keys must be distinct under CEL key equality.
    public init(
        keys: [Value], values: [Value], entryPositions: [SourcePosition] = [],
        position: SourcePosition = .unknown
    ) {
        self.position = position
        self.keys = keys
        self.values = values
        self.entryPositions = entryPositions.count == 2 * keys.count ? entryPositions : []
        if keys.count > Self.indexThreshold {
            var index = [MapKey: Int](minimumCapacity: keys.count)
            for (i, key) in keys.enumerated() {
                if let k = MapKey(key), index[k] == nil { index[k] = i }
            }
            self.index = index
        } else {
            self.index = nil
        }
    }

    /// The number of entries.
    @inlinable public var count: Int { keys.count }

    /// An empty map.
    public static let empty = ValueMap(keys: [], values: [])

    /// Creates a map from parallel arrays of keys, values and their positions.
    public convenience init(
        keys: [Value], values: [Value], keyPositions: [SourcePosition],
        valuePositions: [SourcePosition], position: SourcePosition = .unknown
    ) {
        var entryPositions: [SourcePosition] = []
        if keyPositions.count == keys.count && valuePositions.count == keys.count {
            entryPositions.reserveCapacity(2 * keys.count)
            for i in keys.indices {
                entryPositions.append(keyPositions[i])
                entryPositions.append(valuePositions[i])
            }
        }
        self.init(keys: keys, values: values, entryPositions: entryPositions, position: position)
    }

    /// The position of the value of entry `i` (an index into `keys`), when known.
    public func valuePosition(at i: Int) -> SourcePosition? {
        2 * i + 1 < entryPositions.count ? entryPositions[2 * i + 1] : nil
    }

    /// The position of the key of entry `i`, when known.
    public func keyPosition(at i: Int) -> SourcePosition? {
        2 * i < entryPositions.count ? entryPositions[2 * i] : nil
    }

    /// Where each key stands in the source; empty when the map was computed.
    public var keyPositions: [SourcePosition] {
        stride(from: 0, to: entryPositions.count, by: 2).map { entryPositions[$0] }
    }

    /// Where each value stands in the source; empty when the map was computed.
    public var valuePositions: [SourcePosition] {
        stride(from: 1, to: entryPositions.count, by: 2).map { entryPositions[$0] }
    }

    /// The index of a string key, or nil.
    @inlinable
    public func index(ofString name: String) -> Int? {
        if let index = lookupIndex { return index[.string(name)] }
        // Comparing lengths first skips the full string comparison for almost every key.
        let length = name.utf8.count
        for i in keys.indices {
            if case .string(let s) = keys[i], s.utf8.count == length, s == name { return i }
        }
        return nil
    }

    @usableFromInline var lookupIndex: [MapKey: Int]? { index }

    /// The value for a string key, or nil.
    @inlinable
    public subscript(name: String) -> Value? {
        guard let i = index(ofString: name) else { return nil }
        return values[i]
    }

    /// The index of a key under CEL's key equality (int, uint and integral doubles compare by
    /// numeric value), or nil.
    public func index(of key: Value) -> Int? {
        guard let k = MapKey(key) else { return nil }
        if let index { return index[k] }
        for i in keys.indices where MapKey(keys[i]) == k { return i }
        return nil
    }

    /// The value for a key under CEL's key equality, or nil.
    public subscript(key: Value) -> Value? {
        guard let i = index(of: key) else { return nil }
        return values[i]
    }
}

/// A hashable form of the values that may be map keys, with numbers unified by value.
public enum MapKey: Hashable, Sendable {
    case bool(Bool)
    case int(Int64)
    /// A uint above `Int64.max`.
    case bigUInt(UInt64)
    case string(String)

    /// The key form of a value, or nil for a value that cannot be a key (or a non-integral double).
    public init?(_ value: Value) {
        switch value {
        case .bool(let b): self = .bool(b)
        case .int(let i): self = .int(i)
        case .uint(let u): self = u <= UInt64(Int64.max) ? .int(Int64(u)) : .bigUInt(u)
        case .string(let s): self = .string(s)
        case .double(let d):
            if d.rounded() == d, d >= -9.223372036854775808e18, d < 9.223372036854775808e18 {
                self = .int(Int64(d))
            } else if d.rounded() == d, d >= 0, d < 1.8446744073709551616e19 {
                self = .bigUInt(UInt64(d))
            } else {
                return nil
            }
        default: return nil
        }
    }
}

/// A point in time: seconds and nanoseconds since the Unix epoch, in UTC.
public struct Timestamp: Sendable, Hashable, Comparable {
    /// Whole seconds since 1970-01-01T00:00:00Z.
    public var seconds: Int64
    /// Nanoseconds within the second, 0 ..< 1_000_000_000.
    public var nanos: Int32

    /// Creates a timestamp.
    public init(seconds: Int64, nanos: Int32 = 0) {
        self.seconds = seconds
        self.nanos = nanos
    }

    public static func < (a: Timestamp, b: Timestamp) -> Bool {
        (a.seconds, a.nanos) < (b.seconds, b.nanos)
    }
}

/// A signed length of time: seconds and nanoseconds of the same sign.
public struct Duration: Sendable, Hashable, Comparable {
    /// Whole seconds.
    public var seconds: Int64
    /// Nanoseconds, -999_999_999 ... 999_999_999, with the sign of `seconds`.
    public var nanos: Int32

    /// Creates a duration.
    public init(seconds: Int64, nanos: Int32 = 0) {
        self.seconds = seconds
        self.nanos = nanos
    }

    public static func < (a: Duration, b: Duration) -> Bool {
        (a.seconds, a.nanos) < (b.seconds, b.nanos)
    }
}

/// A CEL type, as a value (`type(1) == int`).
public struct ValueType: Sendable, Hashable, CustomStringConvertible {
    /// The CEL name of the type, such as `int` or `google.protobuf.Timestamp`.
    public var name: String

    /// Creates a type value by name.
    public init(_ name: String) { self.name = name }

    public var description: String { name }

    public static let null = ValueType("null_type")
    public static let bool = ValueType("bool")
    public static let int = ValueType("int")
    public static let uint = ValueType("uint")
    public static let double = ValueType("double")
    public static let string = ValueType("string")
    public static let bytes = ValueType("bytes")
    public static let list = ValueType("list")
    public static let map = ValueType("map")
    public static let timestamp = ValueType("google.protobuf.Timestamp")
    public static let duration = ValueType("google.protobuf.Duration")
    public static let type = ValueType("type")
    public static let optional = ValueType("optional_type")
}

/// A CEL optional value: either empty or holding one value.
public final class OptionalValue: Sendable {
    /// The value held, or nil when the optional is empty.
    public let wrapped: Value?

    /// Creates an optional.
    public init(_ wrapped: Value?) { self.wrapped = wrapped }

    /// The empty optional.
    public static let none = OptionalValue(nil)
}

extension Value {
    /// The CEL type of the value.
    public var type: ValueType {
        switch self {
        case .null: .null
        case .bool: .bool
        case .int: .int
        case .uint: .uint
        case .double: .double
        case .string: .string
        case .bytes: .bytes
        case .list: .list
        case .map: .map
        case .timestamp: .timestamp
        case .duration: .duration
        case .type: .type
        case .optional: .optional
        }
    }

    /// A list value built from elements.
    public static func list(_ elements: [Value]) -> Value { .list(ValueList(elements)) }

    /// A map value built from ordered pairs.
    public static func map(_ pairs: [(Value, Value)]) -> Value {
        .map(ValueMap(keys: pairs.map(\.0), values: pairs.map(\.1)))
    }

    /// The string, when the value is one.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The map, when the value is one.
    public var mapValue: ValueMap? {
        if case .map(let m) = self { return m }
        return nil
    }

    /// The list, when the value is one.
    public var listValue: ValueList? {
        if case .list(let l) = self { return l }
        return nil
    }
}
