import Foundation
public import Readiness
import SourceDiagnostics

/// Writes SARIF 2.1.0 for GitHub code scanning and other static-analysis viewers.
///
/// One run holds every snapshot: the rules of all evaluations (once each, by id), one artifact
/// per snapshot, and a result for each finding (fail, warn, unknown, error; a waived finding is
/// a result with an external suppression). Paths are relative to the context's base path under
/// `%SRCROOT%`; `partialFingerprints["readiness/v1"]` hashes the file, rule id and subject, so a
/// finding keeps its identity when lines move.
public struct SARIFReporter: PieceRenderingReporter {
    /// The fingerprint's key in `partialFingerprints`.
    static let fingerprintKey = "readiness/v1"
    static let sourceRoot = "%SRCROOT%"

    /// The most results per run and runs per file (GitHub code scanning's limits).
    public var limits: Limits

    /// Creates the reporter.
    public init(limits: Limits = .github) {
        self.limits = limits
    }

    /// The SARIF log, written by the tree encoder (keys as declared, SARIF's camelCase; sorted
    /// keys, ` : ` after keys, as Foundation's `JSONEncoder` writes them, which takes seconds
    /// for a large snapshot).
    ///
    /// - Throws: `DiagnosticError` (`report.unencodable`) when the log cannot be encoded.
    public func renderPieces(_ evaluations: [Evaluation], context: ReportContext) throws -> RenderedReport {
        try JSONTreeEncoder(keys: .asDeclared, spacesAroundColon: true).encodePieces(makeLog(evaluations, context: context))
    }

    func makeLog(_ evaluations: [Evaluation], context: ReportContext) -> SARIFLog {
        let strings = ReportStrings(language: context.language)
        var rules: [SARIFLog.ReportingDescriptor] = []
        var ruleIndexByID: [String: Int] = [:]
        var artifacts: [SARIFLog.Artifact] = []
        var artifactIndexByURI: [String: Int] = [:]
        var results: [SARIFLog.Result] = []
        var summaries: [SARIFLog.SnapshotSummary] = []

        func artifactIndex(for file: String, sha256: String?) -> (uri: String, index: Int) {
            let uri = ReportPath.uriReference(ReportPath.relative(file, to: context.basePath))
            if let index = artifactIndexByURI[uri] { return (uri, index) }
            artifactIndexByURI[uri] = artifacts.count
            artifacts.append(
                SARIFLog.Artifact(
                    location: .init(uri: uri, uriBaseId: Self.sourceRoot),
                    hashes: sha256.map { ["sha-256": $0] } ?? [:],
                    roles: ["analysisTarget"],
                    mimeType: "application/yaml"))
            return (uri, artifacts.count - 1)
        }

        var snapshotResults: [Range<Int>] = []
        var notifications: [SARIFLog.Notification] = []
        for evaluation in evaluations {
            let snapshot = artifactIndex(for: evaluation.snapshot.file, sha256: evaluation.snapshot.sha256)
            let firstResult = results.count
            defer { snapshotResults.append(firstResult..<results.count) }
            let artifact = { (file: String) in
                artifactIndex(for: file, sha256: file == evaluation.snapshot.file ? evaluation.snapshot.sha256 : nil)
            }
            notifications += Self.inputWarningNotifications(evaluation, strings: strings, artifact: artifact)
            notifications += Self.waiverNotifications(evaluation, strings: strings, artifact: artifact)
            for summary in evaluation.rules where ruleIndexByID[summary.rule.id] == nil {
                ruleIndexByID[summary.rule.id] = rules.count
                rules.append(descriptor(for: summary.rule, language: context.language, strings: strings))
            }
            for (resultIndex, result) in evaluation.results.enumerated() where result.status.isFinding {
                let rule = evaluation.rule(of: result)
                let takes = strings.whatItTakes(evaluation.whatItTakes[resultIndex], subject: result.subject)
                let location = result.knownLocation
                let artifact =
                    location.map {
                        artifactIndex(
                            for: $0.file, sha256: $0.file == evaluation.snapshot.file ? evaluation.snapshot.sha256 : nil
                        )
                    }
                    ?? snapshot
                results.append(
                    Self.result(
                        result, of: rule, ruleIndex: ruleIndexByID[rule.id] ?? 0, in: evaluation, artifact: artifact,
                        location: location, whatItTakes: takes, strings: strings, language: context.language))
            }
            summaries.append(Self.summary(of: evaluation, snapshotURI: snapshot.uri))
        }

        let baseURI = ReportPath.directoryURI(context.basePath)
        let root = SARIFLog.ArtifactLocation(
            uri: baseURI,
            description: baseURI == nil ? .init(text: "The directory readiness was run from.") : nil)
        let run = SARIFLog.Run(
            tool: .init(
                driver: .init(
                    name: "readiness",
                    version: context.toolVersion,
                    semanticVersion: Self.isSemanticVersion(context.toolVersion) ? context.toolVersion : nil,
                    rules: rules)),
            originalUriBaseIds: [Self.sourceRoot: root],
            artifacts: artifacts,
            results: results,
            language: strings.htmlLanguage == "en" ? "en-US" : strings.htmlLanguage,
            properties: .init(readiness: summaries),
            invocations: notifications.isEmpty
                ? nil : [SARIFLog.Invocation(executionSuccessful: true, toolExecutionNotifications: notifications)])
        return SARIFLog(runs: split(run, snapshotResults: snapshotResults))
    }

