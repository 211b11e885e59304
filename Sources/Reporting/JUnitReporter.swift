public import Readiness
import SourceDiagnostics

/// Writes JUnit XML (the Jenkins/Surefire dialect of `junit-10.xsd`) for CI servers' test views.
///
/// Each category becomes a `<testsuite>` and each rule a `<testcase>`, or one per subject for a
/// `for_each` rule, with the `file` and `line` of the element or fact involved. A fail is a
/// `<failure type="fail">`; a warn is a `<failure type="warn">`, or a passed test case with the
/// finding in `<system-out>` (`ReportContext.junitWarn`); an unknown or a rule error an
/// `<error>`, and a not-applicable or waived result `<skipped>`. Several snapshots give one
/// suite per snapshot and category. No times are written: the report never reads the clock.
public struct JUnitReporter: PieceRenderingReporter {
    /// Creates the reporter.
    public init() {}

    /// The whole XML document, its test cases rendered on all cores in slices.
    public func renderPieces(_ evaluations: [Evaluation], context: ReportContext) -> RenderedReport {
        let strings = ReportStrings(language: context.language)
        let suites = Self.suites(evaluations, context: context)

        // Slices of each suite's cases, rendered in parallel, then placed in order.
        let slice = 2048
        var jobs: [(suite: Int, range: Range<Int>)] = []
        for (s, suite) in suites.enumerated() {
            for lower in stride(from: 0, to: suite.cases.count, by: slice) {
                jobs.append((s, lower..<min(lower + slice, suite.cases.count)))
            }
        }
        let allSuites = suites
        let allJobs = jobs
        // Each slice's text, and its counts taken from the cases as rendered.
        let rendered = Parallel.map(jobs.count) { j -> (xml: [UInt8], counts: Counts) in
            let (s, range) = allJobs[j]
            let suite = allSuites[s]
            let evaluation = evaluations[suite.evaluation]
            var xml = ""
            var counts = Counts()
            for c in range {
                let testCase = Self.testCase(suite.cases[c], in: evaluation, file: suite.file, strings: strings, context: context)
                counts.add(testCase.outcome)
                testCase.write(to: &xml)
            }
            return (Array(xml.utf8), counts)
        }
        var suiteCounts = Array(repeating: Counts(), count: suites.count)
        var total = Counts()
        for (job, slice) in zip(jobs, rendered) {
            suiteCounts[job.suite].add(slice.counts)
            total.add(slice.counts)
        }

        var pieces: [[UInt8]] = []
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"readiness\" tests=\"\(total.tests)\" failures=\"\(total.failures)\" errors=\"\(total.errors)\">\n"
        var j = 0
        for (s, suite) in suites.enumerated() {
            suite.writeHeader(counts: suiteCounts[s], to: &xml)
            pieces.append(Array(xml.utf8))
            while j < jobs.count, jobs[j].suite == s {
                pieces.append(rendered[j].xml)
                j += 1
            }
            xml = "  </testsuite>\n"
        }
        xml += "</testsuites>\n"
        pieces.append(Array(xml.utf8))
        return RenderedReport(pieces: pieces)
    }

