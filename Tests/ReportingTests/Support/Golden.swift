import Foundation
import Reporting
import Testing

/// Compares output with `Golden/<name>` next to this file; `RECORD_GOLDEN=1` rewrites the file
/// instead and records an issue saying so (as swift-argument-parser's snapshot tests do), so a
/// recording run is never mistaken for a passing one.
func expectGolden(
    _ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let directory = goldenDirectory
    let url = directory.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(actual.utf8).write(to: url, options: .atomic)
        Issue.record("recorded golden file Golden/\(name)", sourceLocation: sourceLocation)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record(
            "no golden file Golden/\(name); run with RECORD_GOLDEN=1 to record it", sourceLocation: sourceLocation)
        return
    }
    if actual != expected {
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let firstDifference =
            zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(actualLines.count, expectedLines.count)
        let line = firstDifference + 1
        let got = firstDifference < actualLines.count ? String(actualLines[firstDifference]) : "<end of output>"
        let want = firstDifference < expectedLines.count ? String(expectedLines[firstDifference]) : "<end of file>"
        Issue.record(
            "output differs from Golden/\(name) at line \(line)\n  expected: \(want)\n  actual:   \(got)\n(RECORD_GOLDEN=1 re-records)",
            sourceLocation: sourceLocation)
    }
}

/// `Tests/ReportingTests/Golden`, found from this file's own path.
let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Golden")

extension ReportContext {
    /// The context golden reports are rendered with: the tool version pinned, so a release
    /// does not change every golden file.
    static func golden(language: String, basePath: String) -> ReportContext {
        var context = ReportContext(language: language, basePath: basePath)
        context.toolVersion = "0.1.0"
        return context
    }

    /// The default context with `change` applied.
    static func with(_ change: (inout ReportContext) -> Void) -> ReportContext {
        var context = ReportContext()
        change(&context)
        return context
    }
}
