import SourceDiagnostics
import StrictYAML

@testable import Readiness

/// A hand-built evaluation that exercises every status, a split and a deferral, waivers of every
/// kind, and text full of characters that each format must escape (`|`, `<`, `&`, `%`, `,`, `:`,
/// quotes, a newline and a control character).
enum EvaluationFixture {
    static let snapshotFile = "Fixtures/acme.yaml"

    static func rule(
        _ id: String, _ title: String, zh: String? = nil, category: String, severity: Severity, action: RuleAction,
        likelihood: Int = 3, impact: Int = 3, recommendation: String? = nil,
        evidence: String? = nil, line: Int
    ) -> Rule {
        let localized = { (en: String, zh: String?) in
            zh.map { LocalizedText([("en", en), ("zh", $0)]) } ?? LocalizedText(en)
        }
        return Rule(
            id: id, title: localized(title, zh), category: category, severity: severity, likelihood: likelihood,
            impact: impact, iteration: nil, when: nil, check: nil, outcomes: [], message: nil,
            rationale: LocalizedText("Why \(id) matters."),
            recommendation: recommendation.map { LocalizedText($0) },
            evidence: evidence.map { LocalizedText($0) },
            references: [.init(title: "Practice guide, §4", url: "https://example.org/guide?a=1&b=2")],
            tags: ["zeta", "alpha"], action: action, affects: [], subject: nil, rulesetID: category,
            location: SourceLocation(file: "builtin:\(category)", line: line, column: 5))
    }

    static func result(
        _ rule: Int, _ status: ResultStatus, subject: String? = nil, index: Int? = nil, message: String? = nil,
        line: Int? = nil, missingFact: String? = nil, error: String? = nil, waiver: Waiver? = nil
    ) -> RuleResult {
        RuleResult(
            ruleIndex: rule, status: status, subject: subject, index: index,
            message: message, location: line.map { SourceLocation(file: snapshotFile, line: $0, column: 7) },
            missingFact: missingFact, errorMessage: error, affected: [], waiver: waiver)
    }

    static func waiver(_ rule: String, subject: String? = nil, expires: String, line: Int) -> Waiver {
        Waiver(
            ruleID: rule, subject: subject, reason: "accepted by the board, see minutes #12 | risk log",
            approvedBy: "Dana \"DJ\" Lee", expires: expires, expiresAt: Timestamp(seconds: 0),
            location: SourceLocation(file: snapshotFile, line: line, column: 5))
    }

    static func reason(
        _ rule: String, _ status: ResultStatus, _ action: RuleAction, _ message: String, subject: String? = nil
    ) -> Reason {
        Reason(rule: rule, subject: subject, status: status, action: action, message: message)
    }

    static func counts(_ statuses: [ResultStatus]) -> StatusCounts {
        var counts = StatusCounts()
        for status in statuses { counts.add(status) }
        return counts
    }

