import CEL
import Readiness
import StrictYAML
import Testing

/// The requirement rules counted per module (volatility, sign-off, acceptance) group the
/// backlog with `groupBy` in one pass: linear, however many modules there are.
@Suite struct ModuleRulesCostTests {
    @Test("per-module requirement rules are linear: 20,000 requirements in 20,000 modules")
    func perModuleScales() throws {
        let catalog = try RulesetLoader().load(["requirements"]).catalog
        var text = "project: {as_of: '2027-01-01'}\nrequirements:\n  items:\n"
        for i in 0..<20_000 {
            text += "    - {id: R\(i), module: m\(i), priority: medium, status: signed_off, changes: 0, estimate_days: 5, "
            text += "in_estimate: true, change_request: none, acceptance_criteria: true, customisation: false}\n"
        }
        let snapshot = try SnapshotLoader().load(bytes: Array(text.utf8), file: "big.yaml")
        // Quadratic (a filter of the whole backlog per module), the three rules alone would
        // spend about 3 × 20,000 × 20,000 = 1,200,000,000 steps.
        let engine = Engine(cel: CELEnvironment(limits: CELLimits(maxRunSteps: 10_000_000)))
        let evaluation = try engine.evaluate(catalog, against: snapshot).evaluation
        for id in ["REQ-VOLATILITY", "REQ-SIGNOFF", "REQ-ACCEPTANCE"] {
            let rule = try #require(evaluation.rules.first { $0.rule.id == id })
            #expect(rule.counts.pass == 20_000, "\(id)")
        }
    }
}
