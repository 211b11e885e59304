import Readiness
import SourceDiagnostics
import Testing

/// Rule expressions are type-checked at load time against the snapshot schema and the declared
/// params, and reported at the expression's file:line:column.
@Suite struct TypeCheckTests {
    let loader = RulesetLoader()

    func problems(_ fixture: String) -> [Diagnostic] {
        Harness.diagnostics { _ = try loader.load([Paths.fixture(fixture)]) }
    }

    struct Expected: Sendable, CustomTestStringConvertible {
        var line: Int
        var column: Int
        var code: String
        var message: String
        var note: String?
        var testDescription: String { "\(line):\(column) \(message)" }
    }

    static let expected: [Expected] = [
        .init(line: 12, column: 32, code: "cel.unknown-field",
              message: "parameter 'big_site_user' is not declared by the ruleset (params:)", note: "did you mean 'big_site_users'?"),
        .init(line: 19, column: 17, code: "cel.unknown-field",
              message: "unknown fact 'site.wan_mpbs': the snapshot schema has no such field (declare custom facts in facts:)",
              note: "did you mean 'wan_mbps'?"),
        .init(line: 25, column: 32, code: "cel.type-mismatch",
              message: "cannot compare int with string; convert one side (int(), double(), string(), timestamp())", note: nil),
        .init(line: 32, column: 28, code: "cel.integer-division",
              message: "integer division: both sides are whole numbers, so the quotient is truncated; write double(a) / double(b)", note: nil),
        .init(line: 39, column: 26, code: "cel.type-mismatch",
              message: "'*' on a number that may be whole or decimal; convert it with double() first", note: nil),
    ]

    @Test("each type error is reported at its place in the ruleset", arguments: expected)
    func reported(_ e: Expected) throws {
        let found = problems("typed/type-errors.yaml")
        let diagnostic = try #require(found.first { $0.message == e.message }, "not among: \(found.map(\.description))")
        #expect(diagnostic.code == e.code)
        #expect(diagnostic.span?.start.file == Paths.fixture("typed/type-errors.yaml"))
        #expect(diagnostic.span?.start.line == e.line)
        #expect(diagnostic.span?.start.column == e.column)
        #expect(diagnostic.notes.first?.message == e.note)
    }

    @Test("all of them at once, and nothing else")
    func allAtOnce() {
        #expect(problems("typed/type-errors.yaml").count == Self.expected.count)
    }

    @Test("every built-in ruleset type-checks clean")
    func builtinsClean() throws {
        let (_, warnings) = try loader.load([])
        #expect(warnings.filter { $0.code.hasPrefix("cel.") }.isEmpty)
    }

    @Test("declared custom facts are typed; reading them type-checks")
    func customFactsTypeCheck() throws {
        _ = try loader.load([Paths.fixture("typed/custom-facts.yaml")])
    }
}
