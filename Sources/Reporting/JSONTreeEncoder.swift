import Foundation
import SourceDiagnostics

/// A fast JSON encoder for the reports: `Encodable` values become a tree, written in one
/// buffered pass with sorted keys and two-space indentation.
///
/// Foundation's `JSONEncoder` on Linux takes seconds for a report with a hundred thousand
/// findings; this writes the same JSON (sorted keys, unescaped slashes) in a fraction of that.
public struct JSONTreeEncoder: Sendable {
    /// Whether to indent (two spaces) and put each member on its own line.
    public var isPretty: Bool
    /// Whether a pretty key is followed by ` : ` (as Foundation's `JSONEncoder` writes it)
    /// rather than `: `.
    public var spacesAroundColon: Bool

    /// Creates an encoder.
    public init(isPretty: Bool = true, spacesAroundColon: Bool = false) {
        self.isPretty = isPretty
        self.spacesAroundColon = spacesAroundColon
    }

    /// The JSON text of a value, ending in a newline.
    public func encode<T: Encodable>(_ value: T) throws -> String {
        try encodePieces(value).text
    }

    /// The JSON text of a value, ending in a newline, as pieces to be written in order: large
    /// lists rendered in parallel stay separate buffers instead of being copied into one.
    public func encodePieces<T: Encodable>(_ value: T) throws -> RenderedReport {
        let root = TreeNode()
        try TreeEncoder.encode(value, into: root, codingPath: [])
        var writer = Writer(isPretty: isPretty, spacesAroundColon: spacesAroundColon)
        writer.write(root, depth: 0)
        writer.append(byte: UInt8(ascii: "\n"))
        return writer.finish()
    }

    /// The JSON text of a value as it reads nested `depth` levels deep (no final newline), so
    /// that parts rendered separately, even in parallel, can be spliced into one document.
    public func encode<T: Encodable>(_ value: T, depth: Int) throws -> String {
        try encodePieces(value, depth: depth, after: "").text
    }

    /// The same JSON as pieces, after `prefix` (a separator to splice it in with).
    func encodePieces<T: Encodable>(_ value: T, depth: Int, after prefix: StaticString) throws -> RenderedReport {
        let root = TreeNode()
        try TreeEncoder.encode(value, into: root, codingPath: [])
        var writer = Writer(isPretty: isPretty, spacesAroundColon: spacesAroundColon)
        writer.append(prefix)
        writer.write(root, depth: depth)
        return writer.finish()
    }
}

/// A value that writes its own JSON (keys in sorted order, the writer's indentation), for the
/// parts of a report that repeat by the hundred thousand.
protocol DirectJSONWritable {
    func writeJSON(into writer: inout Writer, depth: Int)
}

extension Writer {
    /// Starts an object member: the separator, the indentation and `"key": `.
    /// (Keys are literals that need no escaping: their bytes are copied whole.)
    mutating func key(_ key: StaticString, first: Bool, depth: Int) {
        if !first { append(byte: UInt8(ascii: ",")) }
        newline(depth + 1)
        append(byte: UInt8(ascii: "\""))
        append(key)
        append(byte: UInt8(ascii: "\""))
        append(colon)
    }

    mutating func optionalString(_ s: String?) {
        if let s { writeString(s) } else { append("null" as StaticString) }
    }
}

/// An array whose elements are encoded and written on all cores, in slices, when it is long;
/// the same JSON as the array itself.
struct ParallelJSONArray<Element: Encodable & Sendable>: Encodable, DirectJSONWritable, Sendable {
    var elements: [Element]

    init(_ elements: [Element]) {
        self.elements = elements
    }

    /// Arrays at least this long are written on several cores.
    static var parallelThreshold: Int { 1024 }

    func encode(to encoder: any Encoder) throws {
        if let tree = encoder as? TreeEncoder {
            tree.node.kind = .direct(self)
            return
        }
        var c = encoder.unkeyedContainer()
        for element in elements { try c.encode(element) }
    }

