@testable import Readiness
import Testing

/// `AssessmentDiff` on hand-built assessments: one test per kind of change.
@Suite struct AssessmentDiffTests {
    static func finding(
        _ rule: String, _ subject: String?, _ status: ResultStatus, severity: Severity = .high, line: Int = 1
    ) -> AssessmentSummary.Finding {
        .init(
            rule: rule, subject: subject, status: status, severity: severity, action: .defer, category: "network",
            message: "\(rule) \(subject ?? "")", location: .init(file: "s.yaml", line: line, column: 3))
    }

    static func assessment(
        verdict: Verdict = .defer, findings: [AssessmentSummary.Finding] = [],
        phases: [AssessmentSummary.PlannedPhase] = [], areas: [AssessmentSummary.Area] = []
    ) -> AssessmentSummary {
        AssessmentSummary(
            project: "Acme", asOf: "2027-03-01", snapshot: "s.yaml", verdict: verdict, readiness: 60, coverage: 80,
            exposure: 10, inputs: [], areas: areas, phases: phases, findings: findings, waivers: [])
    }

    @Test func verdictChange() {
        let diff = AssessmentDiff(from: Self.assessment(verdict: .defer), to: Self.assessment(verdict: .split))
        #expect(diff.isVerdictChanged)
        #expect(diff.old.verdict == .defer && diff.new.verdict == .split)
        #expect(!diff.isEmpty)
    }

    @Test func identicalAssessmentsHaveNoChanges() {
        let a = Self.assessment(findings: [Self.finding("R1", "A", .fail)])
        let diff = AssessmentDiff(from: a, to: a)
        #expect(diff.isEmpty)
        #expect(diff.unchangedCount == 1)
        #expect(!diff.hasNewOrWorse)
    }

    @Test func findingsAreMatchedByRuleAndSubjectNotLine() {
        let old = Self.assessment(findings: [Self.finding("R1", "A", .fail, line: 10)])
        let new = Self.assessment(findings: [Self.finding("R1", "A", .fail, line: 42)])
        let diff = AssessmentDiff(from: old, to: new)
        #expect(diff.newFindings.isEmpty && diff.resolvedFindings.isEmpty)
        #expect(diff.unchangedCount == 1)
    }

    @Test func newResolvedWorseAndBetter() {
        let old = Self.assessment(findings: [
            Self.finding("R1", "A", .fail), Self.finding("R2", "B", .warn), Self.finding("R3", "C", .fail),
            Self.finding("R4", nil, .unknown),
        ])
        let new = Self.assessment(findings: [
            Self.finding("R2", "B", .fail), Self.finding("R3", "C", .warn), Self.finding("R4", nil, .error),
            Self.finding("R5", "D", .warn),
        ])
        let diff = AssessmentDiff(from: old, to: new)
        #expect(diff.newFindings.map(\.rule) == ["R5"])
        #expect(diff.resolvedFindings.map(\.rule) == ["R1"])
        #expect(diff.worseFindings.map(\.new.rule) == ["R2"])
        #expect(diff.betterFindings.map(\.new.rule) == ["R3"])
        // unknown → error keeps its rank.
        #expect(diff.unchangedCount == 1)
        #expect(diff.hasNewOrWorse)
    }

    @Test func rankOrdersFailWarnUnknownPass() {
        #expect(ResultStatus.fail.openRank > ResultStatus.warn.openRank)
        #expect(ResultStatus.warn.openRank > ResultStatus.unknown.openRank)
        #expect(ResultStatus.unknown.openRank == ResultStatus.error.openRank)
        #expect(ResultStatus.error.openRank > ResultStatus.pass.openRank)
        #expect(ResultStatus.waived.openRank == ResultStatus.pass.openRank)
    }

    @Test func newlyWaivedFindingIsBetterAndNotNewOrWorse() {
        let diff = AssessmentDiff(
            from: Self.assessment(findings: [Self.finding("R1", "A", .fail)]),
            to: Self.assessment(findings: [Self.finding("R1", "A", .waived)]))
        #expect(diff.betterFindings.count == 1)
        #expect(!diff.hasNewOrWorse)
    }

    @Test func repeatedSubjectsMatchInOrder() {
        let old = Self.assessment(findings: [Self.finding("R1", "A", .fail), Self.finding("R1", "A", .warn)])
        let new = Self.assessment(findings: [Self.finding("R1", "A", .fail)])
        let diff = AssessmentDiff(from: old, to: new)
        #expect(diff.resolvedFindings.map(\.status) == [.warn])
        #expect(diff.unchangedCount == 1)
    }

    @Test func phasesMoveItemsAndChangeDecisions() {
        let item = { (name: String) in RuleResult.AffectedItem("sites", name) }
        let old = Self.assessment(phases: [
            .init(name: "Roll-out", decision: .split, scope: [item("HQ")]),
            .init(name: "Roll-out (follow-on)", decision: .defer, scope: [item("Mine")], splitFrom: "Roll-out"),
        ])
        let new = Self.assessment(phases: [.init(name: "Roll-out", decision: .goWithConditions, scope: [item("HQ"), item("Mine")])])
        let diff = AssessmentDiff(from: old, to: new)
        #expect(diff.phases.count == 2)
        #expect(diff.phases[0].oldDecision == .split && diff.phases[0].newDecision == .goWithConditions)
        #expect(diff.phases[0].movedIn == [item("Mine")] && diff.phases[0].movedOut.isEmpty)
        #expect(diff.phases[1].newDecision == nil && diff.phases[1].movedOut == [item("Mine")])
    }

    @Test func areasCompareReadinessCoverageAndStatus() {
        let old = Self.assessment(areas: [
            .init(name: "network", readiness: 40, coverage: 90, exposure: 12, status: "red"),
            .init(name: "data", readiness: 90, coverage: 100, exposure: 0),
        ])
        let new = Self.assessment(areas: [
            .init(name: "network", readiness: 75, coverage: 95, exposure: 4, status: "amber"),
            .init(name: "data", readiness: 90, coverage: 100, exposure: 0),
        ])
        let diff = AssessmentDiff(from: old, to: new)
        #expect(diff.areas.filter(\.isChanged).map(\.name) == ["network"])
        #expect(diff.areas[0].oldStatus == "red" && diff.areas[0].newStatus == "amber")
    }
}
