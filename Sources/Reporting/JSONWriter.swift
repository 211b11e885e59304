/// Writes a tree as JSON bytes into a buffer it owns.
///
/// The buffer is raw memory grown by doubling, written through a pointer: a report writes a
/// few bytes at a time, and an `Array` append checks uniqueness and capacity on every one.
/// Noncopyable, so the buffer has one owner that frees it.
struct JSONWriter: ~Copyable {
    let isPretty: Bool
    /// What follows a key: `: `, ` : ` or `:`.
    let colon: StaticString
    /// How the keys of the values it encodes (`writeEncoded`) are written.
    let keys: JSONTreeEncoder.KeyStrategy
    private var base: UnsafeMutablePointer<UInt8>
    /// How many bytes are written.
    private(set) var count = 0
    private var capacity: Int
    /// What was written before the buffer, when parts were spliced in whole.
    private var pieces: [RenderedReport.Piece] = []

    init(isPretty: Bool, spacesAroundColon: Bool = false, keys: JSONTreeEncoder.KeyStrategy) {
        self.init(isPretty: isPretty, colon: !isPretty ? ":" : spacesAroundColon ? " : " : ": ", keys: keys)
    }

    /// An empty writer with the given layout (for parts written in parallel).
    init(isPretty: Bool, colon: StaticString, keys: JSONTreeEncoder.KeyStrategy, capacity: Int = 1 << 16) {
        self.isPretty = isPretty
        self.colon = colon
        self.keys = keys
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
