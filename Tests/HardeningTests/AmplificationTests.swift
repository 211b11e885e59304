import Foundation
import SourceDiagnostics
import StrictYAML
import Testing

@testable import Readiness

/// Results stay proportional to the findings, not to the input they repeat: a message, a subject
/// or an affected item that names one long text a hundred thousand times (ten gigabytes, built
/// in a few hundred thousand steps) is rendered to its bound, and an error about a long text
/// quotes an excerpt of it.
@Suite struct AmplificationTests {
    /// Each rule's text repeats `names.long` (100 KB) once per character of it.
    static let ruleset = """
        ruleset: amplify
        rules:
          - id: AMP-MESSAGE
            title: a message listing a long name 100,000 times
            category: amplify
            severity: low
            action: mitigate
            check: 'false'
            message: 'names: {{ names.long.split("").map(c, names.long) }}'
          - id: AMP-SUBJECT
            title: a subject listing a long name 100,000 times
            category: amplify
            severity: low
            action: mitigate
            for_each: n in [1, 2]
            subject: names.long.split('').map(c, names.long)
            check: 'false'
          - id: AMP-AFFECTS
            title: one long site named 100,000 times
            category: amplify
            severity: high
            action: defer
            affects: {sites: "names.long.split('').map(c, names.long)"}
            check: 'false'
          - id: AMP-AFFECTS-MANY
            title: forty sites, each named twice
            category: amplify
            severity: high
            action: defer
            affects: {sites: "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40].map(i, string(i)) + [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40].map(i, string(i))"}
            check: 'false'
          - id: AMP-ERROR
            title: an error about a long text
            category: amplify
            severity: low
            action: mitigate
            check: int(names.long) > 0
        """

    static let snapshot = "project: {as_of: '2027-01-01'}\nnames: {long: \(String(repeating: "x", count: 100_000))}\n"

    /// The result of each rule, by id.
    static func evaluate() throws(DiagnosticError) -> [String: RuleResult] {
        let catalog = try RulesetLoader().load(text: ruleset, file: "amplify.yaml")
        let loaded = try SnapshotLoader().load(bytes: Array(snapshot.utf8), file: "snapshot.yaml")
        var byRule: [String: RuleResult] = [:]
        for result in try Engine().evaluate(catalog, against: loaded).evaluation.results {
            byRule[catalog.rules[result.ruleIndex].id] = result
        }
        return byRule
    }

    @Test("messages, subjects, affected items and error messages are bounded, not repeated")
    func boundedTexts() throws {
        let outcome = Hardening.result(within: 120) { () -> Result<[String: RuleResult], DiagnosticError> in
            Result { () throws(DiagnosticError) in try Self.evaluate() }
        }
        let results = try #require(try outcome?.get(), "the evaluation did not end within two minutes")
        let message = try #require(results["AMP-MESSAGE"]?.message)
        #expect(message.count < 1_100)
        #expect(message.hasPrefix("names: xxx"))
        #expect(message.hasSuffix("more bytes)"))
        let subject = try #require(results["AMP-SUBJECT"]?.subject)
        #expect(subject.count < 1_100)
        let affected = try #require(results["AMP-AFFECTS"]?.affected)
        #expect(affected.count == 1)
        #expect(affected.allSatisfy { $0.kind == "sites" && $0.item.count < 1_100 })
        let many = try #require(results["AMP-AFFECTS-MANY"]?.affected)
        #expect(many.map(\.item) == (1...40).map(String.init))
        let error = try #require(results["AMP-ERROR"]?.errorMessage)
        #expect(error.count < 300)
        #expect(error.contains("cannot convert 'xxx"))
    }

    @Test("a long text is cut in time proportional to the bound, with the bytes left counted")
    func cutText() {
        let long = String(repeating: "é", count: 3_000_000)
        let cut = Messages.bounded(long)
        #expect(cut == String(repeating: "é", count: 1_000) + "… (5998000 more bytes)")
        #expect(Messages.bounded("short") == "short")
        #expect(Messages.bounded(String(repeating: "字", count: 1_000)) == String(repeating: "字", count: 1_000))
    }

    @Test("a value renders to at most its limit, whatever it repeats")
    func boundedRendering() {
        let long = Value.string(String(repeating: "y", count: 1_000_000))
        let repeated = Value.list(ValueList(Array(repeating: long, count: 100_000)))
        #expect(Messages.text(of: repeated).utf8.count <= Messages.renderLimit + 2)
        let map = Value.map(ValueMap(keys: [.string("k")], values: [repeated]))
        #expect(Messages.text(of: map).utf8.count <= Messages.renderLimit + 8)
        #expect(Messages.text(of: .list(ValueList([.int(1), .string("a"), .double(2)]))) == "1, a, 2")
        #expect(map.description(limit: 50).hasPrefix("{\"k\": [\"yyy"))
    }
}