    func writeJSON(into w: inout Writer, depth: Int) {
        let elements = elements
        w.writeArray(count: elements.count, depth: depth, inParallel: elements.count >= Self.parallelThreshold) { local, k in
            local.writeEncoded(elements[k], depth: depth + 1)
        }
    }
}

extension Writer {
    /// `[…]` of `count` elements, each written by `element` into the writer it is given. With
    /// `inParallel`, slices are written on all cores and kept as separate pieces.
    mutating func writeArray(
        count: Int, depth: Int, inParallel: Bool, _ element: @escaping @Sendable (inout Writer, Int) -> Void
    ) {
        guard count > 0 else { return append("[]" as StaticString) }
        let chunks = inParallel ? ProcessInfo.processInfo.activeProcessorCount * 4 : 1
        let size = (count + chunks - 1) / chunks
        let (isPretty, colon) = (isPretty, colon)
        let parts = Parallel.map(chunks) { chunk -> [RenderedReport.Piece] in
            let slice = min(chunk * size, count)..<min((chunk + 1) * size, count)
            guard !slice.isEmpty else { return [] }
            var local = Writer(isPretty: isPretty, colon: colon)
            for k in slice {
                if k > 0 { local.append(byte: UInt8(ascii: ",")) }
                local.newline(depth + 1)
                element(&local, k)
                if k == slice.lowerBound {
                    // Room for the whole slice, judged by its first element (and a quarter
                    // more): growing by doubling would copy it and touch twice the memory.
                    local.reserve(local.count * (slice.count - 1) * 5 / 4)
                }
            }
            // All of it, pieces an element spliced in included.
            return local.finish().storage
        }
        append(byte: UInt8(ascii: "["))
        // The parts stay separate buffers, written out in order (a large report is never
        // copied into one).
        splice(parts.flatMap { $0 })
        newline(depth)
        append(byte: UInt8(ascii: "]"))
    }

    /// A value written through the tree encoder (`null` if it cannot be encoded).
    mutating func writeEncoded(_ value: some Encodable, depth: Int) {
        let node = TreeNode()
        if (try? TreeEncoder.encode(value, into: node, codingPath: [])) == nil { node.kind = .null }
        write(node, depth: depth)
    }
}

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

struct TreeEncoder: Encoder {
    let node: TreeNode
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.makeObject()
        return KeyedEncodingContainer(Keyed<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.makeArray()
        return Unkeyed(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        Single(node: node, codingPath: codingPath)
    }

    static func encode<T: Encodable>(_ value: T, into node: TreeNode, codingPath: [any CodingKey]) throws {
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
            try value.encode(to: TreeEncoder(node: node, codingPath: codingPath))
        }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let node: TreeNode
        var codingPath: [any CodingKey]

        mutating func encodeNil(forKey key: Key) throws {
            let child = TreeNode()
            child.kind = .null
            node.append(key: key.stringValue, child)
        }

        mutating func encode(_ value: String, forKey key: Key) throws { put(.string(value), key) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { put(.bool(value), key) }
        mutating func encode(_ value: Int, forKey key: Key) throws { put(.number(String(value)), key) }
        mutating func encode(_ value: Double, forKey key: Key) throws { put(.number(TreeNode.number(value)), key) }

        private func put(_ kind: TreeNode.Kind, _ key: Key) {
            let child = TreeNode()
            child.kind = kind
            node.append(key: key.stringValue, child)
        }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            let child = TreeNode()
            try TreeEncoder.encode(value, into: child, codingPath: codingPath + [key])
            if case .unset = child.kind { child.kind = .object }
            node.append(key: key.stringValue, child)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let child = TreeNode()
            child.makeObject()
            node.append(key: key.stringValue, child)
            return KeyedEncodingContainer(Keyed<NestedKey>(node: child, codingPath: codingPath + [key]))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let child = TreeNode()
            child.makeArray()
            node.append(key: key.stringValue, child)
            return Unkeyed(node: child, codingPath: codingPath + [key])
        }

        mutating func superEncoder() -> any Encoder {
            let child = TreeNode()
            node.append(key: "super", child)
            return TreeEncoder(node: child, codingPath: codingPath)
        }

        mutating func superEncoder(forKey key: Key) -> any Encoder {
            let child = TreeNode()
            node.append(key: key.stringValue, child)
            return TreeEncoder(node: child, codingPath: codingPath + [key])
        }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let node: TreeNode
        var codingPath: [any CodingKey]
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
            try TreeEncoder.encode(value, into: child, codingPath: codingPath)
            if case .unset = child.kind { child.kind = .object }
            node.append(child)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let child = TreeNode()
            child.makeObject()
            node.append(child)
            return KeyedEncodingContainer(Keyed<NestedKey>(node: child, codingPath: codingPath))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let child = TreeNode()
            child.makeArray()
            node.append(child)
            return Unkeyed(node: child, codingPath: codingPath)
        }

