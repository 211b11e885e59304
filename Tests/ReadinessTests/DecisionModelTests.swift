import Foundation
import Readiness
import Testing

/// The decision model (docs/scoring.md): evidence in the verdict, the project stage, findings
/// scoped to phases, scoped deferral and propagation, plans that can happen, and statuses that
/// agree with the verdict.
@Suite struct DecisionModelTests {
    let harness = Harness()

    /// The timing fixture evaluated against the base plan with some of its text replaced.
    func evaluate(_ replacements: [(String, String)] = [], strict: Bool = false) throws -> Evaluation {
        var text = try String(contentsOfFile: Paths.fixture("decision/plan-base.yaml"), encoding: .utf8)
        for (old, new) in replacements {
            #expect(text.contains(old), "the base plan has no '\(old)'")
            text = text.replacingOccurrences(of: old, with: new)
        }
        let catalog = try harness.catalog([Paths.fixture("decision/timing.yaml")])
        let snapshot = try harness.snapshots.load(bytes: Array(text.utf8), file: "plan-base.yaml")
        return try harness.engine.evaluate(catalog, against: snapshot, options: EvaluationOptions(isStrict: strict)).evaluation
    }

    func phase(_ e: Evaluation, _ name: String) throws -> PhasePlan.PlannedPhase {
        try #require(e.plan.planned.first { $0.name == name })
    }

    // MARK: - Evidence in the verdict

    @Test("an empty snapshot is not go: every area is unassessed, and the gaps are listed per area")
    func emptySnapshot() throws {
        let e = try harness.evaluate(rulesets: [], snapshot: Paths.fixture("decision/empty.yaml"))
        #expect(e.verdict != .go)
        #expect(e.verdict >= .defer)
        #expect(e.scores.overall.coverage == 0)
        #expect(e.status == .grey)
        for area in e.scores.categories {
            #expect(area.status == .grey, "\(area.name)")
            #expect(area.counts.unknown > 0, "\(area.name) lists no gap")
        }
    }

    @Test("a staffing-only snapshot is not go, and its unassessed areas are grey")
    func staffingOnly() throws {
        let e = try harness.evaluate(rulesets: [], snapshot: Paths.fixture("decision/staffing-only.yaml"))
        #expect(e.verdict != .go)
        #expect(e.scores.categories.first { $0.name == "network" }?.status == .grey)
        #expect(e.scores.categories.first { $0.name == "data" }?.status == .grey)
        #expect(e.plan.planned.allSatisfy { $0.decision != .go })
    }

    @Test("a gap is a condition with its collect-by date before the evidence deadline; after it, it acts as the rule (a block blocks)")
    func gapDeadline() throws {
        // Wave 1 goes live on 2027-03-01; the ruleset's evidence deadline is 20 days before.
        let early = try evaluate([("environment:\n  capacity_ok: true", "environment:")])
        #expect(early.verdict == .goWithConditions)
        #expect(early.status == .amber)
        let gap = try #require(try phase(early, "Wave 1").conditions.first { $0.rule == "T-CAPACITY" })
        #expect(gap.isEvidenceGap)
        #expect(gap.missingFact == "environment.capacity_ok")
        #expect(gap.collectBy == "2027-02-09")
        let deferred = try evaluate([("environment:\n  capacity_ok: true", "environment:"), ("as_of: '2027-01-04'", "as_of: '2027-02-15'")])
        #expect(deferred.verdict == .defer)
        #expect(try phase(deferred, "Wave 1").deferredBecause.first?.missingFact == "environment.capacity_ok")
        let blocked = try evaluate([("data: {restore_tested: true}", "data: {}"), ("as_of: '2027-01-04'", "as_of: '2027-02-15'")])
        #expect(blocked.verdict == .noGo)
        #expect(try phase(blocked, "Wave 1").decision == .noGo)
        // The data area has no evidence at all: not assessed, though the verdict blocks on it.
        #expect(blocked.scores.categories.first { $0.name == "data" }?.status == .grey)
    }

    @Test("a rule that errors never lets a blocker through")
    func errorIsAGap() throws {
        let e = try evaluate([("data: {restore_tested: true}", "data: {restore_tested: 'yes'}"), ("as_of: '2027-01-04'", "as_of: '2027-02-15'")])
        #expect(e.results(of: "T-RESTORE").first?.status == .error)
        #expect(e.verdict == .noGo)
    }

    @Test("strict mode counts every gap as a failure at once")
    func strictGaps() throws {
        let e = try evaluate([("environment:\n  capacity_ok: true", "environment:")], strict: true)
        #expect(e.verdict == .defer)
    }

