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
        guard cells.indices.contains(likelihood - 1), cells[likelihood - 1].indices.contains(impact - 1) else { return [] }
        return cells[likelihood - 1][impact - 1]
    }

    func svg() -> String {
        let gridHeight = 5 * Self.cellHeight
        let height = Self.top + gridHeight + 44
        var out = "<svg class=\"chart risk-matrix\" viewBox=\"0 0 \(SVG.n(Self.width)) \(SVG.n(height))\""
        out += " width=\"\(SVG.n(Self.width))\" height=\"\(SVG.n(height))\" role=\"img\" aria-label=\"\(strings.riskMatrix.xmlAttributeEscaped)\">"
        out += "<title>\(strings.riskMatrix.xmlEscaped)</title>"
        for likelihood in 1...5 {
            let y = Self.top + Double(5 - likelihood) * Self.cellHeight
            out += SVG.text(String(likelihood), x: Self.left - 10, y: y + Self.cellHeight / 2 + 4, className: "axis", anchor: "end")
            for impact in 1...5 {
                let x = Self.left + Double(impact - 1) * Self.cellWidth
                let ids = ids(likelihood: likelihood, impact: impact)
                let band = Self.band(likelihood * impact)
                let tooltip = "\(strings.likelihood) \(likelihood) × \(strings.impact) \(impact)"
                    + (ids.isEmpty ? "" : ": " + ids.joined(separator: ", "))
                out += "<g class=\"cell \(band)\(ids.isEmpty ? "" : " occupied")\"><title>\(tooltip.xmlEscaped)</title>"
                out += SVG.rect(x: x + 1, y: y + 1, width: Self.cellWidth - 2, height: Self.cellHeight - 2, radius: 3)
                if ids.isEmpty {
                    out += SVG.text(String(likelihood * impact), x: x + Self.cellWidth - 8, y: y + 15, className: "score", anchor: "end")
                } else {
                    out += SVG.text(String(ids.count), x: x + 8, y: y + 19, className: "count")
                    out += SVG.text(String(likelihood * impact), x: x + Self.cellWidth - 8, y: y + 15, className: "score", anchor: "end")
                    let shown = ids.count > 3 ? Array(ids.prefix(2)) : ids
                    for (line, id) in shown.enumerated() {
                        let fitted = SVG.fitted(id, fontSize: 9, maxWidth: Self.cellWidth - 12)
                        out += SVG.text(fitted, x: x + 6, y: y + 32 + Double(line) * 11, className: "rule-id")
                    }
                    if ids.count > 3 {
                        out += SVG.text("+\(ids.count - 2)", x: x + 6, y: y + 32 + 2 * 11, className: "rule-id")
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