        mutating func superEncoder() -> any Encoder {
            let child = TreeNode()
            node.append(child)
            return TreeEncoder(node: child, codingPath: codingPath)
        }
    }

    struct Single: SingleValueEncodingContainer {
        let node: TreeNode
        var codingPath: [any CodingKey]

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
            try TreeEncoder.encode(value, into: node, codingPath: codingPath)
        }
    }
}

/// Writes a tree as JSON bytes into a buffer it owns.
///
/// The buffer is raw memory grown by doubling, written through a pointer: a report writes a
/// few bytes at a time, and an `Array` append checks uniqueness and capacity on every one.
/// Noncopyable, so the buffer has one owner that frees it.
struct Writer: ~Copyable {
    let isPretty: Bool
    /// What follows a key: `: `, ` : ` or `:`.
    let colon: StaticString
    private var base: UnsafeMutablePointer<UInt8>
    /// How many bytes are written.
    private(set) var count = 0
    private var capacity: Int
    /// What was written before the buffer, when parts were spliced in whole.
    private var pieces: [RenderedReport.Piece] = []

    init(isPretty: Bool, spacesAroundColon: Bool = false) {
        self.init(isPretty: isPretty, colon: !isPretty ? ":" : spacesAroundColon ? " : " : ": ")
    }

    /// An empty writer with the given layout (for parts written in parallel).
    init(isPretty: Bool, colon: StaticString, capacity: Int = 1 << 16) {
        self.isPretty = isPretty
        self.colon = colon
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deallocate()
    }

    /// Makes room for `n` more bytes.
    @inline(__always)
    mutating func reserve(_ n: Int) {
        if count + n > capacity { grow(to: count + n) }
    }

