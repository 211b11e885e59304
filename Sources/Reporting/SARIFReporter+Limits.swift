public import Readiness
import SourceDiagnostics

extension SARIFReporter {
    /// How many results a run and how many runs a file may hold.
    public struct Limits: Sendable, Hashable {
        /// Most results in one run.
        public var resultsPerRun: Int
        /// Most runs in one file.
        public var runsPerFile: Int

        /// Creates limits.
        public init(resultsPerRun: Int, runsPerFile: Int) {
            self.resultsPerRun = max(resultsPerRun, 1)
            self.runsPerFile = max(runsPerFile, 1)
        }

        /// GitHub code scanning's: 25,000 results per run, 20 runs per file (it rejects files
        /// over either).
        public static let github = Limits(resultsPerRun: 25_000, runsPerFile: 20)

        /// The most results a file can hold.
        public var resultsPerFile: Int { resultsPerRun * runsPerFile }
    }

    /// Why a SARIF log cannot be written within the limits.
    public struct LimitError: Error, Sendable, CustomStringConvertible {
        /// How many results the log would hold.
        public var results: Int
        /// How many snapshots gave them.
        public var snapshots: Int
        /// The limits exceeded.
        public var limits: Limits

        /// The message: what is over which limit, and how to split the run.
        public var description: String {
            let perSnapshot = max(results / max(snapshots, 1), 1)
            let batch = max(limits.resultsPerFile / perSnapshot, 1)
            var text = "the SARIF log would hold \(results) results, more than \(limits.resultsPerFile) "
            text += "(\(limits.runsPerFile) runs of \(limits.resultsPerRun) results, GitHub code scanning's limits)"
            if snapshots > 1 {
                text += "; split the portfolio: run 'readiness check' on at most about \(batch) snapshots at a time, "
                text += "each with its own --output file, and upload each file with its own category"
            } else {
                text += "; narrow the rulesets (--ruleset) or write the findings as json, junit or gitlab instead"
            }
            return text
        }
    }

    /// Throws when the evaluations' findings would not fit in one file within the limits.
    public static func checkLimits(_ evaluations: [Evaluation], limits: Limits = .github) throws(LimitError) {
        let results = evaluations.reduce(0) { $0 + $1.findingIndices.count }
        if results > limits.resultsPerFile {
            throw LimitError(results: results, snapshots: evaluations.count, limits: limits)
        }
    }

    /// The run as is when its results fit in one; else several runs, each snapshot's results
    /// kept together where they fit (a snapshot with more results than a run holds is cut),
    /// each run with its own category (`automationDetails.id`) so that GitHub keeps them apart.
    /// Runs past the file's limit are dropped; `checkLimits` refuses such a portfolio first.
    func split(_ run: SARIFLog.Run, snapshotResults: [Range<Int>]) -> [SARIFLog.Run] {
        guard run.results.count > limits.resultsPerRun else { return [run] }
        var parts: [Range<Int>] = []
        var current: Range<Int>?
        for range in snapshotResults.flatMap({ cut($0) }) {
            if let open = current, open.count + range.count <= limits.resultsPerRun {
                current = open.lowerBound..<range.upperBound
            } else {
                if let open = current { parts.append(open) }
                current = range
            }
        }
        if let open = current { parts.append(open) }
        return parts.prefix(limits.runsPerFile).enumerated().map { n, range in
            var part = run
            part.results = Array(run.results[range])
            part.automationDetails = SARIFLog.AutomationDetails(id: "readiness/part-\(n + 1)/")
            if n > 0 { part.invocations = nil }
            return part
        }
    }

    /// A range cut into pieces of at most a run's results.
    private func cut(_ range: Range<Int>) -> [Range<Int>] {
        stride(from: range.lowerBound, to: range.upperBound, by: limits.resultsPerRun).map {
            $0..<min($0 + limits.resultsPerRun, range.upperBound)
        }
    }

    /// A warning per expired or unused waiver, at the waiver's line.
    static func waiverNotifications(
        _ evaluation: Evaluation, strings: ReportStrings, artifact: (String) -> (uri: String, index: Int)
    ) -> [SARIFLog.Notification] {
        let waivers = evaluation.waivers
        let notes = waivers.expired.map { ($0, "readiness/waiver-expired", strings.waiverExpired($0)) }
            + waivers.unused.map { ($0, "readiness/waiver-unused", strings.waiverUnused($0)) }
        return notes.map { waiver, id, text in
            notification(
                id: id, text: text, rule: waiver.ruleID, at: waiver.location, in: evaluation, artifact: artifact)
        }
    }

    /// A notification for each warning about the evaluation's inputs (`readiness/input-warning`,
    /// the warning's own code in the message), at its line.
    static func inputWarningNotifications(
        _ evaluation: Evaluation, strings: ReportStrings, artifact: (String) -> (uri: String, index: Int)
    ) -> [SARIFLog.Notification] {
        evaluation.inputWarnings.map { warning in
            notification(
                id: "readiness/input-warning", text: strings.warningText(warning), rule: nil, at: warning.span?.start,
                in: evaluation, artifact: artifact)
        }
    }

    /// A warning-level notification at a place in an input (the snapshot's first line when the
    /// place is unknown).
    private static func notification(
        id: String, text: String, rule: String?, at place: SourceLocation?, in evaluation: Evaluation,
        artifact: (String) -> (uri: String, index: Int)
    ) -> SARIFLog.Notification {
        let isKnown = place?.position.isKnown == true
        let target = artifact(isKnown ? place?.file ?? evaluation.snapshot.file : evaluation.snapshot.file)
        let region = SARIFLog.Region(
            startLine: max(place?.line ?? 1, 1), startColumn: isKnown ? max(place?.column ?? 1, 1) : nil)
        let location = SARIFLog.Location(
            physicalLocation: .init(
                artifactLocation: .init(uri: target.uri, uriBaseId: sourceRoot, index: target.index), region: region),
            logicalLocations: nil)
        return SARIFLog.Notification(
            level: "warning", message: .init(text: text), locations: [location], descriptor: .init(id: id),
            associatedRule: rule.map { .init(id: $0) })
    }
}