    // MARK: - Project stage

    @Test("a feasibility check is not failed by controls due later: they are planned work with a due date")
    func feasibility() throws {
        let e = try evaluate([
            ("as_of: '2027-01-04', start: '2026-09-01'", "as_of: '2026-06-01', start: '2026-09-01'"),
            ("data: {restore_tested: true}", "data: {restore_tested: false}"),
            ("steering: true", "steering: false"),
        ])
        #expect(e.stage == .feasibility)
        #expect(e.verdict == .go)
        #expect(e.results(of: "T-RESTORE").first?.status == .notDue)
        #expect(e.results(of: "T-STEERING").first?.status == .notDue)
        #expect(e.plannedWork.map(\.rule) == ["T-RESTORE", "T-STEERING"])
        #expect(e.plannedWork.map(\.due) == ["2027-01-30", "2026-09-01"])
        // Not due: neither a failure in the score nor an evidence gap.
        #expect(e.scores.overall.readiness == 100)
        #expect(e.scores.overall.coverage == 100)
    }

    @Test("a feasibility check still fails on what the plan needs now")
    func feasibilityCapacity() throws {
        let e = try evaluate([
            ("as_of: '2027-01-04', start: '2026-09-01'", "as_of: '2026-06-01', start: '2026-09-01'"),
            ("capacity_ok: true", "capacity_ok: false"),
        ])
        #expect(e.stage == .feasibility)
        #expect(e.verdict == .defer)
    }

    @Test("project.stage overrides the stage the dates give")
    func statedStage() throws {
        let e = try evaluate([("start: '2026-09-01'}", "start: '2026-09-01', stage: feasibility}")])
        #expect(e.stage == .feasibility)
    }

    // MARK: - Findings belong to phases