    /// The fixture evaluation.
    static func make(language: String = "en") -> Evaluation {
        let rules: [Rule] = [
            rule(
                "NET-WAN-PER-USER", "Bandwidth per user", zh: "每用户带宽", category: "network", severity: .high,
                action: .split,
                likelihood: 4, impact: 4,
                recommendation: "Upgrade the link to 0.4 Mbps per user, or move the site to a later phase.",
                evidence: "network.sites[].wan_mbps and users", line: 10),
            rule(
                "NET-OFFLINE", "Offline procedure", category: "network", severity: .medium, action: .mitigate,
                likelihood: 2, impact: 3, recommendation: "Write and rehearse an offline procedure.", line: 40),
            rule(
                "DATA-RESTORE-TESTED", "Restore tested", zh: "恢复已测试", category: "data", severity: .critical,
                action: .block,
                likelihood: 4, impact: 5,
                recommendation: "Restore the latest backup onto separate hardware & time it.",
                evidence: "data.backup.restore_tested (true/false), data.backup.last_restore_test ('YYYY-MM-DD')",
                line: 12),
            rule(
                "DATA-OWNER", "Every source has an owner", category: "data", severity: .low, action: .warn,
                likelihood: 2, impact: 2, recommendation: "Name an owner per source.",
                evidence: "data.sources[].owner", line: 30),
            rule("DATA-CLEANSED", "Sources cleansed", category: "data", severity: .medium, action: .mitigate, line: 50),
            rule(
                "GOV-SPONSOR", "A sponsor chairs the steering committee", category: "governance", severity: .info,
                action: .warn, likelihood: 1, impact: 1, line: 8),
            rule(
                "GOV-CHECK-BROKEN", "A rule whose condition fails", category: "governance", severity: .low,
                action: .mitigate,
                likelihood: 1, impact: 2, line: 60),
            rule(
                "GOV-MILESTONES", "Milestones planned", category: "governance", severity: .medium, action: .mitigate,
                likelihood: 2, impact: 3, line: 70),
        ]
        let results: [RuleResult] = [
            result(0, .pass, subject: "Perth HQ", index: 0, line: 101),
            result(
                0, .fail, subject: "Pit Creek Mine", index: 1,
                message: "Pit Creek Mine: 4 Mbps for 35 users is 0.11 Mbps/user (need 0.4), 100% | saturated", line: 110
            ),
            result(
                0, .fail, subject: "Lake Dune, North", index: 2, message: "Lake Dune, North: 6 Mbps for 25 users",
                line: 120),
            result(
                1, .warn, subject: "Lake Dune, North", index: 2,
                message: "no offline procedure at <Lake Dune>\nplease add one", line: 124),
            result(
                1, .waived, subject: "Pit Creek Mine", index: 1, message: "no offline procedure", line: 114,
                waiver: waiver("NET-OFFLINE", subject: "Pit Creek Mine", expires: "2027-12-31", line: 200)),
            result(2, .unknown, line: 140, missingFact: "data.backup.restore_tested"),
            result(3, .notApplicable, subject: "legacy ERP", index: 0),
            result(
                3, .fail, subject: "price list", index: 1, message: "source *price list* has no owner `owner: ~`",
                line: 150),
            result(4, .pass),
            result(5, .notApplicable),
            result(6, .error, error: "no such key 'governance.steering' \u{1} in map"),
            result(7, .fail, subject: "go_live", index: 0, message: "milestone go_live slipped 5 weeks", line: 170),
        ]
        let summaries = rules.indices.map { index in
            RuleSummary(rule: rules[index], counts: counts(results.filter { $0.ruleIndex == index }.map(\.status)))
        }
        func area(_ name: String, _ readiness: Double, _ coverage: Double, _ rulesIn: [Int], exposure: Int)
            -> Scores.Area
        {
            Scores.Area(
                name: name, readiness: readiness, coverage: coverage,
                counts: counts(results.filter { rulesIn.contains($0.ruleIndex) }.map(\.status)), exposure: exposure)
        }
        var matrix = Array(repeating: Array(repeating: [String](), count: 5), count: 5)
        matrix[3][3] = ["NET-WAN-PER-USER"]
        matrix[1][2] = ["GOV-MILESTONES", "NET-OFFLINE"]
        matrix[1][1] = ["DATA-OWNER"]
        let scores = Scores(
            overall: area("overall", 58.333333, 83.3333, Array(rules.indices), exposure: 32),
            categories: [
                area("network", 45.5, 100, [0, 1], exposure: 22),
                area("data", 30.25, 66.6667, [2, 3, 4], exposure: 4),
                area("governance", 72, 100, [5, 6, 7], exposure: 6),
            ],
            riskMatrix: matrix, exposure: 32)

        let pilot = Phase(
            name: "Pilot", start: "2027-01-04", end: "2027-02-26",
            scope: [.init(kind: "sites", items: ["Perth HQ"]), .init(kind: "modules", items: ["accounts", "leads"])],
            dependsOn: [], location: SourceLocation(file: snapshotFile, line: 20, column: 5))
        let rollout = Phase(
            name: "Roll-out", start: "2027-03-01", end: "2027-05-28",
            scope: [.init(kind: "sites", items: ["Perth HQ", "Pit Creek Mine", "Lake Dune, North"])],
            dependsOn: ["Pilot"], location: SourceLocation(file: snapshotFile, line: 30, column: 5))
        let hypercare = Phase(
            name: "Hypercare & <close>", start: "2027-06-01", end: nil, scope: [], dependsOn: ["Roll-out"],
            location: SourceLocation(file: snapshotFile, line: 40, column: 5))
        let wanReasons = [
            reason("NET-WAN-PER-USER", .fail, .split, "Pit Creek Mine: 4 Mbps for 35 users", subject: "Pit Creek Mine")
        ]
        let plan = PhasePlan(
            original: [pilot, rollout, hypercare],
            planned: [
                .init(
                    name: "Pilot", start: "2027-01-04", end: "2027-02-26", decision: .go, scope: pilot.scope, moved: [],
                    followOn: nil, splitFrom: nil, dependsOn: [], deferredBecause: [], deferredDependencies: [],
                    conditions: []),
                .init(
                    name: "Roll-out", start: "2027-03-01", end: "2027-05-28", decision: .split,
                    scope: [.init(kind: "sites", items: ["Perth HQ"])],
                    moved: [
                        .init(kind: "sites", item: "Pit Creek Mine", because: wanReasons),
                        .init(
                            kind: "sites", item: "Lake Dune, North",
                            because: [
                                reason(
                                    "NET-WAN-PER-USER", .fail, .split, "Lake Dune, North: 6 Mbps for 25 users",
                                    subject: "Lake Dune, North")
                            ]),
                    ],
                    followOn: "Roll-out (follow-on)", splitFrom: nil, dependsOn: ["Pilot"], deferredBecause: [],
                    deferredDependencies: [],
                    conditions: [
                        reason(
                            "NET-OFFLINE", .warn, .mitigate, "no offline procedure at <Lake Dune>",
                            subject: "Lake Dune, North")
                    ]),
                .init(
                    name: "Roll-out (follow-on)", start: nil, end: nil, decision: .defer,
                    scope: [.init(kind: "sites", items: ["Pit Creek Mine", "Lake Dune, North"])], moved: [],
                    followOn: nil,
                    splitFrom: "Roll-out", dependsOn: ["Roll-out"], deferredBecause: wanReasons,
                    deferredDependencies: [],
                    conditions: []),
                .init(
                    name: "Hypercare & <close>", start: "2027-06-01", end: nil, decision: .goWithConditions, scope: [],
                    moved: [], followOn: nil, splitFrom: nil, dependsOn: ["Roll-out"], deferredBecause: [],
                    deferredDependencies: [],
                    conditions: [reason("GOV-MILESTONES", .fail, .mitigate, "milestone go_live slipped 5 weeks")]),
            ],
            projectWide: [
                reason("DATA-OWNER", .fail, .warn, "source *price list* has no owner", subject: "price list")
            ],
            unplacedItems: [.init(kind: "sites", item: "Remote | Depot")],
            prerequisites: [
                Prerequisite(
                    rule: "NET-WAN-PER-USER", subjects: ["Pit Creek Mine", "Lake Dune, North"], action: .split,
                    recommendation: "Upgrade the link to 0.4 Mbps per user, or move the site to a later phase.")
            ])
        let applied = waiver("NET-OFFLINE", subject: "Pit Creek Mine", expires: "2027-12-31", line: 200)
        let snapshot = Snapshot(
            document: YAMLDocument(file: snapshotFile, root: .null, rootPosition: SourcePosition(line: 1, column: 1)),
            sha256: String(repeating: "ab", count: 32), projectName: "Acme <CRM> | \"North\" & Co",
            asOf: Timestamp(seconds: 0),
            parameterOverrides: [
                (
                    name: "min_wan_mbps_per_user", value: .double(0.4),
                    location: SourceLocation(file: snapshotFile, line: 3, column: 3)
                )
            ],
            waivers: [applied], phases: [pilot, rollout, hypercare])
        return Evaluation(
            snapshot: snapshot, asOf: "2027-02-01", language: language, isStrict: false, rules: summaries,
            results: results,
            scores: scores, verdict: .split,
            decidedBy: [
                reason(
                    "NET-WAN-PER-USER", .fail, .split, "Pit Creek Mine: 4 Mbps for 35 users", subject: "Pit Creek Mine"),
                reason(
                    "NET-WAN-PER-USER", .fail, .split, "Lake Dune, North: 6 Mbps for 25 users",
                    subject: "Lake Dune, North"),
            ],
            plan: plan,
            waivers: WaiverReport(
                applied: [(waiver: applied, count: 1)],
                expired: [waiver("DATA-OWNER", expires: "2026-12-31", line: 210)],
                unused: [waiver("GOV-SPONSOR", expires: "2028-01-31", line: 220)]),
            parameters: [],
            inputs: [
                InputFile(path: "builtin:network", kind: "ruleset", sha256: String(repeating: "01", count: 32)),
                InputFile(path: snapshotFile, kind: "snapshot", sha256: String(repeating: "ab", count: 32)),
            ])
    }

