import ArgumentParser
import Foundation
import Readiness
import Reporting
import SourceDiagnostics

/// `readiness check`'s gate: the verdict threshold, the evidence-coverage floor and the
/// baseline that limits the gate to new and worse findings.
struct GateOptions: ParsableArguments {
    /// The verdicts `--fail-on` accepts, `none` (report only) included.
    static let thresholds = ["none", "go_with_conditions", "split", "defer", "no_go"]

    @Option(
        help: ArgumentHelp(
            "Fail the gate at this verdict or worse: go_with_conditions, split, defer or no_go; none reports only.",
            valueName: "verdict"))
    var failOn: String = Verdict.defer.rawValue

    @Option(
        // Unconditional: `--min-coverage -5` is a value out of range, not a missing value.
        parsing: .unconditional,
        help: ArgumentHelp(
            "Also fail the gate when any snapshot's evidence coverage is below this percentage (0-100).",
            valueName: "pct"))
    var minCoverage: Double?

    @Option(
        help: ArgumentHelp(
            "A JSON report of an earlier run: only findings new or worse than in it fail the gate.",
            valueName: "report.json"))
    var baseline: String?

    /// The verdict threshold, or nil for `none`.
    var threshold: Verdict? { failOn == "none" ? nil : Verdict(rawValue: failOn) }

    func validate() throws {
        guard Self.thresholds.contains(failOn) else {
            throw ValidationError("--fail-on must be one of \(Self.thresholds.joined(separator: ", "))")
        }
        if let minCoverage, !(0...100).contains(minCoverage) {
            throw ValidationError("--min-coverage must be a percentage from 0 to 100")
        }
    }

    /// Loads the baseline report and compares the evaluations' findings with it (nil without
    /// `--baseline`); an unreadable baseline exits with 2.
    func comparison(with evaluations: [Evaluation], maxBytes: Int) throws -> FindingComparison? {
        guard let baseline else { return nil }
        let previous = try CLI.guarding { try FindingRecord.records(ofReportAt: baseline, maxBytes: maxBytes) }
        return FindingComparison(previous: previous, current: evaluations.flatMap(FindingRecord.records(of:)))
    }

    /// Why the gate fails, one line per snapshot and reason; empty when it passes.
    func failures(_ evaluations: [Evaluation], comparison: FindingComparison?) -> [String] {
        var reasons: [String] = []
        for evaluation in evaluations {
            let file = evaluation.snapshot.file
            if let threshold, evaluation.verdict >= threshold {
                if let comparison {
                    let fresh = comparison.newOrWorseOpenFindings(in: file)
                    // A deciding reason names a subject, or stands for its rule wherever it
                    // fails (a new site failing a deciding rule is new evidence against the go).
                    let deciding = Set(evaluation.decidedBy.map { FindingRecord.Key(rule: $0.rule, subject: $0.subject) })
                    let decidingRules = Set(evaluation.decidedBy.filter { $0.subject == nil }.map(\.rule))
                    let blocking = deciding.isEmpty
                        ? fresh : fresh.filter { deciding.contains($0.key) || decidingRules.contains($0.key.rule) }
                    if !blocking.isEmpty {
                        let keys = blocking.map(\.key.description).prefix(5).joined(separator: ", ")
                        reasons.append(
                            "\(file): verdict \(evaluation.verdict.rawValue) with findings new or worse than the baseline: \(keys)\(blocking.count > 5 ? ", …" : "")"
                        )
                    }
                } else {
                    reasons.append("\(file): verdict \(evaluation.verdict.rawValue) is at or worse than --fail-on \(failOn)")
                }
            }
            let coverage = evaluation.scores.overall.coverage
            if let minCoverage, coverage < minCoverage {
                // As many decimals as it takes for the two figures to differ (97.26 < 97.3).
                var digits = 1
                while digits < 6, String(format: "%.\(digits)f", coverage) == String(format: "%.\(digits)f", minCoverage) {
                    digits += 1
                }
                reasons.append(
                    "\(file): evidence coverage \(String(format: "%.\(digits)f", coverage))% is below --min-coverage \(String(format: "%.\(digits)f", minCoverage))%"
                )
            }
        }
        return reasons
    }
}
