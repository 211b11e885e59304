import Foundation
import Readiness
import SourceDiagnostics
import Testing

@testable import Reporting

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Properties every report must have, checked on the hand-built fixture and the examples.
@Suite struct ReportPropertyTests {
    let context = ReportContext.golden(language: "en", basePath: ".")

    @Test("SARIF fingerprints do not depend on line numbers and tell findings apart")
    func fingerprints() throws {
        let evaluation = EvaluationFixture.make()
        var moved = evaluation
        moved.results = moved.results.map { result in
            var result = result
            result.location = result.location.map {
                SourceLocation(file: $0.file, line: $0.line + 7, column: $0.column + 2)
            }
            return result
        }
        let before = try fingerprints(of: SARIFReporter().render([evaluation], context: context))
        let after = try fingerprints(of: SARIFReporter().render([moved], context: context))
        #expect(before == after)
        #expect(Set(before).count == before.count)
        #expect(before.count == evaluation.findings.count)
    }

    private func fingerprints(of sarif: String) throws -> [String] {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        let runs = try #require(json["runs"] as? [[String: Any]])
        let results = try #require(runs.first?["results"] as? [[String: Any]])
        return results.compactMap { ($0["partialFingerprints"] as? [String: String])?[SARIFReporter.fingerprintKey] }
    }

