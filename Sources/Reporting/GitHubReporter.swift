public import Readiness
import SourceDiagnostics

/// Writes GitHub Actions workflow commands, so findings show as annotations on the lines of the
/// snapshot that a pull request changes.
///
/// Each open finding becomes `::error`, `::warning` or `::notice` (see `ReportLevel`) with the
/// file, line and column of the element involved and a title naming the rule; the message ends
/// with the rule's recommendation. Waived findings are not annotated; an expired or unused
/// waiver is a `::warning` at its line, and so is each input warning (an unknown snapshot key,
/// a waiver of no known rule). A `::notice` per snapshot closes the output with the verdict and
/// the counts.
public struct GitHubReporter: Reporter {
    /// Creates the reporter.
    public init() {}

    /// One workflow command per line.
    public func render(_ evaluations: [Evaluation], context: ReportContext) -> String {
        let strings = ReportStrings(language: context.language)
        var lines: [String] = []
        for evaluation in evaluations {
            let snapshotPath = ReportPath.relative(evaluation.snapshot.file, to: context.basePath)
            for (i, result) in evaluation.results.enumerated() where result.status.isFinding && result.status != .waived {
                let rule = evaluation.rule(of: result)
                let level = ReportLevel(status: result.status, severity: rule.severity, isStrict: evaluation.isStrict)
                var properties: [(String, String)] = []
                if let location = result.knownLocation {
                    properties.append(("file", ReportPath.relative(location.file, to: context.basePath)))
                    properties.append(("line", String(location.line)))
                    if location.column > 0 { properties.append(("col", String(location.column))) }
                } else {
                    properties.append(("file", snapshotPath))
                }
                var title = "\(rule.id) \(rule.title.resolved(context.language))"
                if let subject = result.subject { title += " (\(subject))" }
                properties.append(("title", title))
                var message = "[\(strings.status(result.status))] " + evaluation.headline(of: result, strings: strings)
                if result.status == .unknown, let evidence = rule.evidence?.resolved(context.language) {
                    message += "\n\(strings.evidence)\(strings.colon)\(evidence)"
                }
                if let recommendation = rule.recommendation?.resolved(context.language) {
                    message += "\n\(strings.recommendation)\(strings.colon)\(recommendation)"
                }
                if let takes = strings.whatItTakes(evaluation.whatItTakes[i], subject: result.subject) {
                    message += "\n\(strings.whatItTakesLabel)\(strings.colon)\(takes)"
                }
                lines.append(Self.command(level.githubCommand, properties: properties, message: message))
            }
        }
        for evaluation in evaluations {
            lines += Self.inputWarnings(evaluation, strings: strings, context: context)
            lines += Self.waiverWarnings(evaluation, strings: strings, context: context)
        }
        for evaluation in evaluations {
            let snapshotPath = ReportPath.relative(evaluation.snapshot.file, to: context.basePath)
            let counts = evaluation.scores.overall.counts
            let verdict = evaluation.verdict
            var message = "\(snapshotPath): \(verdict.rawValue) (\(strings.verdict(verdict))), \(strings.status(evaluation.status))"
            message += " — \(strings.coverage) \(ReportNumber.whole(evaluation.scores.overall.coverage))%"
            message += ", \(strings.readiness) \(ReportNumber.whole(evaluation.scores.overall.readiness))%"
            let areas = evaluation.scores.categories.map { "\(evaluation.categoryTitle($0.name)) \(strings.status($0.status))" }
            if !areas.isEmpty { message += "; " + areas.joined(separator: ", ") }
            let shown: [ResultStatus] = [.fail, .warn, .unknown, .error, .waived]
            message += "; " + shown.map { "\(counts[$0]) \(strings.status($0))" }.joined(separator: ", ")
            let title = "\(strings.verdict): \(strings.verdict(verdict))"
            lines.append(
                Self.command("notice", properties: [("file", snapshotPath), ("title", title)], message: message))
        }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    /// A `::warning` per expired or unused waiver, at the waiver's line.
    static func waiverWarnings(_ evaluation: Evaluation, strings: ReportStrings, context: ReportContext) -> [String] {
        let waivers = evaluation.waivers
        let notes = waivers.expired.map { ($0, strings.waiverExpired($0)) } + waivers.unused.map { ($0, strings.waiverUnused($0)) }
        return notes.map { waiver, message in
            warning(message, title: "readiness: waiver \(waiver.ruleID)", at: waiver.location, in: evaluation, context: context)
        }
    }

    /// A `::warning` per warning about the inputs, at its line.
    static func inputWarnings(_ evaluation: Evaluation, strings: ReportStrings, context: ReportContext) -> [String] {
        evaluation.inputWarnings.map { warning in
            self.warning(
                strings.warningText(warning), title: "readiness: \(warning.code)", at: warning.span?.start, in: evaluation,
                context: context)
        }
    }

    /// A `::warning` at a place in an input (the snapshot when the place is unknown).
    private static func warning(
        _ message: String, title: String, at place: SourceLocation?, in evaluation: Evaluation, context: ReportContext
    ) -> String {
        let known = place?.position.isKnown == true
        let file = known ? place?.file ?? evaluation.snapshot.file : evaluation.snapshot.file
        var properties = [("file", ReportPath.relative(file, to: context.basePath))]
        if let place, known { properties += [("line", String(place.line)), ("col", String(place.column))] }
        properties.append(("title", title))
        return command("warning", properties: properties, message: message)
    }

    /// `::name key=value,…::message`, escaped the way the Actions runner unescapes it.
    static func command(_ name: String, properties: [(String, String)], message: String) -> String {
        var line = "::" + name
        if !properties.isEmpty {
            line += " " + properties.map { "\($0.0)=\($0.1.githubPropertyEscaped)" }.joined(separator: ",")
        }
        return line + "::" + message.githubMessageEscaped
    }
}
