import Readiness

/// A report as headings, paragraphs, tables and charts, in the report language, that the text,
/// Markdown and HTML renderers only lay out: `readiness diff` and `readiness history` build one,
/// so each format shows the same content.
struct TabularReport {
    /// A table cell: what it shows and how it is styled.
    enum Cell {
        case text(String)
        case code(String)
        /// An identifier (a rule id): code that never wraps.
        case id(String)
        /// Text that never wraps (a date).
        case date(String)
        case verdict(Verdict?)
        case status(ResultStatus)
        /// A right-aligned number.
        case number(String)
    }

    /// A part of the report.
    enum Block {
        case heading(String)
        case paragraph(String)
        case table(header: [String], rows: [[Cell]], numeric: Set<Int>)
        /// An SVG chart with its caption (HTML only).
        case chart(caption: String, svg: String)
    }

    var title: String
    var subtitle: String
    var blocks: [Block] = []
    var strings: ReportStrings

    mutating func heading(_ text: String) { blocks.append(.heading(text)) }
    mutating func paragraph(_ text: String) { blocks.append(.paragraph(text)) }
    mutating func table(_ header: [String], _ rows: [[Cell]], numeric: Set<Int> = []) {
        blocks.append(.table(header: header, rows: rows, numeric: numeric))
    }
    /// A heading and its table; nothing at all when there are no rows.
    mutating func section(_ heading: String, _ header: [String], _ rows: [[Cell]], numeric: Set<Int> = []) {
        guard !rows.isEmpty else { return }
        self.heading(heading)
        table(header, rows, numeric: numeric)
    }

    mutating func chart(_ caption: String, _ svg: String) { blocks.append(.chart(caption: caption, svg: svg)) }

    /// The cell's text without styling.
    func plain(_ cell: Cell) -> String {
        switch cell {
        case .text(let s), .code(let s), .id(let s), .date(let s), .number(let s): s
        case .verdict(let v): strings.decision(v)
        case .status(let s): strings.status(s)
        }
    }

    /// A signed change with one decimal (`+12`, `-3.5`, `0`).
    static func delta(_ old: Double?, _ new: Double?) -> String {
        guard let old, let new else { return "" }
        let d = new - old
        let text = ReportNumber.oneDecimal(d)
        return d > 0.05 ? "+" + text : text == "-0" ? "0" : text
    }

    /// `62 → 70` or `62` when unchanged.
    static func fromTo(_ old: Double?, _ new: Double?) -> String {
        let o = old.map(ReportNumber.oneDecimal) ?? "—"
        let n = new.map(ReportNumber.oneDecimal) ?? "—"
        return o == n ? n : "\(o) → \(n)"
    }
}