    /// A suite per category of each snapshot (per snapshot and category in a portfolio), with
    /// the snapshot's and the area's properties and a case per result, or per rule without any.
    private static func suites(_ evaluations: [Evaluation], context: ReportContext) -> [Suite] {
        let isPortfolio = evaluations.count > 1
        var suites: [Suite] = []
        for (e, evaluation) in evaluations.enumerated() {
            let prefix = isPortfolio ? ReportPath.stem(evaluation.snapshot.file) : nil
            let file = ReportPath.relative(evaluation.snapshot.file, to: context.basePath)
            let resultsByRule = evaluation.resultIndicesByRule
            for category in evaluation.categoryOrder {
                let indices = evaluation.rules.indices.filter { evaluation.rules[$0].rule.category == category }
                guard !indices.isEmpty else { continue }
                var suite = Suite(name: prefix.map { "\($0)/\(category)" } ?? category, file: file, evaluation: e)
                suite.properties = [
                    ("snapshot", file),
                    ("project", evaluation.projectTitle),
                    ("as_of", evaluation.asOf),
                    ("stage", evaluation.stage.rawValue),
                    ("verdict", evaluation.verdict.rawValue),
                    ("status", evaluation.status.rawValue),
                ]
                if let area = evaluation.scores.categories.first(where: { $0.name == category }) {
                    suite.properties.append(("area_status", area.status.rawValue))
                    suite.properties.append(("readiness", ReportNumber.oneDecimal(area.readiness)))
                    suite.properties.append(("coverage", ReportNumber.oneDecimal(area.coverage)))
                }
                for index in indices {
                    let rule = evaluation.rules[index].rule
                    var classParts = [String]()
                    if let prefix { classParts.append(prefix) }
                    classParts.append(rule.rulesetID)
                    if rule.category != rule.rulesetID { classParts.append(rule.category) }
                    let classname = classParts.joined(separator: ".")
                    let results = resultsByRule[index]
                    if results.isEmpty {
                        suite.cases.append(CaseSource(classname: classname, rule: index, result: nil))
                    }
                    for r in results {
                        suite.cases.append(CaseSource(classname: classname, rule: index, result: r))
                    }
                }
                suites.append(suite)
            }
        }
        return suites
    }

    /// The test case for one result (or for a rule with no elements).
    private static func testCase(
        _ source: CaseSource, in evaluation: Evaluation, file: String, strings: ReportStrings, context: ReportContext
    ) -> Case {
        let rule = evaluation.rules[source.rule].rule
        guard let r = source.result else {
            return Case(
                classname: source.classname, name: "\(rule.id): \(rule.title.resolved(context.language))",
                file: file, line: nil, outcome: .skipped(type: nil, message: strings.noElements, body: nil))
        }
        let result = evaluation.results[r]
        let location = result.knownLocation
        return Case(
            classname: source.classname, name: caseName(rule: rule, result: result, language: context.language),
            file: location.map { ReportPath.relative($0.file, to: context.basePath) } ?? file, line: location?.line,
            outcome: outcome(of: result, in: evaluation, file: file, strings: strings, context: context))
    }

    static func caseName(rule: Rule, result: RuleResult, language: String) -> String {
        if let subject = result.subject { return "\(rule.id): \(subject)" }
        if let index = result.index { return "\(rule.id): #\(index + 1)" }
        return "\(rule.id): \(rule.title.resolved(language))"
    }

    private static func outcome(
        of result: RuleResult, in evaluation: Evaluation, file: String, strings: ReportStrings, context: ReportContext
    ) -> Case.Outcome {
        if result.status == .pass { return .passed(output: nil) }
        if result.status == .notApplicable { return .skipped(type: nil, message: strings.notApplicableDetail, body: nil) }
        let rule = evaluation.rule(of: result)
        let headline = evaluation.headline(of: result, strings: strings)
        var lines = [headline, ""]
        if let subject = result.subject { lines.append("\(strings.subject)\(strings.colon)\(subject)") }
        if let location = result.knownLocation {
            let path = ReportPath.relative(location.file, to: context.basePath)
            lines.append("\(strings.location)\(strings.colon)\(path):\(location.line):\(location.column)")
        } else {
            lines.append("\(strings.location)\(strings.colon)\(file)")
        }
        lines.append(
            "\(strings.severity)\(strings.colon)\(strings.severity(rule.severity)) · \(strings.action)\(strings.colon)\(strings.action(rule.action))"
        )
        if result.status == .unknown, let evidence = rule.evidence?.resolved(context.language) {
            lines.append("\(strings.evidence)\(strings.colon)\(evidence)")
        }
        if let recommendation = rule.recommendation?.resolved(context.language) {
            lines.append("\(strings.recommendation)\(strings.colon)\(recommendation)")
        }
        let body = lines.joined(separator: "\n")
        switch result.status {
        case .pass: return .passed(output: nil)
        case .warn where context.junitWarn == .pass: return .passed(output: "[\(ResultStatus.warn.rawValue)] " + body)
        case .fail, .warn: return .failure(type: result.status.rawValue, message: headline, body: body)
        case .unknown, .error: return .error(type: result.status.rawValue, message: headline, body: body)
        case .notApplicable: return .skipped(type: nil, message: strings.notApplicableDetail, body: nil)
        case .notDue:
            let due = result.dueDate.map { "\(strings.colon)\(strings.due) \($0)" } ?? ""
            return .skipped(type: "not_due", message: strings.status(.notDue) + due, body: body)
        case .waived:
            var message = strings.waivedPrefix
            if let waiver = result.waiver {
                message +=
                    "\(strings.colon)\(waiver.reason) (\(strings.approvedBy) \(waiver.approvedBy), \(strings.expires) \(waiver.expires))"
            }
            return .skipped(type: "waived", message: message, body: body)
        }
    }

