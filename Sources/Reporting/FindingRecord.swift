import Foundation
public import Readiness
public import SourceDiagnostics

/// One finding as two reports can compare it: which snapshot, which rule and subject, a
/// fingerprint, and its status. Line numbers play no part, so a finding keeps its identity when
/// the snapshot is edited above it.
public struct FindingRecord: Sendable, Hashable {
    /// A finding's identity within a snapshot: the rule and the subject (`for_each` element).
    public struct Key: Sendable, Hashable, Comparable, CustomStringConvertible {
        /// The rule's id.
        public var rule: String
        /// The element's label, or nil for a rule without elements.
        public var subject: String?

        /// Creates a key.
        public init(rule: String, subject: String?) {
            self.rule = rule
            self.subject = subject
        }

        /// `RULE-ID` or `RULE-ID [subject]`.
        public var description: String { subject.map { "\(rule) [\($0)]" } ?? rule }

        /// Rule, then subject (no subject first).
        public static func < (a: Key, b: Key) -> Bool {
            (a.rule, a.subject ?? "") < (b.rule, b.subject ?? "")
        }
    }

    /// The snapshot's path as the report gives it.
    public var snapshot: String
    /// The rule and subject.
    public var key: Key
    /// SHA-256 of the rule, the subject (or the element's index when there is none) and the
    /// missing fact: it tells apart findings of one rule and subject that differ in kind.
    public var fingerprint: String
    /// The finding's status (fail, warn, unknown, error or waived).
    public var status: ResultStatus
    /// The finding's message, for reports of the comparison.
    public var message: String

    /// Creates a record, computing its fingerprint.
    public init(
        snapshot: String, rule: String, subject: String?, index: Int?, missingFact: String?, status: ResultStatus,
        message: String
    ) {
        self.snapshot = snapshot
        key = Key(rule: rule, subject: subject)
        let element = subject ?? index.map { "#\($0)" } ?? ""
        fingerprint = SHA256.hexDigest(Array("\(rule)\u{0}\(element)\u{0}\(missingFact ?? "")".utf8))
        self.status = status
        self.message = message
    }

    /// Whether the finding holds the gate back: open (fail, warn, unknown or error), not waived.
    public var isOpen: Bool { status.severityRank > ResultStatus.waived.severityRank }

    /// The findings of an evaluation, in report order.
    public static func records(of evaluation: Evaluation) -> [FindingRecord] {
        evaluation.findingIndices.map { i in
            let result = evaluation.results[i]
            let rule = evaluation.rule(of: result)
            return FindingRecord(
                snapshot: evaluation.snapshot.file, rule: rule.id, subject: result.subject, index: result.index,
                missingFact: result.missingFact, status: result.status,
                message: result.message ?? rule.title.resolved(evaluation.language))
        }
    }

    /// The findings of a `json` report (`readiness.report/1`, or `readiness.portfolio/1`).
    /// - Throws: `DiagnosticError` when the file cannot be read or is not such a report.
    public static func records(ofReportAt path: String, maxBytes: Int) throws(DiagnosticError) -> [FindingRecord] {
        func invalid(_ message: String) -> DiagnosticError {
            DiagnosticError([.error("baseline.invalid", message, at: SourceLocation(file: path, line: 1, column: 1))])
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw invalid("cannot read the baseline report") }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: maxBytes + 1)) ?? nil
        guard let data else { throw invalid("cannot read the baseline report") }
        if data.count > maxBytes { throw invalid("the baseline report is larger than \(maxBytes) bytes") }
        guard let root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw invalid("the baseline is not JSON; give a report written by 'readiness check --format json'")
        }
        let reports: [[String: Any]]
        switch root["schema"] as? String {
        case JSONReporter.schema: reports = [root]
        case JSONReporter.portfolioSchema: reports = root["snapshots"] as? [[String: Any]] ?? []
        default: throw invalid("the baseline is not a readiness JSON report (no schema '\(JSONReporter.schema)')")
        }
        var records: [FindingRecord] = []
        for report in reports {
            let snapshot = report["snapshot"] as? String ?? ""
            for finding in report["findings"] as? [[String: Any]] ?? [] {
                guard let rule = finding["rule"] as? String,
                    let status = (finding["status"] as? String).flatMap(ResultStatus.init(rawValue:))
                else { throw invalid("a finding in the baseline has no rule or status") }
                records.append(
                    FindingRecord(
                        snapshot: snapshot, rule: rule, subject: finding["subject"] as? String,
                        index: finding["index"] as? Int, missingFact: finding["missing_fact"] as? String,
                        status: status, message: finding["message"] as? String ?? rule))
            }
        }
        return records
    }
}
