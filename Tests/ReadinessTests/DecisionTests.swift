import Readiness
import SourceDiagnostics
import StrictYAML
import Testing

@Suite struct DecisionTests {
    let harness = Harness()

    /// A one-rule ruleset whose rule fails with the given action.
    static func ruleset(action: String, check: String = "false", affects: String? = nil) -> String {
        """
        ruleset: single
        rules:
          - id: R
            title: R
            category: c
            severity: high
            check: \(check)
            action: \(action)
        \(affects.map { "    affects: {sites: \($0)}" } ?? "")
        """
    }

    func evaluate(_ ruleset: String, snapshot: String = "project: {name: x, as_of: '2026-01-01'}\n", strict: Bool = false) throws -> Evaluation {
        let catalog = try harness.loader.load(text: ruleset, file: "single.yaml")
        let snapshot = try harness.snapshots.load(bytes: Array(snapshot.utf8), file: "snapshot.yaml")
        return try harness.engine.evaluate(catalog, against: snapshot, options: EvaluationOptions(isStrict: strict)).evaluation
    }

    @Test(
        "the verdict is the most severe open action",
        arguments: [
            ("warn", Verdict.goWithConditions), ("mitigate", .goWithConditions), ("split", .split),
            ("defer", .defer), ("block", .noGo),
        ])
    func verdict(action: String, expected: Verdict) throws {
        let evaluation = try evaluate(Self.ruleset(action: action))
        #expect(evaluation.verdict == expected)
        #expect(evaluation.decidedBy.map(\.rule) == ["R"])
    }

    @Test("all rules passing is go")
    func go() throws {
        let evaluation = try evaluate(Self.ruleset(action: "block", check: "true"))
        #expect(evaluation.verdict == .go)
        #expect(evaluation.decidedBy.isEmpty)
        #expect(evaluation.scores.overall.readiness == 100)
    }

    @Test("an unknown on a blocking rule blocks when no date leaves time to collect it; it always lowers the score and coverage")
    func unknownBlocks() throws {
        let ruleset = Self.ruleset(action: "block", check: "data.restore_tested")
        let lenient = try evaluate(ruleset)
        #expect(lenient.verdict == .noGo)
        #expect(lenient.decidedBy.first?.missingFact == "data.restore_tested")
        #expect(lenient.scores.overall.readiness == 0)
        #expect(lenient.scores.overall.coverage == 0)
        // Red from missing evidence alone under 50% coverage is "not assessed", not a failure.
        #expect(lenient.status == .grey)
        #expect(try evaluate(ruleset, strict: true).verdict == .noGo)
    }

    @Test("scores: severity-weighted mean of rule credit; coverage counts unknowns")
    func scoring() throws {
        let ruleset = """
            ruleset: scores
            rules:
              - {id: A, title: A, category: x, severity: critical, check: 'true', action: warn}
              - {id: B, title: B, category: x, severity: low, check: 'false', action: warn}
              - {id: C, title: C, category: y, severity: medium, for_each: 'n in [1, 2, 3, 4]', check: n > 1, action: warn}
              - {id: D, title: D, category: y, severity: high, check: missing.fact, action: warn}
              - {id: E, title: E, category: y, severity: high, when: 'false', check: 'true', action: warn}
            """
        let e = try evaluate(ruleset)
        // x: (8×1 + 2×0) / 10 = 80. y: (3×0.75 + 5×0) / 8 = 28.125. overall: (8 + 2.25) / 18.
        #expect(e.scores.categories.map(\.name) == ["x", "y"])
        #expect(e.scores.categories[0].readiness == 80)
        #expect(e.scores.categories[1].readiness == 28.1)
        #expect(e.scores.overall.readiness == 56.9)
        // Coverage: 7 applicable results, one unknown.
        #expect(e.scores.overall.coverage == 85.7)
        #expect(e.scores.overall.counts.notApplicable == 1)
        // Risk: B (low: 2×2), C (medium: 3×3) and the evidence gap D (high: 3×4) are open.
        #expect(e.scores.exposure == 4 + 9 + 12)
        #expect(e.scores.riskMatrix[1][1] == ["B"])
        #expect(e.scores.riskMatrix[2][2] == ["C"])
        #expect(e.scores.riskMatrix[2][3] == ["D"])
    }

    @Test("split moves the affected site to a follow-on phase; defer postpones its phase and those that depend on it")
    func phasePlan() throws {
        let e = try harness.evaluate(rulesets: [Paths.fixture("plan.yaml")], snapshot: Paths.fixture("plan-snapshot.yaml"))
        #expect(e.verdict == .defer)
        let planned = e.plan.planned
        #expect(planned.map(\.name) == ["one", "one follow-on", "two", "three"])
        #expect(planned.map(\.decision) == [.split, .defer, .defer, .defer])
        #expect(planned[0].scope.first?.items == ["A"])
        #expect(planned[0].moved.map(\.item) == ["B"])
        #expect(planned[1].scope.first?.items == ["B"])
        #expect(planned[1].splitFrom == "one")
        // The day after phase one ends (2026-04-30), not on its last day.
        #expect(planned[1].start == "2026-05-01")
        #expect(planned[2].deferredBecause.map(\.rule) == ["P-SITE-DEFER"])
        #expect(planned[3].deferredDependencies == ["two"])
        // D fails P-SITE-SPLIT but no phase lists it: it concerns the project as a whole.
        #expect(e.plan.unplacedItems.map(\.item) == ["D"])
        #expect(e.plan.prerequisites.map(\.rule) == ["P-SITE-SPLIT", "P-SITE-DEFER"])
    }