    /// A `<testsuite>` being assembled: its cases are rendered later, in parallel slices.
    private struct Suite: Sendable {
        var name: String
        var file: String
        /// Index of the evaluation the suite reports.
        var evaluation: Int
        var properties: [(String, String)] = []
        var cases: [CaseSource] = []

        func writeHeader(counts: Counts, to xml: inout String) {
            xml += "  <testsuite name=\"\(name.xmlAttributeEscaped)\" tests=\"\(counts.tests)\""
            xml += " failures=\"\(counts.failures)\" errors=\"\(counts.errors)\" skipped=\"\(counts.skipped)\""
            xml += " file=\"\(file.xmlAttributeEscaped)\">\n"
            if !properties.isEmpty {
                xml += "    <properties>\n"
                for (name, value) in properties {
                    xml +=
                        "      <property name=\"\(name.xmlAttributeEscaped)\" value=\"\(value.xmlAttributeEscaped)\"/>\n"
                }
                xml += "    </properties>\n"
            }
        }
    }

    /// How many test cases there are, and how many ended each way.
    private struct Counts: Sendable {
        var tests = 0
        var failures = 0
        var errors = 0
        var skipped = 0

        mutating func add(_ outcome: Case.Outcome) {
            tests += 1
            if outcome.isFailure { failures += 1 }
            if outcome.isError { errors += 1 }
            if outcome.isSkipped { skipped += 1 }
        }

        mutating func add(_ other: Counts) {
            tests += other.tests
            failures += other.failures
            errors += other.errors
            skipped += other.skipped
        }
    }

    /// What a test case reports: a result (an index into the evaluation's results), or a rule
    /// with no elements.
    private struct CaseSource: Sendable {
        var classname: String
        var rule: Int
        var result: Int?
    }

    /// A `<testcase>` and how it ended.
    private struct Case {
        enum Outcome {
            case passed(output: String?)
            case failure(type: String, message: String, body: String)
            case error(type: String, message: String, body: String)
            case skipped(type: String?, message: String, body: String?)

            var isFailure: Bool { if case .failure = self { true } else { false } }
            var isError: Bool { if case .error = self { true } else { false } }
            var isSkipped: Bool { if case .skipped = self { true } else { false } }
        }

        var classname: String
        var name: String
        /// The file of the element or fact involved (else the snapshot), and its line.
        var file: String
        var line: Int?
        var outcome: Outcome

        func write(to xml: inout String) {
            var open =
                "    <testcase classname=\"\(classname.xmlAttributeEscaped)\" name=\"\(name.xmlAttributeEscaped)\""
            open += " file=\"\(file.xmlAttributeEscaped)\""
            if let line { open += " line=\"\(line)\"" }
            func element(_ tag: String, type: String?, message: String, body: String?) {
                xml += open + ">\n      <\(tag)"
                if let type { xml += " type=\"\(type.xmlAttributeEscaped)\"" }
                xml += " message=\"\(message.xmlAttributeEscaped)\""
                if let body { xml += ">\(body.xmlEscaped)</\(tag)>\n" } else { xml += "/>\n" }
                xml += "    </testcase>\n"
            }
            switch outcome {
            case .passed(.none): xml += open + "/>\n"
            case .passed(.some(let output)): xml += open + ">\n      <system-out>\(output.xmlEscaped)</system-out>\n    </testcase>\n"
            case .failure(let type, let message, let body): element("failure", type: type, message: message, body: body)
            case .error(let type, let message, let body): element("error", type: type, message: message, body: body)
            case .skipped(let type, let message, let body): element("skipped", type: type, message: message, body: body)
            }
        }
    }
}
