public import Readiness

/// Writes JUnit XML (the Jenkins/Surefire dialect of `junit-10.xsd`) for CI servers' test views.
///
/// Each category becomes a `<testsuite>` and each rule a `<testcase>`, or one per subject for a
/// `for_each` rule. A fail or warn is a `<failure>` (type `fail` or `warn`), an unknown or a rule
/// error an `<error>`, and a not-applicable or waived result `<skipped>`. Several snapshots give
/// one suite per snapshot and category. No times are written: the report never reads the clock.
public struct JUnitReporter: Reporter {
    /// Creates the reporter.
    public init() {}

    /// The whole XML document.
    public func render(_ evaluations: [Evaluation], context: ReportContext) -> String {
        let strings = ReportStrings(language: context.language)
        let isPortfolio = evaluations.count > 1
        var suites: [Suite] = []
        for evaluation in evaluations {
            let prefix = isPortfolio ? ReportPath.stem(evaluation.snapshot.file) : nil
            let file = ReportPath.relative(evaluation.snapshot.file, to: context.basePath)
            for category in evaluation.categoryOrder {
                let indices = evaluation.rules.indices.filter { evaluation.rules[$0].rule.category == category }
                guard !indices.isEmpty else { continue }
                var suite = Suite(name: prefix.map { "\($0)/\(category)" } ?? category, file: file)
                suite.properties = [
                    ("snapshot", file),
                    ("project", evaluation.projectTitle),
                    ("as_of", evaluation.asOf),
                    ("verdict", evaluation.verdict.rawValue),
                ]
                if let area = evaluation.scores.categories.first(where: { $0.name == category }) {
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
                    let results = evaluation.results(ofRule: index)
                    if results.isEmpty {
                        suite.cases.append(
                            Case(
                                classname: classname, name: "\(rule.id): \(rule.title.resolved(context.language))",
                                outcome: .skipped(type: nil, message: strings.noElements, body: nil)))
                        continue
                    }
                    for result in results {
                        suite.cases.append(
                            Case(
                                classname: classname,
                                name: Self.caseName(rule: rule, result: result, language: context.language),
                                outcome: outcome(
                                    of: result, in: evaluation, file: file, strings: strings, context: context)))
                    }
                }
                suites.append(suite)
            }
        }

        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let tests = suites.reduce(0) { $0 + $1.cases.count }
        let failures = suites.reduce(0) { $0 + $1.count(\.isFailure) }
        let errors = suites.reduce(0) { $0 + $1.count(\.isError) }
        xml += "<testsuites name=\"readiness\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\">\n"
        for suite in suites { suite.write(to: &xml) }
        xml += "</testsuites>\n"
        return xml
    }

    static func caseName(rule: Rule, result: RuleResult, language: String) -> String {
        if let subject = result.subject { return "\(rule.id): \(subject)" }
        if let index = result.index { return "\(rule.id): #\(index + 1)" }
        return "\(rule.id): \(rule.title.resolved(language))"
    }

    private func outcome(
        of result: RuleResult, in evaluation: Evaluation, file: String, strings: ReportStrings, context: ReportContext
    ) -> Case.Outcome {
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
        case .pass: return .passed
        case .fail, .warn: return .failure(type: result.status.rawValue, message: headline, body: body)
        case .unknown, .error: return .error(type: result.status.rawValue, message: headline, body: body)
        case .notApplicable: return .skipped(type: nil, message: strings.notApplicableDetail, body: nil)
        case .waived:
            var message = strings.waivedPrefix
            if let waiver = result.waiver {
                message +=
                    "\(strings.colon)\(waiver.reason) (\(strings.approvedBy) \(waiver.approvedBy), \(strings.expires) \(waiver.expires))"
            }
            return .skipped(type: "waived", message: message, body: body)
        }
    }

    /// A `<testsuite>` being assembled.
    private struct Suite {
        var name: String
        var file: String
        var properties: [(String, String)] = []
        var cases: [Case] = []

        func count(_ predicate: (Case.Outcome) -> Bool) -> Int { cases.filter { predicate($0.outcome) }.count }

        func write(to xml: inout String) {
            let skipped = count(\.isSkipped)
            xml += "  <testsuite name=\"\(name.xmlAttributeEscaped)\" tests=\"\(cases.count)\""
            xml += " failures=\"\(count(\.isFailure))\" errors=\"\(count(\.isError))\" skipped=\"\(skipped)\""
            xml += " file=\"\(file.xmlAttributeEscaped)\">\n"
            if !properties.isEmpty {
                xml += "    <properties>\n"
                for (name, value) in properties {
                    xml +=
                        "      <property name=\"\(name.xmlAttributeEscaped)\" value=\"\(value.xmlAttributeEscaped)\"/>\n"
                }
                xml += "    </properties>\n"
            }
            for testCase in cases { testCase.write(to: &xml) }
            xml += "  </testsuite>\n"
        }
    }

    /// A `<testcase>` and how it ended.
    private struct Case {
        enum Outcome {
            case passed
            case failure(type: String, message: String, body: String)
            case error(type: String, message: String, body: String)
            case skipped(type: String?, message: String, body: String?)

            var isFailure: Bool { if case .failure = self { true } else { false } }
            var isError: Bool { if case .error = self { true } else { false } }
            var isSkipped: Bool { if case .skipped = self { true } else { false } }
        }

        var classname: String
        var name: String
        var outcome: Outcome

        func write(to xml: inout String) {
            let open =
                "    <testcase classname=\"\(classname.xmlAttributeEscaped)\" name=\"\(name.xmlAttributeEscaped)\""
            func element(_ tag: String, type: String?, message: String, body: String?) {
                xml += open + ">\n      <\(tag)"
                if let type { xml += " type=\"\(type.xmlAttributeEscaped)\"" }
                xml += " message=\"\(message.xmlAttributeEscaped)\""
                if let body { xml += ">\(body.xmlEscaped)</\(tag)>\n" } else { xml += "/>\n" }
                xml += "    </testcase>\n"
            }
            switch outcome {
            case .passed: xml += open + "/>\n"
            case .failure(let type, let message, let body): element("failure", type: type, message: message, body: body)
            case .error(let type, let message, let body): element("error", type: type, message: message, body: body)
            case .skipped(let type, let message, let body): element("skipped", type: type, message: message, body: body)
            }
        }
    }
}
