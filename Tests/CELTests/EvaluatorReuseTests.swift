import CEL
import StrictYAML
import Testing

/// `CELEvaluator` reuses one frame for many evaluations: every result must be the one a fresh
/// evaluation gives.
@Suite struct EvaluatorReuseTests {
    static let globals = ValueMap(
        keys: [.string("params")],
        values: [.map(ValueMap(keys: [.string("min")], values: [.int(16)]))])

    static let servers: [Value] = [
        .map(ValueMap(keys: [.string("ram"), .string("tags")], values: [.int(32), .list([.string("db"), .string("eu")])])),
        .map(ValueMap(keys: [.string("ram")], values: [.int(8)])),
        .string("not a map"),
        .map(ValueMap(keys: [.string("ram"), .string("tags")], values: [.int(16), .list([])])),
    ]

    @Test(
        "a reused evaluator gives what a fresh evaluation gives, element after element",
        arguments: [
            "s.ram >= params.min",
            "s.tags.exists(t, t == 'eu')",
            "s.tags.map(t, [t, t].filter(u, u.size() > 1)).size()",
            "s.ram / (s.ram - 16)",
            "s.missing",
        ])
    func sameAsFresh(source: String) throws {
        let cel = CELEnvironment()
        let program = try cel.compile(source, locals: ["s"])
        // A program with fewer slots first, so the evaluator has to grow for the nested macros.
        let small = try cel.compile("s == null", locals: ["s"])
        let evaluator = CELEvaluator(cel, activation: CELActivation(globals: Self.globals, locals: [.null]))
        for server in Self.servers {
            evaluator.setLocal(0, to: server)
            _ = evaluator.evaluate(small)
            let reused = evaluator.evaluate(program)
            let fresh = cel.evaluate(program, in: CELActivation(globals: Self.globals, locals: [server]))
            #expect(String(describing: reused) == String(describing: fresh), "\(source) on \(server)")
        }
    }

    @Test("the step budget starts whole for every evaluation")
    func budgetPerEvaluation() throws {
        // 3 elements × a few steps each: within a budget of 50 once, not 20 times over.
        let cel = CELEnvironment(limits: CELLimits(maxSteps: 50))
        let program = try cel.compile("[1, 2, 3].all(x, x > 0)", locals: ["s"])
        let evaluator = CELEvaluator(cel, activation: CELActivation(globals: Self.globals, locals: [.null]))
        for _ in 0..<20 {
            guard case .value(.bool(true)) = evaluator.evaluate(program) else {
                Issue.record("the budget carried over between evaluations")
                return
            }
        }
    }
}
