/// JSON writes a character outside the Basic Multilingual Plane as a pair of UTF-16 escapes
/// (`"\ud842\udfb7"`, as Python's `json.dumps` does), which YAML 1.2 does not know: libyaml
/// rejects each half as an invalid escape. When it does, the loader rewrites every such pair in
/// the text as the one YAML escape for the same character (`\U00020BB7`) and parses again.
///
/// Only a pair preceded by an odd number of backslashes is an escape, and the rewrite is two
/// bytes shorter, so a column reported later on the same line is two less per pair before it.
enum SurrogateEscapes {
    /// The libyaml message for an escape it cannot decode.
    static let libyamlMessage = "invalid Unicode character escape code"

    /// The text with each escaped surrogate pair rewritten, or nil when it holds none.
    static func rewritten(_ bytes: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = []
        var changed = false
        var i = 0
        var backslashes = 0
        out.reserveCapacity(bytes.count)
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\\") && backslashes % 2 == 0,
                let high = unit(bytes, at: i), (0xD800...0xDBFF).contains(high),
                let low = unit(bytes, at: i + 6), (0xDC00...0xDFFF).contains(low)
            {
                let scalar = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                out.append(contentsOf: Array("\\U".utf8))
                var digits = Array(String(scalar, radix: 16).utf8)
                while digits.count < 8 { digits.insert(UInt8(ascii: "0"), at: 0) }
                out.append(contentsOf: digits)
                i += 12
                backslashes = 0
                changed = true
                continue
            }
            backslashes = byte == UInt8(ascii: "\\") ? backslashes + 1 : 0
            out.append(byte)
            i += 1
        }
        return changed ? out : nil
    }

    /// The code unit of a `\uXXXX` escape starting at `i`.
    private static func unit(_ bytes: [UInt8], at i: Int) -> UInt32? {
        guard i + 6 <= bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else { return nil }
        var value: UInt32 = 0
        for b in bytes[(i + 2)..<(i + 6)] {
            guard let digit = Character(Unicode.Scalar(b)).hexDigitValue else { return nil }
            value = value << 4 | UInt32(digit)
        }
        return value
    }
}