    @Test("each moved item lists the findings that move it; a phase emptied by splits is deferred, and a deferred phase still shows what would move")
    func movedBecause() throws {
        let ruleset = """
            ruleset: moves
            rules:
              - {id: SPLIT-1, title: S1, category: c, severity: high, for_each: "s in sites", check: "s.name == 'C'", action: split, affects: {sites: s.name}}
              - {id: SPLIT-2, title: S2, category: c, severity: high, for_each: "s in sites", check: "s.name != 'B'", action: split, affects: {sites: s.name}}
              - {id: DEFER-C, title: D, category: c, severity: high, for_each: "s in sites", check: "s.name != 'C'", action: defer, affects: {sites: s.name}}
            """
        let snapshot = """
            project: {name: x, as_of: '2026-01-01'}
            sites: [{name: A}, {name: B}, {name: C}]
            phases:
              - {name: one, start: '2026-03-01', end: '2026-03-31', scope: {sites: [A, B]}}
              - {name: two, scope: {sites: [B, C]}}
            """
        let e = try evaluate(ruleset, snapshot: snapshot)
        #expect(e.plan.planned.map(\.name) == ["one", "two"])
        #expect(e.plan.planned.map(\.decision) == [.defer, .defer])
        let one = e.plan.planned[0]
        #expect(one.isEmptied)
        #expect(one.followOn == nil)
        #expect(one.moved.map(\.item) == ["A", "B"])
        #expect(one.moved.map { $0.because.map { "\($0.rule)/\($0.subject ?? "")" } } == [["SPLIT-1/A"], ["SPLIT-1/B", "SPLIT-2/B"]])
        // One reason per rule, counting the rest.
        #expect(one.deferredBecause.map(\.rule) == ["SPLIT-1", "SPLIT-2"])
        #expect(one.deferredBecause.first?.message == "S1 (and 1 more)")
        #expect(one.conditions.isEmpty)
        let two = e.plan.planned[1]
        #expect(two.moved.map(\.item) == ["B"])
        #expect(two.conditions.isEmpty)
        #expect(two.deferredBecause.map(\.rule) == ["DEFER-C"])
        #expect(e.verdict == .defer)
    }

    @Test("a block without affects stops every phase")
    func projectWideBlock() throws {
        let snapshot = try String(contentsOfFile: Paths.fixture("plan-snapshot.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "governance: {ok: true}", with: "governance: {ok: false}")
        let catalog = try harness.catalog([Paths.fixture("plan.yaml")])
        let loaded = try harness.snapshots.load(bytes: Array(snapshot.utf8), file: "plan.yaml")
        let e = try harness.engine.evaluate(catalog, against: loaded).evaluation
        #expect(e.verdict == .noGo)
        #expect(e.plan.planned.filter { $0.splitFrom == nil }.allSatisfy { $0.decision == .noGo })
        #expect(e.plan.projectWide.map(\.rule).contains("P-PROJECT"))
    }

    /// Rules in this order: the first concerns the whole project, the second one site, the
    /// third the whole project again; each fails twice.
    static let interleaved = """
        ruleset: interleaved
        rules:
          - {id: WIDE-1, title: W1, category: c, severity: high, for_each: "x in items", check: "false", action: mitigate}
          - {id: SITE, title: S, category: c, severity: high, for_each: "x in items", check: "false", action: mitigate, affects: {sites: "'A'"}}
          - {id: WIDE-2, title: W2, category: c, severity: high, for_each: "x in items", check: "false", action: defer}
        """

    @Test("a phase's conditions keep rule order and counts when project-wide and phase findings interleave")
    func interleavedConditions() throws {
        let snapshot = """
            project: {name: x, as_of: '2026-01-01'}
            items: [1, 2]
            phases:
              - {name: one, scope: {sites: [A]}}
              - {name: two, scope: {sites: [B]}}
            """
        let e = try evaluate(Self.interleaved, snapshot: snapshot)
        let one = try #require(e.plan.planned.first { $0.name == "one" })
        let two = try #require(e.plan.planned.first { $0.name == "two" })
        #expect(one.conditions.map(\.rule) == ["WIDE-1", "SITE"])
        #expect(one.conditions.map(\.message) == ["W1 (and 1 more)", "S (and 1 more)"])
        #expect(two.conditions.map(\.rule) == ["WIDE-1"])
        #expect(one.deferredBecause.map(\.rule) == ["WIDE-2"])
        #expect(two.deferredBecause.map(\.message) == ["W2 (and 1 more)"])
        #expect(e.plan.projectWide.map(\.rule) == ["WIDE-1", "WIDE-2"])
    }

    @Test("a cycle in depends_on, or an unknown phase, is an input error with its position")
    func dependencyErrors() {
        let diagnostics = Harness.diagnostics { _ = try harness.snapshots.load(contentsOf: Paths.fixture("cycle-snapshot.yaml")) }
        #expect(diagnostics.map(\.code) == ["snapshot.phase-cycle", "snapshot.unknown-phase"])
        #expect(diagnostics.map { $0.span?.start.line } == [3, 5])
    }
}
