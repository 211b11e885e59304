public import Readiness

/// Writes a GitLab Code Quality report (the subset of the Code Climate issue format that GitLab's
/// merge-request widget reads): a JSON array with one issue per open finding.
///
/// Each issue has `description` (the status and the finding's headline), `check_name` (the rule
/// id), `fingerprint` (the SARIF fingerprint: SHA-256 of the path, rule and subject, so an issue
/// keeps its identity when lines move), `severity` and `location` (`path` relative to the base
/// directory, `lines.begin`). Severity follows the rule's severity for a fail (info, low,
/// medium, high, critical → info, minor, major, critical, blocker), one step milder for a warn;
/// an unknown or a rule error (an evidence gap) like a fail of the same rule. Waived findings
/// are left out: GitLab has no way to mark an issue accepted.
public struct GitLabReporter: PieceRenderingReporter {
    /// Creates the reporter.
    public init() {}

    /// The JSON array, keys sorted.
    ///
    /// - Throws: `DiagnosticError` (`report.unencodable`) when the array cannot be encoded.
    public func renderPieces(_ evaluations: [Evaluation], context: ReportContext) throws -> RenderedReport {
        let strings = ReportStrings(language: context.language)
        var issues: [Issue] = []
        for evaluation in evaluations {
            for i in evaluation.findingIndices {
                let result = evaluation.results[i]
                guard result.status != .waived else { continue }
                let rule = evaluation.rule(of: result)
                let location = result.knownLocation
                let path = Self.path(location?.file ?? evaluation.snapshot.file, base: context.basePath)
                issues.append(
                    Issue(
                        description: ("[\(strings.status(result.status))] " + evaluation.headline(of: result, strings: strings)).lineSafe,
                        checkName: rule.id,
                        fingerprint: SARIFReporter.fingerprint(uri: ReportPath.uriReference(path), rule: rule.id, result: result),
                        severity: Self.severity(result.status, rule.severity, isStrict: evaluation.isStrict),
                        categories: [rule.category],
                        location: .init(path: path, lines: .init(begin: max(location?.line ?? 1, 1)))))
            }
        }
        return try JSONTreeEncoder(keys: .snakeCase).encodePieces(issues)
    }

    /// The Code Quality severity of a finding.
    static func severity(_ status: ResultStatus, _ severity: Severity, isStrict: Bool) -> String {
        let scale = ["info", "minor", "major", "critical", "blocker"]
        let step: Int
        switch severity {
        case .info: step = 0
        case .low: step = 1
        case .medium: step = 2
        case .high: step = 3
        case .critical: step = 4
        }
        switch status {
        case .fail: return scale[step]
        case .warn: return scale[max(step - 1, 0)]
        // An evidence gap holds back what a failure would (docs/scoring.md): rated like one.
        case .unknown, .error: return scale[step]
        case .pass, .notApplicable, .waived, .notDue: return "info"
        }
    }

    /// A repository-relative path: relative to the base directory, or the file's name when the
    /// file lies outside it (GitLab resolves only paths inside the repository).
    static func path(_ file: String, base: String) -> String {
        let relative = ReportPath.relative(file, to: base)
        guard relative.hasPrefix("/") || relative.hasPrefix("../") || relative == ".." else { return relative }
        return relative.split(separator: "/").last.map(String.init) ?? relative
    }

    struct Issue: Encodable {
        var type = "issue"
        var description: String
        /// What names the issue: the check (the rule id), and this finding of it.
        var checkName, fingerprint: String
        var severity: String
        var categories: [String]
        var location: Location
    }

    struct Location: Encodable {
        var path: String
        var lines: Lines
    }

    struct Lines: Encodable {
        var begin: Int
    }
}
