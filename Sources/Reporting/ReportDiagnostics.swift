import SourceDiagnostics

/// The reporters' diagnostics, in one alphabetical catalogue.
enum ReportDiagnostics {
    static func unencodable(_ error: any Error) -> Diagnostic {
        .error("report.unencodable", "the report could not be written as JSON: \(error)", at: nil)
    }
}
