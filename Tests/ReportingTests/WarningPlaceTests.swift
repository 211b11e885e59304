import SourceDiagnostics
import Testing

@testable import Reporting

/// Where an input warning points, as Markdown and HTML print it.
@Suite struct WarningPlaceTests {
    static func warning(line: Int, column: Int) -> Diagnostic {
        Diagnostic(
            severity: .warning, code: "snapshot.no-as-of", message: "no evaluation date",
            span: SourceSpan(SourceLocation(file: "/work/p/snapshot.yaml", line: line, column: column)))
    }

    @Test("a known place is file:line:column relative to the base; a whole-file warning is the file alone")
    func place() {
        let strings = ReportStrings(language: "en")
        #expect(strings.warningPlace(Self.warning(line: 3, column: 5), basePath: "/work/p") == "snapshot.yaml:3:5")
        #expect(strings.warningPlace(Self.warning(line: 0, column: 0), basePath: "/work/p") == "snapshot.yaml")
    }
}
