import Testing

@testable import Reporting

/// The print stylesheet keeps a client's PDF readable (docs/reports.md); scripts/print-check.sh
/// prints the examples with headless Chromium where it is installed.
@Suite struct HTMLPrintTests {
    static let print: String = {
        let css = HTMLStyle.css
        guard let start = css.range(of: "@media print") else { return "" }
        return String(css[start.lowerBound...])
    }()

    @Test("table rows and list items never split across pages; headers repeat", arguments: [
        "tr, li { break-inside: avoid", "thead { display: table-header-group; }", "table { break-inside: auto; }",
    ])
    func rowsStayWhole(_ rule: String) {
        #expect(Self.print.contains(rule))
    }

    @Test("Chinese reports print at a size that keeps their length close to the English ones")
    func chinese() {
        #expect(Self.print.contains("html[lang^=\"zh\"] body"))
    }

    @Test("evidence-gap columns have fixed widths, so no column collapses to one character per line")
    func gapColumns() {
        #expect(HTMLStyle.css.contains("table.gaps { table-layout: fixed; }"))
        #expect(!HTMLStyle.css.contains("table.gaps td code { overflow-wrap: anywhere"))
    }

    @Test("the area chart's legend keys the status colours its bars use")
    func legendMatchesBars() {
        let chart = ReadinessChart(
            rows: [.init(label: "Network", readiness: 86, coverage: 100, isTotal: false, status: .red)],
            strings: ReportStrings(language: "en"))
        let svg = chart.svg()
        #expect(svg.components(separatedBy: "class=\"bar st-red\"").count == 3)  // the bar and its key
        #expect(!svg.contains("st-green"))
    }
}