    /// The SARIF result for one finding, at its place in its artifact.
    private static func result(
        _ result: RuleResult, of rule: Rule, ruleIndex: Int, in evaluation: Evaluation,
        artifact: (uri: String, index: Int), location: SourceLocation?, whatItTakes takes: String?, strings: ReportStrings, language: String
    ) -> SARIFLog.Result {
        let level = ReportLevel(status: result.status, severity: rule.severity, isStrict: evaluation.isStrict)
        let waiver = result.status == .waived ? result.waiver : nil
        return SARIFLog.Result(
            ruleId: rule.id,
            ruleIndex: ruleIndex,
            level: level.rawValue,
            message: .init(
                text: evaluation.headline(of: result, strings: strings)
                    + (takes.map { " — \(strings.whatItTakesLabel)\(strings.colon)\($0)" } ?? "")),
            locations: [
                SARIFLog.Location(
                    physicalLocation: .init(
                        artifactLocation: .init(
                            uri: artifact.uri, uriBaseId: Self.sourceRoot, index: artifact.index),
                        region: .init(
                            startLine: max(location?.line ?? 1, 1),
                            startColumn: location.map { max($0.column, 1) })),
                    logicalLocations: result.subject.map { [.init(name: $0.lineSafe, kind: "object")] })
            ],
            partialFingerprints: [
                Self.fingerprintKey: Self.fingerprint(uri: artifact.uri, rule: rule.id, result: result)
            ],
            suppressions: waiver.map {
                [
                    SARIFLog.Suppression(
                        justification: $0.reason, properties: .init(approvedBy: $0.approvedBy, expires: $0.expires))
                ]
            },
            properties: .init(
                status: result.status.rawValue,
                subject: result.subject,
                category: rule.category,
                action: rule.action.rawValue,
                severity: rule.severity.rawValue,
                missingFact: result.status.isEvidenceGap ? result.missingFact : nil,
                recommendation: rule.recommendation?.resolved(language),
                whatItTakes: takes))
    }

