public import Readiness
public import SourceDiagnostics

/// The results of `readiness test` as text, JUnit XML or JSON.
///
/// A case *passes* when every expectation holds, *fails* when one does not, and is an *error*
/// when it could not run (a bad patch, an unreadable snapshot); a test file that cannot be read
/// at all counts as one error. The totals line reads `N passed, M failed, K errors`.
public struct RulesetTestReport: Sendable {
    /// How a case ended.
    public enum Outcome: String, Sendable {
        /// Every expectation held.
        case passed
        /// An expectation did not hold.
        case failed
        /// The case could not run.
        case error
    }

    /// The cases run, in file order.
    public var cases: [RulesetTestRunner.CaseResult]
    /// Test files that could not be read, with their diagnostics.
    public var fileErrors: [(file: String, diagnostics: [Diagnostic])]

    /// Creates a report.
    public init(cases: [RulesetTestRunner.CaseResult], fileErrors: [(file: String, diagnostics: [Diagnostic])]) {
        self.cases = cases
        self.fileErrors = fileErrors
    }

    /// How a case ended.
    public static func outcome(of result: RulesetTestRunner.CaseResult) -> Outcome {
        if !result.problems.isEmpty { return .error }
        return result.mismatches.isEmpty ? .passed : .failed
    }

    /// Passed, failed and error counts (unreadable files count as errors).
    public var totals: (passed: Int, failed: Int, errors: Int) {
        var totals = (passed: 0, failed: 0, errors: fileErrors.count)
        for result in cases {
            switch Self.outcome(of: result) {
            case .passed: totals.passed += 1
            case .failed: totals.failed += 1
            case .error: totals.errors += 1
            }
        }
        return totals
    }

    /// `N passed, M failed, K errors`.
    public var totalsLine: String {
        let t = totals
        return "\(t.passed) passed, \(t.failed) failed, \(t.errors) error\(t.errors == 1 ? "" : "s")"
    }

    /// JUnit XML: a test suite per file, a test case per case (`<failure>` listing the
    /// expectations that did not hold, `<error>` with the problems that stopped it).
    public func junit() -> String {
        var files: [String] = []
        var byFile: [String: [RulesetTestRunner.CaseResult]] = [:]
        for result in cases {
            if byFile[result.file] == nil { files.append(result.file) }
            byFile[result.file, default: []].append(result)
        }
        let t = totals
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"readiness test\" tests=\"\(cases.count + fileErrors.count)\" failures=\"\(t.failed)\" errors=\"\(t.errors)\">\n"
        for file in files {
            let results = byFile[file] ?? []
            let failed = results.filter { Self.outcome(of: $0) == .failed }.count
            let errors = results.filter { Self.outcome(of: $0) == .error }.count
            xml += "  <testsuite name=\"\(file.xmlAttributeEscaped)\" tests=\"\(results.count)\" failures=\"\(failed)\" errors=\"\(errors)\" skipped=\"0\" file=\"\(file.xmlAttributeEscaped)\">\n"
            for result in results {
                xml += "    <testcase classname=\"\(file.xmlAttributeEscaped)\" name=\"\(result.name.xmlAttributeEscaped)\""
                xml += " file=\"\(file.xmlAttributeEscaped)\" line=\"\(max(result.location.line, 1))\""
                switch Self.outcome(of: result) {
                case .passed:
                    xml += "/>\n"
                case .failed:
                    let text = result.mismatches.map(\.description).joined(separator: "\n")
                    xml += ">\n      <failure type=\"mismatch\" message=\"\(result.mismatches.count) expectation(s) did not hold\">\(text.xmlEscaped)</failure>\n    </testcase>\n"
                case .error:
                    let text = result.problems.map(\.description).joined(separator: "\n")
                    xml += ">\n      <error type=\"input\" message=\"the case could not run\">\(text.xmlEscaped)</error>\n    </testcase>\n"
                }
            }
            xml += "  </testsuite>\n"
        }
        for (file, diagnostics) in fileErrors {
            let text = diagnostics.map(\.description).joined(separator: "\n")
            xml += "  <testsuite name=\"\(file.xmlAttributeEscaped)\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\" file=\"\(file.xmlAttributeEscaped)\">\n"
            xml += "    <testcase classname=\"\(file.xmlAttributeEscaped)\" name=\"(file)\" file=\"\(file.xmlAttributeEscaped)\">\n"
            xml += "      <error type=\"input\" message=\"the test file could not be read\">\(text.xmlEscaped)</error>\n    </testcase>\n  </testsuite>\n"
        }
        return xml + "</testsuites>\n"
    }

    /// JSON (`readiness.test/1`): every case with its outcome, and the totals.
    ///
    /// - Throws: `DiagnosticError` (`report.unencodable`) when the document cannot be encoded.
    public func json() throws -> String {
        let t = totals
        let document = JSONDocument(
            cases: cases.map { result in
                CaseJSON(
                    file: result.file, line: result.location.line, name: result.name,
                    outcome: Self.outcome(of: result).rawValue,
                    mismatches: result.mismatches.map {
                        MismatchJSON(rule: $0.rule, subject: $0.subject, expected: $0.expected, actual: $0.actual)
                    },
                    problems: result.problems.map(\.description))
            },
            fileErrors: fileErrors.map { FileErrorJSON(file: $0.file, problems: $0.diagnostics.map(\.description)) },
            totals: TotalsJSON(passed: t.passed, failed: t.failed, errors: t.errors))
        return try JSONTreeEncoder(keys: .snakeCase).encode(document)
    }

    struct JSONDocument: Encodable {
        var schema = "readiness.test/1"
        var cases: [CaseJSON]
        var fileErrors: [FileErrorJSON]
        var totals: TotalsJSON
    }

    struct CaseJSON: Encodable {
        var file: String
        var line: Int
        var name: String
        var outcome: String
        var mismatches: [MismatchJSON]
        var problems: [String]
    }

    struct MismatchJSON: Encodable {
        var rule: String
        var subject: String?
        var expected: String
        var actual: String
    }

    struct FileErrorJSON: Encodable {
        var file: String
        var problems: [String]
    }

    struct TotalsJSON: Encodable {
        var passed: Int
        var failed: Int
        var errors: Int
    }
}