    private mutating func grow(to needed: Int) {
        let newCapacity = max(capacity * 2, needed)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.initialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    /// One byte.
    @inline(__always)
    mutating func append(byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    /// Bytes copied whole.
    @inline(__always)
    mutating func append(bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count)
        (base + count).initialize(from: source, count: bytes.count)
        count += bytes.count
    }

    /// The bytes of a literal.
    @inline(__always)
    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { append(bytes: $0) }
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append(bytes: $0) }
    }

    /// What is written so far, handed over whole (no copy); the writer starts again with a
    /// fresh buffer.
    mutating func takePiece() -> RenderedReport.Piece {
        let taken = RenderedReport.Buffer(taking: base, count: count)
        capacity = 1 << 12
        base = .allocate(capacity: capacity)
        count = 0
        return .buffer(taken)
    }

    /// Places pieces written elsewhere (in parallel) next, without copying them.
    mutating func splice(_ parts: [RenderedReport.Piece]) {
        if count > 0 { pieces.append(takePiece()) }
        pieces += parts
    }

    /// Everything written, in order.
    consuming func finish() -> RenderedReport {
        if count > 0 || pieces.isEmpty { pieces.append(takePiece()) }
        return RenderedReport(storage: pieces)
    }

    /// A newline and two spaces per level.
    @inline(__always)
    mutating func newline(_ depth: Int) {
        guard isPretty else { return }
        let n = 1 + depth * 2
        reserve(n)
        base[count] = UInt8(ascii: "\n")
        (base + count + 1).initialize(repeating: UInt8(ascii: " "), count: n - 1)
        count += n
    }

    mutating func write(_ node: TreeNode, depth: Int) {
        switch node.kind {
        case .unset, .null: append("null" as StaticString)
        case .bool(let b): append(b ? "true" as StaticString : "false")
        case .direct(let value): value.writeJSON(into: &self, depth: depth)
        case .number(let n): append(n)
        case .string(let s): writeString(s)
        case .array:
            let elements = node.elements
            guard !elements.isEmpty else { return append("[]" as StaticString) }
            append(byte: UInt8(ascii: "["))
            for (i, element) in elements.enumerated() {
                if i > 0 { append(byte: UInt8(ascii: ",")) }
                newline(depth + 1)
                write(element, depth: depth + 1)
            }
            newline(depth)
            append(byte: UInt8(ascii: "]"))
        case .object:
            let members = node.members
            guard !members.isEmpty else { return append("{}" as StaticString) }
            append(byte: UInt8(ascii: "{"))
            // Sorted keys; a key given twice keeps its last value, as JSONEncoder does.
            var sorted = members.enumerated().sorted {
                $0.element.key == $1.element.key ? $0.offset < $1.offset : $0.element.key < $1.element.key
            }.map(\.element)
            if sorted.count > 1 {
                var unique: [(key: String, node: TreeNode)] = []
                for member in sorted {
                    if let last = unique.last, last.key == member.key { unique[unique.count - 1] = member } else { unique.append(member) }
                }
                sorted = unique
            }
            for (i, member) in sorted.enumerated() {
                if i > 0 { append(byte: UInt8(ascii: ",")) }
                newline(depth + 1)
                writeString(member.key)
                append(colon)
                write(member.node, depth: depth + 1)
            }
            newline(depth)
            append(byte: UInt8(ascii: "}"))
        }
    }

    /// A decimal integer, without going through `String`.
    mutating func writeInt(_ n: Int) {
        guard n != 0 else { return append(byte: UInt8(ascii: "0")) }
        reserve(21)
        if n < 0 {
            base[count] = UInt8(ascii: "-")
            count += 1
        }
        var digits = 0
        var rest = n.magnitude
        while rest > 0 {
            rest /= 10
            digits += 1
        }
        rest = n.magnitude
        for i in stride(from: count + digits - 1, through: count, by: -1) {
            base[i] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
        count += digits
    }

    mutating func writeString(_ s: String) {
        // Most strings need no escaping: copy them whole.
        var s = s
        let isPlain = s.withUTF8 { buffer in
            for byte in buffer where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                return false
            }
            reserve(buffer.count + 2)
            append(byte: UInt8(ascii: "\""))
            append(bytes: buffer)
            append(byte: UInt8(ascii: "\""))
            return true
        }
        guard !isPlain else { return }
        append(byte: UInt8(ascii: "\""))
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "\""): append("\\\"" as StaticString)
            case UInt8(ascii: "\\"): append("\\\\" as StaticString)
            case 0x0A: append("\\n" as StaticString)
            case 0x0D: append("\\r" as StaticString)
            case 0x09: append("\\t" as StaticString)
            case 0x08: append("\\b" as StaticString)
            case 0x0C: append("\\f" as StaticString)
            case 0..<0x20:
                let hex = String(byte, radix: 16)
                append("\\u00" + (hex.count == 1 ? "0" + hex : hex))
            default: append(byte: byte)
            }
        }
        append(byte: UInt8(ascii: "\""))
    }
}