    /// One snapshot's verdict and scores, for the run's properties.
    private static func summary(of evaluation: Evaluation, snapshotURI: String) -> SARIFLog.SnapshotSummary {
        SARIFLog.SnapshotSummary(
            snapshot: snapshotURI,
            project: evaluation.projectTitle,
            asOf: evaluation.asOf,
            stage: evaluation.stage.rawValue,
            verdict: evaluation.verdict.rawValue,
            status: evaluation.status.rawValue,
            readiness: Self.rounded(evaluation.scores.overall.readiness),
            coverage: Self.rounded(evaluation.scores.overall.coverage),
            exposure: evaluation.scores.exposure,
            strict: evaluation.isStrict,
            areas: Dictionary(evaluation.scores.categories.map { ($0.name, $0.status.rawValue) }, uniquingKeysWith: { a, _ in a }),
            phases: evaluation.plan.planned.map {
                .init(name: $0.name, decision: $0.decision.rawValue, status: $0.status.rawValue)
            },
            overrides: evaluation.overrides.isEmpty
                ? nil
                : evaluation.overrides.map {
                    .init(rule: $0.ruleID, origin: $0.origin, reason: $0.reason, changes: $0.changes)
                })
    }

    private func descriptor(for rule: Rule, language: String, strings: ReportStrings) -> SARIFLog.ReportingDescriptor {
        let title = rule.title.resolved(language)
        let rationale = rule.rationale?.resolved(language)
        let recommendation = rule.recommendation?.resolved(language)
        let evidence = rule.evidence?.resolved(language)

        var markdown: [String] = []
        if let recommendation { markdown.append("**\(strings.recommendation).** \(recommendation.markdownEscaped)") }
        if let rationale { markdown.append("**\(strings.rationale).** \(rationale.markdownEscaped)") }
        if let evidence { markdown.append("**\(strings.evidence).** \(evidence.markdownEscaped)") }
        if !rule.references.isEmpty {
            let items = rule.references.map { reference in
                if let url = reference.url, ReportPath.isWebLink(url) {
                    let target = url.replacingOccurrences(of: "<", with: "%3C").replacingOccurrences(
                        of: ">", with: "%3E")
                    return "- [\(reference.title.markdownEscaped)](<\(target)>)"
                }
                return "- \(reference.title.markdownEscaped)"
            }
            markdown.append("**\(strings.references)**\n\n" + items.joined(separator: "\n"))
        }
        var text: [String] = []
        if let recommendation { text.append(recommendation) }
        if let evidence { text.append("\(strings.evidence)\(strings.colon)\(evidence)") }
        let level = ReportLevel(rule.severity)
        return SARIFLog.ReportingDescriptor(
            id: rule.id,
            name: Self.pascalCase(rule.id),
            shortDescription: .init(text: title),
            fullDescription: .init(text: rationale ?? title),
            help: .init(
                text: text.isEmpty ? title : text.joined(separator: "\n\n"),
                markdown: markdown.isEmpty ? nil : markdown.joined(separator: "\n\n")),
            helpUri: rule.references.lazy.compactMap(\.url).first(where: ReportPath.isWebLink),
            defaultConfiguration: .init(level: level.rawValue),
            properties: .init(
                category: rule.category,
                tags: rule.tags.sorted(),
                action: rule.action.rawValue,
                severity: rule.severity.rawValue,
                likelihood: rule.likelihood,
                impact: rule.impact,
                exposure: rule.exposure,
                ruleset: rule.rulesetID,
                problemSeverity: level == .note ? "recommendation" : level.rawValue))
    }

    /// A stable identity for a finding: SHA-256 of the artifact, rule id and subject (or the
    /// element's index when the rule names no subject), independent of line numbers.
    static func fingerprint(uri: String, rule: String, result: RuleResult) -> String {
        let subject = result.subject ?? result.index.map { "#\($0)" } ?? ""
        return SHA256.hexDigest(Array("\(uri)\u{0}\(rule)\u{0}\(subject)".utf8))
    }

    /// `DATA-RESTORE-TESTED` → `DataRestoreTested`.
    static func pascalCase(_ id: String) -> String {
        id.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { word in
            word.prefix(1).uppercased() + word.dropFirst().lowercased()
        }.joined()
    }

    private static func rounded(_ value: Double) -> Double {
        value.isFinite ? (value * 10).rounded() / 10 : 0
    }

    private static func isSemanticVersion(_ version: String) -> Bool {
        let core = version.split(separator: "-", maxSplits: 1).first.map(String.init) ?? version
        let parts = core.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 3 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }
}
