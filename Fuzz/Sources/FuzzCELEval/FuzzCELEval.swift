import CEL
import SourceDiagnostics
import StrictYAML

/// The fixed facts every fuzzed expression is evaluated over: a small snapshot with the shapes
/// the built-in rulesets read (maps, lists of maps, numbers, strings, dates, nulls).
let facts: ValueMap = {
    let text = """
        project: {name: Fuzz, as_of: '2027-05-17', go_live: '2027-06-07', system: erp, named_users: 120}
        params: {min_ram_gb: 16, max_latency_ms: 150, max_share: 0.1, roles: [pm, ba, dev]}
        environment:
          servers:
            - {name: app1, role: app, ram_gb: 32, os: rhel9, disk_free_gb: 250, antivirus: '', av_exclusions: false}
            - {name: db1, role: db, ram_gb: 8, os: win2012, disk_free_gb: 40, clustered: null}
          terminals: [{site: HQ, count: 20, compliant: 18}]
        network:
          sites:
            - {name: HQ, users: 80, wan_mbps: 100, latency_ms: 20}
            - {name: Mine, users: 40, wan_mbps: 4.5, latency_ms: 400, vpn: true}
        requirements: [{id: R1, status: open, volatile: true, weeks: 3}, {id: R2, status: done, volatile: false}]
        big: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]
        text: "héllo wörld 你好"
        bytes_ok: !!str 'AAAA'
        n: 9223372036854775807
        neg: -9223372036854775808
        f: 1.5e300
        nothing: null
        """
    do {
        let document = try YAMLLoader().load(text, file: "snapshot.yaml")
        guard case .map(let map) = document.root else {
            fatalError("the fixed snapshot is not a mapping")
        }
        return map
    } catch {
        fatalError("the fixed snapshot does not load: \(error)")
    }
}()

/// A tighter step budget than the default keeps each run short; the budget's own enforcement
/// is what is under test, not its size.
let environment = CELEnvironment(limits: CELLimits(maxSteps: 200_000))

/// The run budget each input's repeated evaluations share: one and a half per-expression budgets.
let runLimit = environment.limits.maxSteps * 3 / 2

/// Compiles the input as a CEL expression with `site` bound by slot, then evaluates it over the
/// fixed facts: it must give a value or an error, never crash, hang or run out of memory.
///
/// Evaluated once alone, under a run budget of its own: what the cost model charged must stay
/// within the per-expression budget whenever the expression gives a value. Then evaluated again
/// and again on one reused frame, as a `for_each` rule evaluates its check, under a shared run
/// budget: the same result each time until the run budget is spent (evaluation is
/// deterministic), and the run overspends its budget by at most one batch and one evaluation.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCELEval(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let program = try? environment.compile(source, locals: ["site"]) else { return 0 }
    let site =
        facts["network"].flatMap { network -> Value? in
            guard case .map(let m) = network, case .list(let sites)? = m["sites"] else { return nil }
            return sites.elements.first
        } ?? .null
    let activation = CELActivation(globals: facts, locals: [site], localPaths: ["network.sites[0]"])
    var budgeted = environment
    let budget = CELRunBudget(limit: 1_000_000)
    budgeted.runBudget = budget
    let first = budgeted.evaluate(program, in: activation)
    switch first {
    case .value(let value):
        _ = value.description
        precondition(budget.spent <= environment.limits.maxSteps, "a value after spending \(budget.spent) steps")
    case .error(let error): _ = error.description
    }
    repeatUnderRunBudget(program, in: activation, expecting: first)
    return 0
}

/// Evaluates the program several times on one evaluator sharing a run budget of `runLimit`.
func repeatUnderRunBudget(_ program: CELProgram, in activation: CELActivation, expecting first: CELResult) {
    var shared = environment
    let budget = CELRunBudget(limit: runLimit)
    shared.runBudget = budget
    do {
        let evaluator = CELEvaluator(shared, activation: activation)
        for _ in 0..<6 {
            let result = evaluator.evaluate(program)
            if case .error(let error) = result, error.message.contains("the run exceeded") { break }
            precondition(
                result.description == first.description,
                "evaluation is not deterministic: \(result.description) after \(first.description)")
        }
    }
    // The evaluator is gone: every step it spent has been handed over.
    let bound = runLimit + 65_536 + 2 * environment.limits.maxSteps
    precondition(budget.spent <= bound, "the run spent \(budget.spent) steps of a budget of \(runLimit)")
}

extension CELResult {
    /// The value or error as text (values compare by text so that a NaN equals itself).
    var description: String {
        switch self {
        case .value(let value): "value \(value.description)"
        case .error(let error): "error \(error.description)"
        }
    }
}
