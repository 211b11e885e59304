/// Source text with emoji markers (`1️⃣`, `2️⃣`, …) standing for positions, as in swift-syntax's
/// `DiagnosticSpec` and swift-format's `FindingSpec`.
struct MarkedSource {
    /// The text with the markers removed.
    var text: String
    /// Each marker's 1-based column (in Unicode scalars) on its line, and its line.
    var markers: [String: (line: Int, column: Int)]

    static let markerNames = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣"]

    init(_ marked: String) {
        var text = ""
        var markers: [String: (line: Int, column: Int)] = [:]
        var line = 1
        var column = 1
        var rest = Substring(marked)
        outer: while let c = rest.first {
            for name in Self.markerNames where rest.hasPrefix(name) {
                markers[name] = (line, column)
                rest = rest.dropFirst(name.count)
                continue outer
            }
            text.append(c)
            if c == "\n" {
                line += 1
                column = 1
            } else {
                column += c.unicodeScalars.count
            }
            rest = rest.dropFirst()
        }
        self.text = text
        self.markers = markers
    }
}
