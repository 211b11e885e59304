import CEL
import SourceDiagnostics
import StrictYAML
import Testing

@Suite struct ParserTests {
    struct ErrorCase: Sendable, CustomTestStringConvertible {
        var id: String
        /// The expression, with `1️⃣` (and more) where each diagnostic points.
        var source: String
        /// The message expected at each marker, in order.
        var messages: [String]
        var testDescription: String { id }
    }

    static let errorCases: [ErrorCase] = [
        .init(id: "missing operand", source: "1 +1️⃣", messages: ["expected an expression, found end of expression"]),
        .init(id: "single equals", source: "a 1️⃣= 1", messages: ["unexpected character '='; did you mean '=='?"]),
        .init(id: "single ampersand", source: "a 1️⃣& b", messages: ["unexpected character '&'; did you mean '&&'?"]),
        .init(id: "unclosed paren", source: "(1 + 21️⃣", messages: ["expected ')', found end of expression"]),
        .init(
            id: "unterminated string", source: "1️⃣'abc",
            messages: ["unterminated string literal; add the closing quote"]),
        .init(
            id: "bad escape", source: "'a1️⃣\\qb'",
            messages: ["invalid escape sequence; write '\\\\' for a backslash"]),
        .init(
            id: "int out of range", source: "1️⃣9223372036854775808",
            messages: [
                "integer literal '9223372036854775808' does not fit in int64; add a 'u' suffix for uint or write a double"
            ]),
        .init(
            id: "reserved word", source: "1️⃣if",
            messages: ["'if' is a reserved word and cannot be used as an identifier"]),
        .init(
            id: "has needs a selection", source: "has(1️⃣a)",
            messages: ["invalid argument to has(); write a field selection such as has(a.b)"]),
        .init(
            id: "macro variable", source: "[1].all(1️⃣1, true)",
            messages: ["the first argument of all() must be a simple identifier such as 'x'"]),
        .init(
            id: "macro arity", source: "[1]1️⃣.exists(x)",
            messages: ["exists() takes 2 arguments (a variable and a predicate), not 1"]),
        .init(id: "unknown function", source: "1️⃣frobnicate(1)", messages: ["unknown function 'frobnicate'"]),
        .init(id: "unknown method", source: "'a'1️⃣.frobnicate()", messages: ["unknown method 'frobnicate'"]),
        .init(
            id: "argument count", source: "'a'1️⃣.startsWith()",
            messages: ["'.startsWith' takes 1 argument, not 0"]),
        .init(
            id: "several errors are collected", source: "1 1️⃣= 2 && 3 2️⃣& 4",
            messages: [
                "unexpected character '='; did you mean '=='?",
                "unexpected character '&'; did you mean '&&'?",
            ]),
        .init(
            id: "position on a later line", source: "a &&\n  b 1️⃣= c",
            messages: ["unexpected character '='; did you mean '=='?"]),
        .init(
            id: "invalid regex constant", source: "'a'.matches(1️⃣'(')",
            messages: []),
    ]

