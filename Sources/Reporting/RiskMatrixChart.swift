/// The 5×5 risk matrix (likelihood × impact) as an SVG heat map: each cell is coloured by its
/// risk band and shows how many rules have open failures there, with their ids.
struct RiskMatrixChart {
    /// `cells[likelihood-1][impact-1]`: rule ids.
    var cells: [[[String]]]
    var strings: ReportStrings

    private static let left = 52.0
    private static let top = 8.0
    private static let cellWidth = 100.0
    private static let cellHeight = 62.0
    static let width = left + 5 * cellWidth + 8

    /// The band of a likelihood × impact product.
    static func band(_ score: Int) -> String {
        switch score {
        case ..<5: "low"
        case ..<10: "moderate"
        case ..<15: "high"
        default: "critical"
        }
    }

    func ids(likelihood: Int, impact: Int) -> [String] {
        guard cells.indices.contains(likelihood - 1), cells[likelihood - 1].indices.contains(impact - 1) else {
            return []
        }
        return cells[likelihood - 1][impact - 1]
    }

    /// The lines that name the rules in a cell: each id on one line, or broken after a hyphen
    /// onto two when it is too wide; at most `budget` lines, the last saying how many are left.
    static func lines(for ids: [String], maxWidth: Double, budget: Int) -> [String] {
        var lines: [String] = []
        for (index, id) in ids.enumerated() {
            let wrapped = wrap(id, maxWidth: maxWidth)
            let remaining = ids.count - index - 1
            let room = budget - lines.count - (remaining > 0 ? 1 : 0)
            if wrapped.count <= room {
                lines.append(contentsOf: wrapped)
            } else if remaining == 0 && room >= 1 {
                lines.append(SVG.fitted(id, fontSize: idFontSize, maxWidth: maxWidth, isMonospace: true))
            } else {
                lines.append("+\(ids.count - index)")
                break
            }
        }
        return lines
    }

    private static let idFontSize = 9.0

    /// An id on one line, or split after a hyphen (or cut with an ellipsis) onto two.
    private static func wrap(_ id: String, maxWidth: Double) -> [String] {
        if SVG.width(of: id, fontSize: idFontSize, isMonospace: true) <= maxWidth { return [id] }
        var first = ""
        var rest = Substring(id)
        while let hyphen = rest.firstIndex(of: "-") {
            let piece = rest[...hyphen]
            if SVG.width(of: first + piece, fontSize: idFontSize, isMonospace: true) > maxWidth { break }
            first += piece
            rest = rest[rest.index(after: hyphen)...]
        }
        if first.isEmpty { return [SVG.fitted(id, fontSize: idFontSize, maxWidth: maxWidth, isMonospace: true)] }
        return [first, SVG.fitted(String(rest), fontSize: idFontSize, maxWidth: maxWidth, isMonospace: true)]
    }

    func svg() -> String {
        let gridHeight = 5 * Self.cellHeight
        let height = Self.top + gridHeight + 44
        var out = "<svg class=\"chart risk-matrix\" viewBox=\"0 0 \(SVG.n(Self.width)) \(SVG.n(height))\""
        out +=
            " width=\"\(SVG.n(Self.width))\" height=\"\(SVG.n(height))\" role=\"img\" aria-label=\"\(strings.riskMatrix.xmlAttributeEscaped)\">"
        out += "<title>\(strings.riskMatrix.xmlEscaped)</title>"
        for likelihood in 1...5 {
            let y = Self.top + Double(5 - likelihood) * Self.cellHeight
            out += SVG.text(
                String(likelihood), x: Self.left - 10, y: y + Self.cellHeight / 2 + 4, className: "axis", anchor: "end")
            for impact in 1...5 {
                let x = Self.left + Double(impact - 1) * Self.cellWidth
                let ids = ids(likelihood: likelihood, impact: impact)
                let band = Self.band(likelihood * impact)
                let tooltip =
                    "\(strings.likelihood) \(likelihood) × \(strings.impact) \(impact)"
                    + (ids.isEmpty ? "" : ": " + ids.joined(separator: ", "))
                out += "<g class=\"cell \(band)\(ids.isEmpty ? "" : " occupied")\"><title>\(tooltip.xmlEscaped)</title>"
                out += SVG.rect(x: x + 1, y: y + 1, width: Self.cellWidth - 2, height: Self.cellHeight - 2, radius: 3)
                if ids.isEmpty {
                    out += SVG.text(
                        String(likelihood * impact), x: x + Self.cellWidth - 8, y: y + 15, className: "score",
                        anchor: "end")
                } else {
                    out += SVG.text(String(ids.count), x: x + 8, y: y + 19, className: "count")
                    out += SVG.text(
                        String(likelihood * impact), x: x + Self.cellWidth - 8, y: y + 15, className: "score",
                        anchor: "end")
                    for (line, text) in Self.lines(for: ids, maxWidth: Self.cellWidth - 12, budget: 3).enumerated() {
                        out += SVG.text(text, x: x + 6, y: y + 32 + Double(line) * 10, className: "rule-id")
                    }
                }
                out += "</g>"
            }
        }
        for impact in 1...5 {
            let x = Self.left + (Double(impact) - 0.5) * Self.cellWidth
            out += SVG.text(String(impact), x: x, y: Self.top + gridHeight + 16, className: "axis", anchor: "middle")
        }
        out += SVG.text(
            "\(strings.impact) →", x: Self.left + 2.5 * Self.cellWidth, y: Self.top + gridHeight + 36,
            className: "axis-title", anchor: "middle")
        let midY = Self.top + gridHeight / 2
        out += SVG.text(
            "\(strings.likelihood) →", x: 14, y: midY, className: "axis-title", anchor: "middle",
            extra: "transform=\"rotate(-90 14 \(SVG.n(midY)))\"")
        out += "</svg>"
        return out
    }
}
