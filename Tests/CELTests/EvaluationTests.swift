import CEL
import Foundation
import SourceDiagnostics
import StrictYAML
import Testing

/// A snapshot-like value for the tests: `network.sites` has three sites, the second without latency.
private let snapshot: ValueMap = {
    func site(_ name: String, _ latency: Int64?) -> Value {
        var pairs: [(Value, Value)] = [(.string("name"), .string(name))]
        if let latency { pairs.append((.string("latency_ms"), .int(latency))) }
        return .map(pairs)
    }
    let network = Value.map([
        (.string("sites"), .list([site("oslo", 12), site("lima", nil), site("pune", 40)]))
    ])
    let training = Value.map([(.string("completion_pct"), .double(85))])
    return ValueMap(keys: [.string("network"), .string("training")], values: [network, training])
}()

private func evaluate(_ source: String, locals: [String] = [], values: [Value] = [])
    throws -> CELResult
{
    let environment = CELEnvironment()
    let program = try environment.compile(source, locals: locals)
    return environment.evaluate(program, in: CELActivation(globals: snapshot, locals: values))
}

@Suite struct EvaluationTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var source: String
        var expected: String
        var testDescription: String { source }
        init(_ source: String, _ expected: String) {
            self.source = source
            self.expected = expected
        }
    }

    /// Expected results as CEL source, or `error:<kind>` for an error.
    static func render(_ result: CELResult) -> String {
        switch result {
        case .value(let v): return v.celSource
        case .error(let e):
            switch e.kind {
            case .missingFact(let path): return "missing:\(path)"
            default: return "error:\(e.kind)"
            }
        }
    }

    @Test(
        "&&, || and the macros absorb errors as CEL specifies",
        arguments: [
            Case("training.missing > 1 && false", "false"),
            Case("false && training.missing > 1", "false"),
            Case("training.missing > 1 && true", "missing:training.missing"),
            Case("training.missing > 1 || true", "true"),
            Case("true || 1 / 0 == 1", "true"),
            Case("1 / 0 == 1 || false", "error:divisionByZero"),
            Case("'a' && false", "false"),
            Case("'a' || false", "error:noMatchingOverload"),
            Case("[1, 0].all(x, 1 / x > 5)", "false"),
            Case("[0, 1].exists(x, 1 / x == 1)", "true"),
            Case("[0, 2].exists(x, 1 / x == 1)", "error:divisionByZero"),
            Case("[0, 1].exists_one(x, 1 / x == 1)", "error:divisionByZero"),
            Case("network.sites.all(s, s.latency_ms < 100)", "missing:network.sites[1].latency_ms"),
            Case("network.sites.exists(s, s.latency_ms > 30)", "true"),
            Case("true ? 1 : 1 / 0", "1"),
        ])
    func absorption(_ testCase: Case) throws {
        #expect(Self.render(try evaluate(testCase.source)) == testCase.expected)
    }

    @Test(
        "integer overflow and division by zero are errors",
        arguments: [
            Case("9223372036854775807 + 1", "error:overflow"),
            Case("-9223372036854775808 - 1", "error:overflow"),
            Case("-(-9223372036854775808)", "error:overflow"),
            Case("4611686018427387904 * 2", "error:overflow"),
            Case("-9223372036854775808 / -1", "error:overflow"),
            Case("-9223372036854775808 % -1", "error:overflow"),
            Case("0u - 1u", "error:overflow"),
            Case("18446744073709551615u + 1u", "error:overflow"),
            Case("1 / 0", "error:divisionByZero"),
            Case("1 % 0", "error:moduloByZero"),
            Case("1u / 0u", "error:divisionByZero"),
            Case("1.0 / 0.0", "double(\"Infinity\")"),
            Case("int(1e19)", "error:outOfRange"),
            Case("uint(-1)", "error:outOfRange"),
            Case("duration('200000000000s') + duration('200000000000s')", "error:outOfRange"),
            Case("timestamp('9999-12-31T23:59:59Z') + duration('1s')", "error:outOfRange"),
            Case("1 + 1u", "error:noMatchingOverload"),
        ])
    func arithmeticErrors(_ testCase: Case) throws {
        #expect(Self.render(try evaluate(testCase.source)) == testCase.expected)
    }

    @Test(
        "a missing key is a missing fact named from the snapshot's root",
        arguments: [
            Case("training.completion_pct >= 80", "true"),
            Case("training.hours > 3", "missing:training.hours"),
            Case("budget.total > 3", "missing:budget"),
            Case("network.sites[1].latency_ms < 5", "missing:network.sites[1].latency_ms"),
            Case("network.sites[1]['latency_ms'] < 5", "missing:network.sites[1][\"latency_ms\"]"),
            Case("has(network.sites[1].latency_ms)", "false"),
            Case("network.sites[1].?latency_ms.orValue(0)", "0"),
            Case("network.sites[0].?latency_ms.orValue(0)", "12"),
            Case("network.?vpn.?name.hasValue()", "false"),
            Case("network.sites[?7].hasValue()", "false"),
            Case("network.sites[7]", "error:indexOutOfBounds"),
            Case("network.sites.map(s, s.name)", "[\"oslo\", \"lima\", \"pune\"]"),
            Case("network.sites.filter(s, has(s.latency_ms)).map(s, s.latency_ms)", "[12, 40]"),
        ])
    func missingFacts(_ testCase: Case) throws {
        #expect(Self.render(try evaluate(testCase.source)) == testCase.expected)
    }

    @Test("a missing fact below a local is named from the local (the engine rebases it onto the element's path)")
    func localPaths() throws {
        let sites = try #require(snapshot["network"]?.mapValue?["sites"]?.listValue)
        let plain = try evaluate("site.latency_ms < 50", locals: ["site"], values: [sites.elements[1]])
        #expect(plain.error?.missingFactPath == "site.latency_ms")
        let fine = try evaluate("site.latency_ms < 50", locals: ["site"], values: [sites.elements[0]])
        #expect(fine == .value(.bool(true)))
        let extra = try evaluate(
            "[1, 2].exists(x, x == n)", locals: ["n"], values: [.int(2), .int(9), .int(9)])
        #expect(extra == .value(.bool(true)))
    }

    @Test("a missing fact carries the position of the map that lacks the key")
    func containerPosition() throws {
        let site = ValueMap(
            keys: [.string("name")], values: [.string("lima")], position: SourcePosition(line: 41, column: 5))
        let globals = ValueMap(keys: [.string("site")], values: [.map(site)])
        let environment = CELEnvironment()
        let result = environment.evaluate(
            try environment.compile("site.latency_ms"), in: CELActivation(globals: globals))
        #expect(result.error?.containerPosition == SourcePosition(line: 41, column: 5))
    }

    @Test("evaluation errors point at the failing operator, through the origin")
    func errorLocation() throws {
        let environment = CELEnvironment()
        let origin = SourceLocation(file: "rules.yaml", line: 12, column: 18)
        let program = try environment.compile("1 + 2 / 0", origin: origin)
        let error = try #require(environment.evaluate(program, in: CELActivation(globals: .empty)).error)
        #expect(error.position == SourcePosition(line: 1, column: 7))
        #expect(error.location?.description == "rules.yaml:12:24")
    }

    @Test("the step budget stops runaway evaluation")
    func costLimit() throws {
        let environment = CELEnvironment(limits: CELLimits(maxSteps: 10_000))
        let program = try environment.compile(
            "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].all(a, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].all(b, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].all(c, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].all(d, a + b + c + d > 0))))"
        )
        let result = environment.evaluate(program, in: CELActivation(globals: .empty))
        #expect(result.error?.kind == .costLimitExceeded)
        let absorbed = try environment.compile(
            "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].all(a, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].all(b, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].all(c, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].all(d, a + b + c + d > 0)))) && false"
        )
        #expect(environment.evaluate(absorbed, in: CELActivation(globals: .empty)).error?.kind == .costLimitExceeded)
    }

    struct BudgetCase: Sendable, CustomTestStringConvertible {
        var id: String
        /// The expression, with `1️⃣` before the node that spends the step over the budget.
        var source: String
        var maxSteps: Int
        var testDescription: String { id }
    }

    static let budgetCases: [BudgetCase] = [
        .init(id: "an operator", source: "1 + 2 1️⃣+ 3", maxSteps: 1),
        .init(id: "a comprehension's iteration", source: "[1, 2, 3]1️⃣.map(x, x)", maxSteps: 2),
        .init(id: "an inner comprehension", source: "[1, 2].all(a, [1, 2, 3]1️⃣.exists(b, b > 5))", maxSteps: 5),
        .init(id: "a call inside a predicate", source: "[1, 2].exists(a, 1️⃣size('ab') > 2)", maxSteps: 1),
        .init(id: "through && and ||", source: "false || ([1]1️⃣.all(a, a > 0) && true)", maxSteps: 0),
        .init(id: "a later line", source: "[1, 2].map(a,\n  a 1️⃣* 2)", maxSteps: 1),
    ]

    @Test("running out of budget points at the node that spent the last step", arguments: budgetCases)
    func costLimitPosition(_ testCase: BudgetCase) throws {
        let marked = MarkedSource(testCase.source)
        let marker = try #require(marked.markers["1️⃣"])
        let environment = CELEnvironment(limits: CELLimits(maxSteps: testCase.maxSteps))
        let origin = SourceLocation(file: "rules.yaml", line: 12, column: 18)
        let program = try environment.compile(marked.text, origin: origin)
        let error = try #require(environment.evaluate(program, in: CELActivation(globals: .empty)).error)
        #expect(error.kind == .costLimitExceeded)
        #expect(error.message == "evaluation exceeded its budget of \(testCase.maxSteps) steps")
        #expect(error.position == SourcePosition(line: marker.line, column: marker.column))
        #expect(error.location?.file == "rules.yaml")
        #expect(error.location?.line == 11 + marker.line)
    }

    @Test("the default budget filters and maps a 50,000-element list")
    func largeList() throws {
        let items = (0..<50_000).map { Value.map([(.string("n"), .int(Int64($0)))]) }
        let globals = ValueMap(keys: [.string("items")], values: [.list(items)])
        let environment = CELEnvironment()
        let program = try environment.compile(
            "items.filter(i, i.n % 2 == 0).map(i, i.n * 2).size() == 25000 && items.all(i, i.n >= 0)")
        #expect(environment.evaluate(program, in: CELActivation(globals: globals)) == .value(.bool(true)))
    }

    @Test("matches is bounded on a catastrophic backtracking pattern")
    func regexBound() throws {
        let subject = String(repeating: "a", count: 5_000) + "b"
        let globals = ValueMap(keys: [.string("s")], values: [.string(subject)])
        let environment = CELEnvironment()
        for source in ["s.matches('(a+)+$')", "s.matches('^(a|aa)+$')", "matches(s, '(a*)*c')"] {
            // The bound is the regex step budget, not the clock: a timed assertion would fail on a
            // loaded machine (speed belongs in readiness-bench).
            let result = environment.evaluate(try environment.compile(source), in: CELActivation(globals: globals))
            switch result {
            case .value(let v): #expect(v == .bool(false), "\(source)")
            case .error(let e): #expect(e.kind == .regexTimeout, "\(source)")
            }
        }
    }

    @Test("a dynamic invalid pattern is an evaluation error; a constant one a compile error")
    func invalidPatterns() throws {
        let globals = ValueMap(keys: [.string("p")], values: [.string("(")])
        let environment = CELEnvironment()
        let result = environment.evaluate(
            try environment.compile("'a'.matches(p)"), in: CELActivation(globals: globals))
        #expect(result.error?.kind == .invalidArgument)
        #expect(throws: DiagnosticError.self) { try environment.compile("'a'.matches('(')") }
    }

    @Test("dotted bindings bind qualified names, longest prefix first")
    func qualifiedBindings() throws {
        let environment = CELEnvironment()
        var activation = CELActivation(globals: .empty)
        activation.bind("a.b", to: .map([(.string("c"), .int(1))]))
        activation.bind("x.y.z", to: .int(2))
        #expect(environment.evaluate(try environment.compile("a.b.c + x.y.z"), in: activation) == .value(.int(3)))
    }

    @Test(
        "the standard library",
        arguments: [
            Case("size('héllo') + size(b'ab') + size([1]) + {'a': 1}.size()", "9"),
            Case("'Hello'.lowerAscii() + 'é'.upperAscii()", "\"helloé\""),
            Case("'a,b,,c'.split(',')", "[\"a\", \"b\", \"\", \"c\"]"),
            Case("'a,b,c'.split(',', 2)", "[\"a\", \"b,c\"]"),
            Case("['a', 'b'].join('-') + ['c'].join()", "\"a-bc\""),
            Case("'banana'.replace('a', 'o') + 'banana'.replace('a', 'o', 1)", "\"bononobonana\""),
            Case("'  x \\t'.trim()", "\"x\""),
            Case("'héllo'.indexOf('l') + 'héllo'.lastIndexOf('l') + 'abc'.indexOf('z')", "4"),
            Case("'héllo'.substring(1, 3) + 'héllo'.substring(4) + 'abc'.charAt(1)", "\"élob\""),
            Case("'abc'.substring(2, 1)", "error:invalidArgument"),
            Case("math.least(3, 1u, 2.5) == 1u && math.greatest([1, 7, 3]) == 7", "true"),
            Case("timestamp('2009-02-13T23:31:30Z').getHours('+05:30')", "5"),
            Case("timestamp('2009-02-13T23:31:30Z').getDayOfWeek('Asia/Tokyo')", "6"),
            Case("timestamp('2026-03-01T00:00:00Z') - timestamp('2026-02-01T00:00:00Z')", "duration(\"2419200s\")"),
            Case("duration('1h30m').getMinutes()", "90"),
            Case("string(duration('-1.5s'))", "\"-1.5s\""),
            Case("optional.none().orValue(3) + optional.of(1).value()", "4"),
            Case("optional.ofNonZeroValue('').hasValue()", "false"),
            Case("[1, ?optional.none(), ?optional.of(2)]", "[1, 2]"),
            Case("{'a': 1, ?'b': optional.none()}", "{\"a\": 1}"),
            Case("1 in [1.0] && 2u in {2: 'x'} && !('z' in ['a'])", "true"),
            Case("type(1u) == uint && type(type) == type", "true"),
            Case("dyn([1, 'a']).size()", "2"),
            Case("string(1.5e300) + ' ' + string(0.0001)", "\"1.5e+300 0.0001\""),
        ])
    func library(_ testCase: Case) throws {
        #expect(Self.render(try evaluate(testCase.source)) == testCase.expected)
    }

    @Test("printed values evaluate back to the same value and type")
    func celSourceRoundTrip() throws {
        let values: [Value] = [
            .null, .bool(true), .int(-9_223_372_036_854_775_808), .uint(18_446_744_073_709_551_615),
            .double(1), .double(1e100), .double(-0.0), .double(.nan), .double(-.infinity),
            .double(.leastNonzeroMagnitude),
            .string("tab\t\"quote\" \\ nul\u{0} é 🐱 \u{2028}"), .bytes([0, 0xFF, 0x22, 0x41]),
            .list([.int(1), .string("a")]), .map([(.string("k"), .uint(2)), (.int(3), .list([]))]),
            .timestamp(Timestamp(seconds: 1_767_225_600, nanos: 500_000_000)),
            .duration(Duration(seconds: -1, nanos: -500_000_000)), .type(.int), .type(.timestamp),
            .optional(OptionalValue(.int(1))), .optional(.none),
        ]
        let environment = CELEnvironment()
        for value in values {
            let result = try environment.evaluate(value.celSource, in: CELActivation(globals: .empty))
            let back = try #require(result.value, "\(value.celSource)")
            #expect(back.type == value.type, "\(value.celSource)")
            #expect(back.celSource == value.celSource)
        }
    }

    @Test("one program evaluates concurrently with separate activations")
    func concurrency() async throws {
        let environment = CELEnvironment()
        let program = try environment.compile("items.filter(i, i % n == 0).size()", locals: ["n"])
        let globals = ValueMap(keys: [.string("items")], values: [.list((1...1000).map { Value.int(Int64($0)) })])
        let results = await withTaskGroup(of: (Int64, CELResult).self) { group in
            for n in Int64(1)...16 {
                group.addTask {
                    (n, environment.evaluate(program, in: CELActivation(globals: globals, locals: [.int(n)])))
                }
            }
            var all: [(Int64, CELResult)] = []
            for await r in group { all.append(r) }
            return all
        }
        for (n, result) in results {
            #expect(result == .value(.int(1000 / n)))
        }
    }
}
