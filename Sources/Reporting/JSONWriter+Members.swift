extension JSONWriter {
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

    /// `{…}` with at least one member, each written by `members` after `key(_:first:depth:)` at
    /// `depth`; the closing brace on a line of its own.
    mutating func writeObject(depth: Int, _ members: (inout JSONWriter) -> Void) {
        append(byte: UInt8(ascii: "{"))
        members(&self)
        newline(depth)
        append(byte: UInt8(ascii: "}"))
    }

    mutating func optionalString(_ s: String?) {
        if let s { writeString(s) } else { append("null" as StaticString) }
    }
}
