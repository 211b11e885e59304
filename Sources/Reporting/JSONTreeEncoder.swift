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
        writer.bytes.append(UInt8(ascii: "\n"))
        return writer.finish()
    }

    /// The JSON text of a value as it reads nested `depth` levels deep (no final newline), so
    /// that parts rendered separately, even in parallel, can be spliced into one document.
    public func encode<T: Encodable>(_ value: T, depth: Int) throws -> String {
        let root = TreeNode()
        try TreeEncoder.encode(value, into: root, codingPath: [])
        var writer = Writer(isPretty: isPretty, spacesAroundColon: spacesAroundColon)
        writer.write(root, depth: depth)
        return writer.finish().text
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
        if !first { bytes.append(UInt8(ascii: ",")) }
        newline(depth + 1)
        bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        colon.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func optionalString(_ s: String?) {
        if let s { writeString(s) } else { append("null") }
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
        guard count > 0 else { return append("[]") }
        let chunks = inParallel ? ProcessInfo.processInfo.activeProcessorCount * 4 : 1
        let size = (count + chunks - 1) / chunks
        let layout = Writer(like: self)
        let parts = Parallel.map(chunks) { chunk in
            var local = layout
            for k in min(chunk * size, count)..<min((chunk + 1) * size, count) {
                if k > 0 { local.bytes.append(UInt8(ascii: ",")) }
                local.newline(depth + 1)
                element(&local, k)
            }
            return local.bytes
        }
        bytes.append(UInt8(ascii: "["))
        // The parts stay separate buffers, written out in order (a large report is never
        // copied into one).
        splice(parts)
        newline(depth)
        bytes.append(UInt8(ascii: "]"))
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

/// Writes a tree as JSON bytes.
struct Writer {
    let isPretty: Bool
    /// What follows a key: `: `, ` : ` or `:`.
    let colon: StaticString
    /// What is being written now.
    var bytes: [UInt8] = []
    /// What was written before `bytes`, when parts were spliced in whole.
    private var pieces: [[UInt8]] = []

    init(isPretty: Bool, spacesAroundColon: Bool = false) {
        self.isPretty = isPretty
        colon = !isPretty ? ":" : spacesAroundColon ? " : " : ": "
        bytes.reserveCapacity(1 << 16)
    }

    /// An empty writer with the same layout (for parts written in parallel).
    init(like other: Writer) {
        isPretty = other.isPretty
        colon = other.colon
        bytes.reserveCapacity(1 << 16)
    }

    /// Places buffers written elsewhere (in parallel) next, without copying them.
    mutating func splice(_ parts: [[UInt8]]) {
        if !bytes.isEmpty { pieces.append(bytes) }
        pieces += parts.filter { !$0.isEmpty }
        bytes = []
        bytes.reserveCapacity(1 << 16)
    }

    /// Everything written, in order.
    consuming func finish() -> RenderedReport {
        if !bytes.isEmpty || pieces.isEmpty { pieces.append(bytes) }
        return RenderedReport(pieces: pieces)
    }

    /// A newline and two spaces per level.
    mutating func newline(_ depth: Int) {
        guard isPretty else { return }
        bytes.append(UInt8(ascii: "\n"))
        // Appended from a repeated element, not a stored array of spaces: a static array is
        // retained and released on every line.
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
    }

    mutating func write(_ node: TreeNode, depth: Int) {
        switch node.kind {
        case .unset, .null: append("null")
        case .bool(let b): append(b ? "true" : "false")
        case .direct(let value): value.writeJSON(into: &self, depth: depth)
        case .number(let n): append(n)
        case .string(let s): writeString(s)
        case .array:
            let elements = node.elements
            guard !elements.isEmpty else { return append("[]") }
            bytes.append(UInt8(ascii: "["))
            for (i, element) in elements.enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                newline(depth + 1)
                write(element, depth: depth + 1)
            }
            newline(depth)
            bytes.append(UInt8(ascii: "]"))
        case .object:
            let members = node.members
            guard !members.isEmpty else { return append("{}") }
            bytes.append(UInt8(ascii: "{"))
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
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                newline(depth + 1)
                writeString(member.key)
                colon.withUTF8Buffer { bytes.append(contentsOf: $0) }
                write(member.node, depth: depth + 1)
            }
            newline(depth)
            bytes.append(UInt8(ascii: "}"))
        }
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// A decimal integer, without going through `String`.
    mutating func writeInt(_ n: Int) {
        guard n != 0 else { return bytes.append(UInt8(ascii: "0")) }
        if n < 0 { bytes.append(UInt8(ascii: "-")) }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 20 digits
        var count = 0
        var rest = n.magnitude
        withUnsafeMutableBytes(of: &digits) { buffer in
            while rest > 0 {
                buffer[count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            }
            for i in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[i]) }
        }
    }

    mutating func writeString(_ s: String) {
        // Most strings need no escaping: copy them whole.
        var s = s
        let isPlain = s.withUTF8 { buffer in
            for byte in buffer where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                return false
            }
            bytes.append(UInt8(ascii: "\""))
            bytes.append(contentsOf: buffer)
            bytes.append(UInt8(ascii: "\""))
            return true
        }
        guard !isPlain else { return }
        bytes.append(UInt8(ascii: "\""))
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case 0x0A: append("\\n")
            case 0x0D: append("\\r")
            case 0x09: append("\\t")
            case 0x08: append("\\b")
            case 0x0C: append("\\f")
            case 0..<0x20:
                let hex = String(byte, radix: 16)
                append("\\u00" + (hex.count == 1 ? "0" + hex : hex))
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
