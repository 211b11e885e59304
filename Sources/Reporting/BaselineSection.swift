import Readiness

/// The part of the `text` and `markdown` reports that sets the findings against a baseline
/// (`readiness check --baseline`): counts of new, worse, unchanged, improved and resolved
/// findings, then each new, worse and resolved finding.
public struct BaselineSection: Sendable {
    /// The comparison to report.
    public let comparison: FindingComparison
    /// The baseline report's path, as given.
    public let baselinePath: String

    /// Creates the section.
    public init(comparison: FindingComparison, baselinePath: String) {
        self.comparison = comparison
        self.baselinePath = baselinePath
        showsSnapshot = Set(comparison.entries.map(\.record.snapshot)).count > 1
    }

    /// Whether findings name their snapshot (when they come from several).
    private let showsSnapshot: Bool

    /// The changes listed one by one (unchanged and improved findings are only counted).
    static let listed: [FindingComparison.Change] = [.new, .worse, .resolved]

    /// The section for the `text` format.
    public func text(language: String) -> String {
        let strings = ReportStrings(language: language)
        var out = "\n\(strings.baselineHeading) (\(baselinePath.lineSafe))\n"
        out += "  " + summary(strings) + "\n"
        for change in Self.listed {
            for entry in comparison.entries(change) {
                out += "  \(strings.baselineChange(change).uppercased()) " + describe(entry, strings).lineSafe + "\n"
            }
        }
        out += "  \(strings.baselineGateNote)\n"
        return out
    }

    /// The section for the `markdown` format.
    public func markdown(language: String) -> String {
        let strings = ReportStrings(language: language)
        var out = "\n## \(strings.baselineHeading)\n\n"
        out += "\(strings.baselineLabel)\(strings.colon)\(baselinePath.markdownCode). \(summary(strings)). \(strings.baselineGateNote)\n"
        let entries = Self.listed.flatMap { comparison.entries($0) }
        if !entries.isEmpty {
            out += "\n| " + strings.baselineColumns.joined(separator: " | ") + " |\n"
            out += "|---|---|---|\n"
            for entry in entries {
                let record = entry.record
                var status = strings.status(record.status)
                if let previous = entry.previous, let current = entry.current, previous.status != current.status {
                    status = "\(strings.status(previous.status)) → \(strings.status(current.status))"
                }
                out += "| \(strings.baselineChange(entry.change)) | \(describe(entry, strings).markdownEscaped) | \(status) |\n"
            }
        }
        return out
    }

    private func summary(_ strings: ReportStrings) -> String {
        let counts = comparison.counts
        return FindingComparison.Change.allCases.map { "\(counts[$0] ?? 0) \(strings.baselineChange($0))" }
            .joined(separator: ", ")
    }

    private func describe(_ entry: FindingComparison.Entry, _ strings: ReportStrings) -> String {
        let record = entry.record
        var text = record.key.description
        if showsSnapshot { text = "\(record.snapshot): " + text }
        if let previous = entry.previous, let current = entry.current, previous.status != current.status {
            text += " (\(strings.status(previous.status)) → \(strings.status(current.status)))"
        } else {
            text += " (\(strings.status(record.status)))"
        }
        return text + " — " + record.message
    }
}
