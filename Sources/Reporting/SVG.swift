/// Small helpers for the inline SVG charts: number formatting and a text-width estimate (an SVG
/// written without a browser cannot measure text, so labels are fitted by estimate).
enum SVG {
    /// A coordinate with at most one decimal.
    static func n(_ value: Double) -> String { ReportNumber.oneDecimal(value) }

    /// The approximate rendered width of `text` at `fontSize` in a sans-serif font: wide (CJK)
    /// characters take a full em, capitals and digits about 0.62 em, others about 0.52 em.
    static func width(of text: String, fontSize: Double, isMonospace: Bool = false) -> Double {
        if isMonospace {
            return text.unicodeScalars.reduce(0.0) { sum, scalar in
                sum + (scalar.value >= 0x2E80 ? 1.0 : 0.6) * fontSize
            }
        }
        var ems = 0.0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x20: ems += 0.28
            case 0x2E80...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFF00...0xFF60, 0x20000...0x3FFFF: ems += 1.0
            case 0x41...0x5A, 0x30...0x39, 0x40, 0x25, 0x23, 0x26: ems += 0.64
            case 0x69, 0x6A, 0x6C, 0x2E, 0x2C, 0x3A, 0x3B, 0x27, 0x7C, 0x21: ems += 0.28
            case 0x2D, 0x28, 0x29, 0x5B, 0x5D, 0x2F: ems += 0.36
            case 0x6D, 0x77: ems += 0.8
            default: ems += 0.54
            }
        }
        return ems * fontSize
    }

    /// `text` shortened with an ellipsis so that its estimated width fits `maxWidth`.
    static func fitted(_ text: String, fontSize: Double, maxWidth: Double, isMonospace: Bool = false) -> String {
        guard width(of: text, fontSize: fontSize, isMonospace: isMonospace) > maxWidth else { return text }
        var out = ""
        for character in text {
            let candidate = out + String(character) + "…"
            if width(of: candidate, fontSize: fontSize, isMonospace: isMonospace) > maxWidth { break }
            out.append(character)
        }
        return out + "…"
    }

    /// An SVG `<text>` element with escaped content.
    static func text(
        _ content: String, x: Double, y: Double, className: String? = nil, anchor: String? = nil,
        extra: String = ""
    ) -> String {
        var attributes = "x=\"\(n(x))\" y=\"\(n(y))\""
        if let className { attributes += " class=\"\(className)\"" }
        if let anchor { attributes += " text-anchor=\"\(anchor)\"" }
        if !extra.isEmpty { attributes += " " + extra }
        return "<text \(attributes)>\(content.xmlEscaped)</text>"
    }

    /// An SVG `<rect>`.
    static func rect(
        x: Double, y: Double, width: Double, height: Double, className: String? = nil, fill: String? = nil,
        radius: Double = 0, extra: String = ""
    ) -> String {
        var attributes = "x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(max(width, 0)))\" height=\"\(n(max(height, 0)))\""
        if radius > 0 { attributes += " rx=\"\(n(radius))\"" }
        if let className { attributes += " class=\"\(className)\"" }
        if let fill { attributes += " fill=\"\(fill)\"" }
        if !extra.isEmpty { attributes += " " + extra }
        return "<rect \(attributes)/>"
    }
}