    @Test("syntax errors have messages and positions", arguments: errorCases)
    func syntaxErrors(_ testCase: ErrorCase) throws {
        let marked = MarkedSource(testCase.source)
        let error = try #require(throws: DiagnosticError.self) {
            try CELEnvironment().compile(marked.text)
        }
        if testCase.messages.isEmpty { return }  // only that it fails
        let errors = error.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.message) == testCase.messages)
        for (diagnostic, name) in zip(errors, MarkedSource.markerNames) {
            let marker = try #require(marked.markers[name])
            #expect(diagnostic.span?.start.line == marker.line, "\(name)")
            #expect(diagnostic.span?.start.column == marker.column, "\(name)")
        }
    }

    @Test(
        "unknown functions suggest a known one",
        arguments: [
            ("'a'.startswith('a')", "did you mean '.startsWith'?"),
            ("sise([1])", "did you mean 'size'?"),
            ("contains('abc', 'a')", "'contains' is called on a value: write x.contains(…)"),
        ])
    func suggestions(_ source: String, _ note: String) throws {
        let error = try #require(throws: DiagnosticError.self) { try CELEnvironment().compile(source) }
        #expect(error.diagnostics.first?.notes.map(\.message) == [note])
    }

    @Test("a plain member chain reports its path")
    func memberPath() throws {
        let environment = CELEnvironment()
        #expect(try environment.compile("network.sites").memberPath == ["network", "sites"])
        #expect(try environment.compile("network.sites.filter(s, true)").memberPath == nil)
        #expect(try environment.compile("s.items", locals: ["s"]).memberPath == nil)
    }

    @Test("diagnostics are shifted onto the YAML scalar that holds the expression")
    func originMapping() throws {
        let origin = SourceLocation(file: "rules.yaml", line: 12, column: 18)
        let error = try #require(throws: DiagnosticError.self) {
            try CELEnvironment().compile("a &&\n  b = c", origin: origin)
        }
        let span = try #require(error.diagnostics.first?.span)
        #expect(span.start.description == "rules.yaml:13:5")
        let first = try #require(throws: DiagnosticError.self) {
            try CELEnvironment().compile("a = b", origin: origin)
        }
        #expect(first.diagnostics.first?.span?.start.description == "rules.yaml:12:20")
    }

    @Test("deep nesting is an error, not a stack overflow", arguments: ["(", "[", "{1: ", "-(", "f(", "a["])
    func deepNesting(_ opener: String) throws {
        let closer: String =
            switch opener {
            case "(", "-(", "f(": ")"
            case "[", "a[": "]"
            default: "}"
            }
        let depth = 100_000
        let source = String(repeating: opener, count: depth) + "1" + String(repeating: closer, count: depth)
        let environment = CELEnvironment(limits: CELLimits(maxExpressionLength: 10_000_000))
        let error = try #require(throws: DiagnosticError.self) { try environment.compile(source) }
        #expect(error.diagnostics.contains { $0.message.hasPrefix("expression nests too deeply") })
    }

    @Test("the deepest accepted expression evaluates on a secondary thread", arguments: ["-(", "[", "size(["])
    func deepestAccepted(_ opener: String) async throws {
        let closer = String(
            opener.reversed().map { $0 == "(" ? ")" : $0 == "[" ? "]" : $0 }.filter { $0 == ")" || $0 == "]" })
        let depth = 240 / opener.filter { $0 == "(" || $0 == "[" }.count
        let source = String(repeating: opener, count: depth) + "1" + String(repeating: closer, count: depth)
        let environment = CELEnvironment()
        let program = try environment.compile(source)
        let result = await Task.detached { environment.evaluate(program, in: CELActivation(globals: .empty)) }.value
        #expect(result.value != nil)
    }

    @Test("long flat chains do not count as nesting")
    func longChains() throws {
        let terms = Array(repeating: "x", count: 5_000)
        let program = try CELEnvironment().compile(terms.joined(separator: " || "))
        let globals = ValueMap(keys: [.string("x")], values: [.bool(false)])
        #expect(CELEnvironment().evaluate(program, in: CELActivation(globals: globals)) == .value(.bool(false)))
    }

    @Test("overlong expressions are rejected")
    func tooLong() throws {
        let environment = CELEnvironment(limits: CELLimits(maxExpressionLength: 10))
        let error = try #require(throws: DiagnosticError.self) { try environment.compile("1 + 2 + 3 + 4") }
        #expect(error.diagnostics.first?.code == "cel.too-long")
    }

    struct PathCase: Sendable, CustomTestStringConvertible {
        var source: String
        var locals: [String]
        var paths: [[String]]
        var testDescription: String { source }
    }

    @Test(
        "referenced paths are the member chains rooted at free identifiers",
        arguments: [
            PathCase(
                source: "training.completion_pct >= params.min && has(go_live.date)", locals: [],
                paths: [["training", "completion_pct"], ["params", "min"], ["go_live", "date"]]),
            PathCase(
                source: "network.sites.all(s, s.latency_ms < 50) && site.name != ''", locals: ["site"],
                paths: [["network", "sites"]]),
            PathCase(source: "a.b.c + a.b.c", locals: [], paths: [["a", "b", "c"]]),
        ])
    func referencedPaths(_ testCase: PathCase) throws {
        let program = try CELEnvironment().compile(testCase.source, locals: testCase.locals)
        #expect(program.referencedPaths == testCase.paths)
    }
}
