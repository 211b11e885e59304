import Readiness
import SourceDiagnostics
import Testing

@Suite struct ValidatorTests {
    let harness = Harness()

    struct Expected: Sendable, CustomTestStringConvertible {
        var code: String
        var line: Int
        var column: Int
        var message: String
        var testDescription: String { "\(code) at \(line):\(column)" }
    }

    static let invalid: [Expected] = [
        .init(code: "ruleset.missing-key", line: 3, column: 5, message: "rule 'V-ONE' needs 'severity'"),
        .init(code: "ruleset.unknown-key", line: 6, column: 5, message: "unknown key 'severty' in rule 'V-ONE'"),
        .init(code: "ruleset.invalid-severity", line: 12, column: 15, message: "unknown severity 'hgih'"),
        .init(code: "cel.syntax", line: 13, column: 15, message: "expected an expression"),
        .init(code: "ruleset.invalid-action", line: 14, column: 13, message: "unknown action 'stop'"),
        .init(code: "ruleset.duplicate-id", line: 15, column: 5, message: "rule id 'V-ONE' is already defined"),
        .init(code: "cel.unknown-function", line: 19, column: 13, message: "unknown function 'sizee'"),
        .init(code: "ruleset.invalid-template", line: 20, column: 15, message: "'{{' is never closed"),
        .init(code: "ruleset.out-of-range", line: 26, column: 17, message: "'likelihood' is 9"),
        .init(code: "ruleset.invalid-for-each", line: 27, column: 15, message: "'for_each' must read 'NAME in EXPRESSION'"),
        .init(code: "ruleset.check-and-outcomes", line: 29, column: 5, message: "either 'check' or 'outcomes'"),
    ]

    @Test("the validator reports every problem at once, each at file:line:column", arguments: invalid)
    func invalidRuleset(_ expected: Expected) throws {
        let diagnostics = Harness.diagnostics { _ = try harness.catalog([Paths.fixture("invalid.yaml")]) }
        let match = diagnostics.first { $0.code == expected.code && $0.span?.start.line == expected.line }
        let d = try #require(match, "no \(expected.code) at line \(expected.line) in \(diagnostics)")
        #expect(d.span?.start.column == expected.column)
        #expect(d.span?.start.file == Paths.fixture("invalid.yaml"))
        #expect(d.message.contains(expected.message), "\(d.message)")
    }

    @Test("all the problems, and nothing else, are reported")
    func count() {
        let diagnostics = Harness.diagnostics { _ = try harness.catalog([Paths.fixture("invalid.yaml")]) }
        #expect(diagnostics.count == Self.invalid.count)
    }

    @Test("unknown keys, severities and functions come with a did-you-mean")
    func suggestions() {
        let diagnostics = Harness.diagnostics { _ = try harness.catalog([Paths.fixture("invalid.yaml")]) }
        let notes = Dictionary(diagnostics.map { ($0.code, $0.notes.first?.message ?? "") }, uniquingKeysWith: { a, _ in a })
        #expect(notes["ruleset.unknown-key"] == "did you mean 'severity'?")
        #expect(notes["ruleset.invalid-severity"] == "did you mean 'high'?")
        #expect(notes["cel.unknown-function"] == "did you mean 'size'?")
    }

    @Test("extends loads the parent's rules first, and the child's params override those it lists in overrides_params")
    func extends() throws {
        let catalog = try harness.catalog([Paths.fixture("extends/child.yaml")])
        #expect(catalog.rulesets.map(\.id) == ["parent", "child"])
        #expect(catalog.rules.map(\.id) == ["X-PARENT", "X-CHILD"])
        #expect(catalog.parameters.first { $0.name == "threshold" }?.value == .int(10))
    }

    @Test("an extends cycle is an error at the entry that closes it")
    func extendsCycle() throws {
        let diagnostics = Harness.diagnostics { _ = try harness.catalog([Paths.fixture("extends/loop-a.yaml")]) }
        let d = try #require(diagnostics.first)
        #expect(d.code == "ruleset.extends-cycle")
        #expect(d.span?.start.file.hasSuffix("loop-b.yaml") == true)
        #expect(d.span?.start.line == 2)
    }

    @Test("an unknown built-in ruleset name suggests the closest one")
    func unknownBuiltin() {
        let diagnostics = Harness.diagnostics { _ = try harness.catalog(["netwrk"]) }
        #expect(diagnostics.map(\.code) == ["ruleset.not-found"])
        #expect(diagnostics.first?.notes.first?.message == "did you mean 'network'?")
    }
}