    @Test("SARIF maps severities to levels and suppresses waived findings")
    func sarifLevels() throws {
        let sarif = try SARIFReporter().render([EvaluationFixture.make()], context: context)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        let run = try #require((json["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        let byRule = Dictionary(grouping: results) { $0["ruleId"] as? String ?? "" }
        #expect(byRule["NET-WAN-PER-USER"]?.first?["level"] as? String == "error")  // high, fail
        #expect(byRule["DATA-OWNER"]?.first?["level"] as? String == "note")  // low, fail
        #expect(byRule["DATA-RESTORE-TESTED"]?.first?["level"] as? String == "warning")  // critical, unknown, not strict
        #expect(byRule["GOV-CHECK-BROKEN"]?.first?["level"] as? String == "error")  // rule error
        let waived = try #require(byRule["NET-OFFLINE"]?.first { ($0["suppressions"] as? [[String: Any]]) != nil })
        let suppression = try #require((waived["suppressions"] as? [[String: Any]])?.first)
        #expect(suppression["kind"] as? String == "external")
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
        }
    }

    @Test(
        "the level of a finding",
        arguments: [
            (ResultStatus.fail, Severity.critical, false, ReportLevel.error),
            (.fail, .medium, false, .warning),
            (.fail, .info, false, .note),
            (.warn, .critical, false, .warning),
            (.warn, .low, false, .note),
            (.unknown, .high, false, .warning),
            (.unknown, .high, true, .error),
            (.error, .info, false, .error),
        ])
    func level(status: ResultStatus, severity: Severity, isStrict: Bool, expected: ReportLevel) {
        #expect(ReportLevel(status: status, severity: severity, isStrict: isStrict) == expected)
    }

    @Test("Markdown tables keep their column count whatever the text holds")
    func markdownTables() throws {
        for language in ["en", "zh"] {
            let context = ReportContext.golden(language: language, basePath: ".")
            let markdown = MarkdownReporter().render(
                [EvaluationFixture.make(language: language), EvaluationFixture.makeClean()], context: context)
            var columns: Int?
            var tables = 0
            for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
                guard line.hasPrefix("|") else {
                    columns = nil
                    continue
                }
                let cells = Self.unescapedPipes(in: line) - 1
                if let columns {
                    #expect(cells == columns, "\(line)")
                } else {
                    columns = cells
                    tables += 1
                }
            }
            #expect(tables >= 10)
        }
    }

    private static func unescapedPipes(in line: Substring) -> Int {
        var count = 0
        var escaped = false
        for character in line {
            if escaped {
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                count += 1
            }
        }
        return count
    }

    @Test("the HTML report is self-contained and escapes its input")
    func htmlIsSelfContained() {
        for language in ["en", "zh"] {
            let context = ReportContext.golden(language: language, basePath: ".")
            let html = HTMLReporter().render(
                [EvaluationFixture.make(language: language), EvaluationFixture.makeClean()], context: context)
            for forbidden in ["<script", "<link", "<img", "<iframe", "@import", "url(http", "src=", "@font-face"] {
                #expect(!html.contains(forbidden), "\(forbidden)")
            }
            #expect(!html.contains("<CRM>"))
            #expect(!html.contains("<Lake Dune>"))
            #expect(
                html.contains("Acme &lt;CRM&gt; | &quot;North&quot; &amp; Co")
                    || html.contains("Acme &lt;CRM&gt; | \"North\" &amp; Co"))
            #expect(html.components(separatedBy: "<svg").count == html.components(separatedBy: "</svg>").count)
            #expect(html.contains("@media print"))
            #expect(html.contains("Noto Sans CJK SC"))
        }
    }

    @Test("JUnit XML is well-formed and its counts match its test cases")
    func junitCounts() throws {
        #if canImport(FoundationXML) || os(macOS)
            for evaluations in [[EvaluationFixture.make()], [EvaluationFixture.make(), EvaluationFixture.makeClean()]] {
                let xml = try JUnitReporter().render(evaluations, context: context)
                let counter = JUnitCounter()
                let parser = XMLParser(data: Data(xml.utf8))
                parser.delegate = counter
                #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
                #expect(counter.declared["tests"] == counter.testcases)
                #expect(counter.declared["failures"] == counter.failures)
                #expect(counter.declared["errors"] == counter.errors)
                #expect(counter.testcases == evaluations.reduce(0) { $0 + $1.results.count })
                #expect(counter.suiteSkipped == counter.skipped)
            }
        #endif
    }

    @Test("GitHub annotations: one command per open finding and per expired or unused waiver, then one summary per snapshot")
    func githubLines() {
        let evaluations = [EvaluationFixture.make(), EvaluationFixture.makeClean()]
        let output = GitHubReporter().render(evaluations, context: context)
        let lines = output.split(separator: "\n")
        let annotated = evaluations.reduce(0) { $0 + $1.findings.filter { $0.status != .waived }.count }
        let waivers = evaluations.reduce(0) { $0 + $1.waivers.expired.count + $1.waivers.unused.count }
        #expect(lines.count == annotated + waivers + evaluations.count)
        #expect(
            lines.allSatisfy { $0.hasPrefix("::error ") || $0.hasPrefix("::warning ") || $0.hasPrefix("::notice ") })
        #expect(lines.suffix(2).allSatisfy { $0.hasPrefix("::notice file=") && $0.contains("title=Verdict%3A ") })
        #expect(!output.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    @Test("every report is the same each time and follows the argument order")
    func deterministic() throws {
        let evaluations = [EvaluationFixture.make(), EvaluationFixture.makeClean()]
        for format in [ReportFormat.sarif, .junit, .github, .markdown, .html] {
            let reporter = format.makeReporter()
            let first = try reporter.render(evaluations, context: context)
            #expect(try first == reporter.render(evaluations, context: context))
            if format != .github {
                let reversed = try reporter.render(evaluations.reversed(), context: context)
                #expect(first != reversed, "\(format)")
            }
        }
    }
}

#if canImport(FoundationXML) || os(macOS)
    /// Counts the elements and attributes of a JUnit document.
    final class JUnitCounter: NSObject, XMLParserDelegate {
        var declared: [String: Int] = [:]
        var testcases = 0
        var failures = 0
        var errors = 0
        var skipped = 0
        var suiteSkipped = 0

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            switch name {
            case "testsuites":
                for key in ["tests", "failures", "errors"] { declared[key] = attributes[key].flatMap { Int($0) } }
            case "testsuite": suiteSkipped += attributes["skipped"].flatMap { Int($0) } ?? 0
            case "testcase": testcases += 1
            case "failure": failures += 1
            case "error": errors += 1
            case "skipped": skipped += 1
            default: break
            }
        }
    }
#endif
