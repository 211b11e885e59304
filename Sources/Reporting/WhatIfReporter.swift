public import Readiness

/// A change `readiness whatif` tried: the fact, its value before (nil when absent) and after.
public struct WhatIfChange: Sendable, Hashable, Encodable {
    /// The fact's path, list elements by name.
    public var fact: String
    /// The value before, as reports show it; nil when the snapshot did not have it.
    public var from: String?
    /// The value tried.
    public var to: String

    /// Creates a change.
    public init(fact: String, from: String?, to: String) {
        self.fact = fact
        self.from = from
        self.to = to
    }
}

extension DiffReporter {
    /// The schema identifier of `readiness whatif`'s JSON form.
    public static let whatIfSchema = "readiness.whatif/1"

    /// What the changes tried do to the assessment: the changes, then the same sections as
    /// `readiness diff` (verdict, phases, findings, areas).
    ///
    /// - Throws: `DiagnosticError` (`report.unencodable`) when the JSON form cannot be encoded.
    public func renderWhatIf(
        _ diff: AssessmentDiff, changes: [WhatIfChange], format: ChangeFormat, context: ReportContext
    ) throws -> String {
        switch format {
        case .json:
            let document = WhatIfDocument(schema: Self.whatIfSchema, tool: .init(context), changes: changes, diff: diff)
            return try JSONTreeEncoder(keys: .snakeCase).encode(document) + "\n"
        case .text: return report(diff, context: context, whatIf: changes).text()
        case .markdown: return report(diff, context: context, whatIf: changes).markdown()
        case .html: return report(diff, context: context, whatIf: changes).html(toolVersion: context.toolVersion)
        case .csv: return csv(diff, context: context)
        }
    }

    struct WhatIfDocument: Encodable {
        var schema: String
        var tool: JSONReporter.Tool
        var changes: [WhatIfChange]
        var diff: AssessmentDiff
    }
}
