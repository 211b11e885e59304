extension String {
    /// Appends `text` in double quotes, with `"`, `\`, newline, carriage return and tab escaped
    /// by a backslash: the escaper JSON, CEL literals and value descriptions share.
    ///
    /// - Parameters:
    ///   - text: The text to quote.
    ///   - limit: Stops, without the closing quote, once `self` holds this many UTF-8 bytes.
    ///   - escape: Appends the escape of any other scalar that needs one and returns true, or
    ///     returns false to have the scalar appended as it is.
    @inlinable
    public mutating func appendQuoted(
        _ text: String, limit: Int = .max, escapingOther escape: (Unicode.Scalar, inout String) -> Bool
    ) {
        self += "\""
        for scalar in text.unicodeScalars {
            if utf8.count >= limit { return }
            switch scalar {
            case "\"": self += "\\\""
            case "\\": self += "\\\\"
            case "\n": self += "\\n"
            case "\r": self += "\\r"
            case "\t": self += "\\t"
            default:
                if !escape(scalar, &self) { unicodeScalars.append(scalar) }
            }
        }
        self += "\""
    }

    /// Appends `text` as a JSON string: in double quotes, with control characters escaped
    /// (`\n`, or `\u001b` where JSON has no short escape).
    /// - Parameter limit: Stops, without the closing quote, once `self` holds this many UTF-8 bytes.
    @inlinable
    public mutating func appendJSONQuoted(_ text: String, limit: Int = .max) {
        appendQuoted(text, limit: limit) { scalar, out in
            guard scalar.value < 0x20 else { return false }
            out += "\\u00"
            out += scalar.value < 0x10 ? "0" : "1"
            out += String(scalar.value & 0xF, radix: 16)
            return true
        }
    }
}