    @Test("a site's findings go where the site goes: conditions never name an item outside the phase")
    func scopedConditions() throws {
        let e = try evaluate([
            ("{name: Mine, wan_mbps: 100, offline_procedure: true", "{name: Mine, wan_mbps: 4, offline_procedure: false"),
            ("{name: Sydney, wan_mbps: 100, offline_procedure: true", "{name: Sydney, wan_mbps: 100, offline_procedure: false"),
        ])
        let wave1 = try phase(e, "Wave 1")
        #expect(wave1.decision == .split)
        #expect(wave1.moved.map(\.item) == ["Mine"])
        #expect(wave1.conditions.isEmpty)
        let followOn = try phase(e, "Wave 1 follow-on")
        #expect(followOn.scope.flatMap(\.items) == ["Mine"])
        #expect(followOn.conditions.map(\.subject) == ["Mine"])
        #expect(try phase(e, "Wave 2").conditions.map(\.subject) == ["Sydney"])
        for planned in e.plan.planned {
            let scope = Set(planned.scope.flatMap(\.items))
            for reason in planned.conditions + planned.deferredBecause {
                if let subject = reason.subject { #expect(scope.contains(subject), "\(planned.name) names \(subject)") }
            }
        }
    }

    // MARK: - Scoped deferral and propagation

    @Test("a data-centre fault defers only the phases on its sites and those that depend on them")
    func dataCentreFault() throws {
        let e = try evaluate([("{name: app-sydney, data_centre: Sydney DC, supported: true}", "{name: app-sydney, data_centre: Sydney DC, supported: false}")])
        #expect(try phase(e, "Wave 1").decision == .go)
        let wave2 = try phase(e, "Wave 2")
        #expect(wave2.decision == .defer)
        #expect(wave2.deferredBecause.map(\.rule) == ["T-SERVER"])
        let wave3 = try phase(e, "Wave 3")
        #expect(wave3.decision == .defer)
        // Listed even though Wave 3 has a direct reason of its own (Brisbane is in Sydney DC).
        #expect(wave3.deferredBecause.map(\.rule) == ["T-SERVER"])
        #expect(wave3.deferredDependencies == ["Wave 2"])
        #expect(e.verdict == .defer)
    }

    // MARK: - Plans that can happen

    @Test("a split that empties a phase defers it, and the phases after it wait")
    func emptiedPhase() throws {
        let e = try evaluate([
            ("{name: Sydney, wan_mbps: 100", "{name: Sydney, wan_mbps: 2"),
        ])
        let wave2 = try phase(e, "Wave 2")
        #expect(wave2.decision == .defer)
        #expect(wave2.isEmptied)
        #expect(wave2.moved.map(\.item) == ["Sydney"])
        #expect(!e.plan.planned.contains { $0.splitFrom == "Wave 2" })
        #expect(try phase(e, "Wave 3").deferredDependencies == ["Wave 2"])
        #expect(e.verdict == .defer)
    }

    @Test("a follow-on starts no earlier than the lead time allows, lasts as long as its phase, and a later wave that depends on the split phase reports the conflict")
    func followOnSchedule() throws {
        let e = try evaluate([("{name: Mine, wan_mbps: 100", "{name: Mine, wan_mbps: 4")])
        let followOn = try phase(e, "Wave 1 follow-on")
        // 2027-01-04 + 120 days: later than Wave 1's end (2027-03-31).
        #expect(followOn.start == "2027-05-04")
        #expect(followOn.end == "2027-06-03")
        #expect(followOn.dependsOn == ["Wave 1"])
        let wave2 = try phase(e, "Wave 2")
        #expect(wave2.conflicts.map(\.followOn) == ["Wave 1 follow-on"])
        #expect(wave2.conflicts.first?.items == ["Mine"])
        #expect(e.plan.prerequisites.first?.leadTimeDays == 120)
        #expect(e.plan.prerequisites.first?.earliestDone == "2027-05-04")
    }

    @Test("a deferred phase still shows what would move out of it")
    func deferredPhaseMoves() throws {
        let e = try evaluate([
            ("{name: Mine, wan_mbps: 100", "{name: Mine, wan_mbps: 4"),
            ("{name: app-perth, data_centre: Perth DC, supported: true}", "{name: app-perth, data_centre: Perth DC, supported: false}"),
        ])
        let wave1 = try phase(e, "Wave 1")
        #expect(wave1.decision == .defer)
        #expect(wave1.moved.map(\.item) == ["Mine"])
        #expect(e.plan.prerequisites.map(\.rule) == ["T-WAN", "T-SERVER"])
    }

    @Test("a waiver that expires before a phase it keeps in scope ends is flagged on that phase")
    func expiringWaiver() throws {
        let e = try evaluate([(
            "governance: {steering: true, waived_ok: true}",
            "governance: {steering: true, waived_ok: false}\nwaivers:\n  - {rule: T-WAIVED, reason: accepted by the board, approved_by: CFO, expires: '2027-04-30'}"
        )])
        #expect(e.results(of: "T-WAIVED").first?.status == .waived)
        #expect(try phase(e, "Wave 1").expiringWaivers.isEmpty)
        #expect(try phase(e, "Wave 2").expiringWaivers.map(\.rule) == ["T-WAIVED"])
        #expect(try phase(e, "Wave 3").expiringWaivers.map(\.expires) == ["2027-04-30"])
    }

    // MARK: - Statuses

    @Test("area and phase statuses agree with the verdict")
    func statusesAgree() throws {
        let healthy = try evaluate()
        #expect(healthy.verdict == .go)
        #expect(healthy.status == .green)
        #expect(healthy.scores.categories.allSatisfy { $0.status == .green })
        let split = try evaluate([("{name: Mine, wan_mbps: 100", "{name: Mine, wan_mbps: 4")])
        #expect(split.verdict == .split)
        #expect(split.status == .red)
        #expect(split.scores.categories.first { $0.name == "network" }?.status == .red)
        #expect(split.scores.categories.first { $0.name == "data" }?.status == .green)
        #expect(try phase(split, "Wave 1").status == .red)
        #expect(try phase(split, "Wave 2").status == .green)
    }

    @Test("the examples' verdicts and stages", arguments: [
        ("mining-crm-multisite.yaml", Verdict.split), ("small-company-crm.yaml", .goWithConditions),
        ("erp-unrehearsed-migration.yaml", .noGo), ("feasibility-regional-erp.yaml", .split),
    ])
    func examples(file: String, verdict: Verdict) throws {
        let e = try harness.evaluate(rulesets: [], snapshot: Paths.package("Examples/\(file)"))
        #expect(e.verdict == verdict)
        #expect(e.stage == (file.hasPrefix("feasibility") ? .feasibility : .delivery))
        #expect(e.status == ReadinessStatus(verdict))
        for planned in e.plan.planned {
            let scope = Set(planned.scope.flatMap(\.items))
            let sites = Set(e.plan.planned.flatMap { $0.scope.flatMap(\.items) })
            for reason in planned.conditions + planned.deferredBecause {
                for site in sites where reason.subject?.contains(site) == true {
                    #expect(scope.contains(site), "\(file): \(planned.name) names \(site)")
                }
            }
        }
    }
}
