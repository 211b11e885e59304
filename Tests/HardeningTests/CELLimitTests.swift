import CEL
import SourceDiagnostics
import StrictYAML
import Testing

/// Expressions generated at run time: deep nesting, long chains, the step budget, regexes
/// over long text, and the benchmark's 50,000-element filter, which the defaults must allow.
@Suite struct CELLimitTests {
    struct DepthCase: Sendable, CustomTestStringConvertible {
        let id: String
        let source: String
        var testDescription: String { id }
    }

    static let depthCases: [DepthCase] = [
        .init(
            id: "parentheses",
            source: String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)),
        .init(
            id: "lists",
            source: String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)),
        .init(
            id: "maps",
            source: String(repeating: "{1: ", count: 10_000) + "1" + String(repeating: "}", count: 10_000)
        ),
        .init(id: "negations", source: String(repeating: "-", count: 10_000) + "1"),
        .init(
            id: "calls",
            source: String(repeating: "size(", count: 10_000) + "big"
                + String(repeating: ")", count: 10_000)),
        .init(id: "conditionals", source: String(repeating: "true ? 1 : ", count: 9_000) + "2"),
        .init(
            id: "macros",
            source: String(repeating: "big.all(x, ", count: 8_000) + "true"
                + String(repeating: ")", count: 8_000)),
    ]

    @Test("10,000-deep expressions are syntax errors, not stack overflows", arguments: depthCases)
    func deepExpression(_ testCase: DepthCase) throws {
        let diagnostics = Hardening.diagnostics { () throws(DiagnosticError) in
            try CELEnvironment().compile(testCase.source)
        }
        #expect(
            diagnostics.contains { $0.code == "cel.syntax" && $0.message.contains("nests too deeply") },
            "\(diagnostics.prefix(2))")
    }

    static let chainCases: [DepthCase] = [
        .init(id: "additions", source: String(repeating: "1 + ", count: 10_000) + "1"),
        .init(id: "conjunctions", source: String(repeating: "true && ", count: 10_000) + "true"),
        .init(id: "member selections", source: "network" + String(repeating: ".sites", count: 10_000)),
        .init(id: "indexes", source: "big" + String(repeating: "[0]", count: 10_000)),
    ]

    /// Left-associative chains build trees as deep as they are long; they must either compile
    /// and evaluate, or be refused with a diagnostic — never overflow the stack.
    @Test("10,000-long operator chains compile and evaluate, or are refused", arguments: chainCases)
    func longChain(_ testCase: DepthCase) throws {
        let finished = Hardening.finishes(within: 60) {
            let cel = CELEnvironment()
            guard let program = try? cel.compile(testCase.source) else { return }
            _ = cel.evaluate(program, in: CELActivation(globals: Corpus.facts))
        }
        #expect(finished)
    }

    @Test("an expression over the length limit is refused")
    func tooLong() throws {
        let source = String(repeating: "1 + ", count: 30_000) + "1"
        let diagnostics = Hardening.diagnostics { () throws(DiagnosticError) in
            try CELEnvironment().compile(source)
        }
        #expect(diagnostics.first?.code == "cel.too-long")
        #expect(diagnostics.first?.span?.start.lineColumn == "1:1")
    }

    static func list(_ count: Int) -> Value {
        .list(ValueList((0..<count).map { Value.int(Int64($0)) }))
    }

    @Test("nested comprehensions run out of the step budget quickly")
    func nestedComprehensionBudget() throws {
        let cel = CELEnvironment(limits: CELLimits(maxSteps: 100_000))
        let program = try cel.compile("xs.all(a, xs.all(b, xs.all(c, a + b + c >= 0)))")
        let globals = ValueMap(keys: [.string("xs")], values: [Self.list(1_000)])
        let (result, _) = Hardening.threadTimed {
            cel.evaluate(program, in: CELActivation(globals: globals))
        }
        #expect(result.error?.kind == .costLimitExceeded)
        #expect(result.error?.message == "evaluation exceeded its budget of 100000 steps")
    }

    @Test("maps of maps in comprehensions stay within the budget")
    func growingComprehension() throws {
        let cel = CELEnvironment(limits: CELLimits(maxSteps: 200_000))
        let program = try cel.compile("xs.map(a, xs.map(b, xs.map(c, xs))).size()")
        let globals = ValueMap(keys: [.string("xs")], values: [Self.list(100)])
        let (result, _) = Hardening.threadTimed {
            cel.evaluate(program, in: CELActivation(globals: globals))
        }
        #expect(result.error?.kind == .costLimitExceeded)
    }

    @Test("the default budget filters 50,000 requirements completely, more than once")
    func fiftyThousandRequirements() throws {
        let requirements = (0..<50_000).map { i -> Value in
            .map(
                ValueMap(
                    keys: [.string("id"), .string("status"), .string("volatile")],
                    values: [.string("R\(i)"), .string(i % 3 == 0 ? "open" : "done"), .bool(i % 10 == 0)]))
        }
        let globals = ValueMap(
            keys: [.string("requirements")], values: [.list(ValueList(requirements))])
        let cel = CELEnvironment()
        let program = try cel.compile(
            "requirements.filter(r, r.status == 'open').size() + requirements.filter(r, r.volatile).size()"
                + " + (requirements.all(r, r.id != '') ? 1 : 0)")
        let result = cel.evaluate(program, in: CELActivation(globals: globals))
        #expect(result.value == .int(16_667 + 5_000 + 1))
    }

    struct RegexCase: Sendable, CustomTestStringConvertible {
        let pattern: String
        var testDescription: String { pattern }
    }

    static let regexCases: [RegexCase] = [
        .init(pattern: "^(a+)+$"), .init(pattern: "^(a|aa)*c$"), .init(pattern: "^(a*)*b$"),
        .init(pattern: "(x+x+)+y"), .init(pattern: "^(a|a?)+$"), .init(pattern: "(.*a){20}"),
    ]

    /// Patterns that take exponential time in a backtracking engine, over 100,000 characters:
    /// the linear-time matcher answers, or its step budget gives a regex timeout.
    @Test("catastrophic regexes over long text end quickly", arguments: regexCases)
    func catastrophicRegex(_ testCase: RegexCase) throws {
        let text = Value.string(String(repeating: "a", count: 100_000) + "!")
        let globals = ValueMap(
            keys: [.string("text"), .string("pattern")], values: [text, .string(testCase.pattern)])
        let cel = CELEnvironment()
        let program = try cel.compile("text.matches(pattern)")
        let (result, _) = Hardening.threadTimed {
            cel.evaluate(program, in: CELActivation(globals: globals))
        }
        switch result {
        case .value(let value): #expect(value == .bool(false) || value == .bool(true))
        case .error(let error):
            #expect(error.kind == .regexTimeout || error.kind == .invalidArgument, "\(error)")
        }
    }
}