    /// A second, smaller snapshot for portfolio reports: everything passes.
    static func makeClean() -> Evaluation {
        var evaluation = make()
        let file = "Fixtures/tidy.yaml"
        evaluation.snapshot.document = YAMLDocument(
            file: file, root: .null, rootPosition: SourcePosition(line: 1, column: 1))
        evaluation.snapshot.projectName = "Tidy Ltd"
        evaluation.snapshot.sha256 = String(repeating: "cd", count: 32)
        evaluation.snapshot.parameterOverrides = []
        evaluation.results = evaluation.results.map { result in
            var result = result
            result.status = result.status == .notApplicable ? .notApplicable : .pass
            result.message = nil
            result.location = result.location.map { SourceLocation(file: file, position: $0.position) }
            result.waiver = nil
            return result
        }
        evaluation.rules = evaluation.rules.indices.map { index in
            RuleSummary(
                rule: evaluation.rules[index].rule,
                counts: counts(evaluation.results.filter { $0.ruleIndex == index }.map(\.status)))
        }
        evaluation.scores.overall = Scores.Area(
            name: "overall", readiness: 100, coverage: 100, counts: counts(evaluation.results.map(\.status)),
            exposure: 0)
        evaluation.scores.categories = evaluation.scores.categories.map { area in
            var area = area
            area.readiness = 100
            area.coverage = 100
            area.exposure = 0
            area.counts = counts(
                evaluation.results.filter { evaluation.rules[$0.ruleIndex].rule.category == area.name }.map(\.status))
            return area
        }
        evaluation.scores.riskMatrix = Array(repeating: Array(repeating: [], count: 5), count: 5)
        evaluation.scores.exposure = 0
        evaluation.verdict = .go
        evaluation.decidedBy = []
        evaluation.plan = PhasePlan(
            original: [], planned: [], projectWide: [], unplacedItems: [], prerequisites: [])
        evaluation.waivers = WaiverReport(applied: [], expired: [], unused: [])
        evaluation.inputs = [InputFile(path: file, kind: "snapshot", sha256: String(repeating: "cd", count: 32))]
        return evaluation
    }
}
