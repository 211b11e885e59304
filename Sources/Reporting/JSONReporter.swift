public import Readiness
import Foundation
import SourceDiagnostics

/// The `json` format: a documented, versioned schema (docs/json-output.md).
public struct JSONReporter: Reporter {
    /// The schema identifier of a single-snapshot report.
    public static let schema = "readiness.report/1"
    /// The schema identifier of a portfolio report.
    public static let portfolioSchema = "readiness.portfolio/1"

    /// Creates the reporter.
    public init() {}

    /// Renders one report, or a portfolio when there are several evaluations.
    public func render(_ evaluations: [Evaluation], context: ReportContext) -> String {
        let encoder = JSONTreeEncoder()
        let tool = Tool(name: "readiness", version: context.toolVersion)
        let text: String?
        if evaluations.count == 1, let only = evaluations.first {
            text = try? encoder.encode(Report(only, tool: tool, context: context))
        } else {
            let reports = evaluations.map { Report($0, tool: tool, context: context) }
            text = try? encoder.encode(PortfolioReport(
                schema: Self.portfolioSchema, tool: tool, snapshots: reports,
                portfolio: PortfolioSummary(evaluations)))
        }
        return text ?? "{}\n"
    }

    struct Tool: Encodable {
        var name: String
        var version: String
    }

    struct Location: Encodable {
        var file: String
        var line: Int
        var column: Int

        init?(_ location: SourceLocation?) {
            guard let location, location.position.isKnown else { return nil }
            file = location.file
            line = location.line
            column = location.column
        }
    }

    struct Report: Encodable {
        var schema = JSONReporter.schema
        var tool: Tool
        var inputs: [InputFile]
        var snapshot: String
        var project: String?
        var asOf: String?
        var language: String
        var strict: Bool
        var verdict: String
        var decidedBy: [Reason]
        var scores: ScoresJSON
        var phases: PlanJSON
        var rules: [RuleJSON]
        var findings: [FindingJSON]
        var evidenceGaps: [GapJSON]
        var waivers: WaiversJSON
        var parameters: JSONValue

        enum CodingKeys: String, CodingKey {
            case schema, tool, inputs, snapshot, project, language, strict, verdict, scores, phases, rules, findings
            case waivers, parameters
            case asOf = "as_of"
            case decidedBy = "decided_by"
            case evidenceGaps = "evidence_gaps"
        }

        init(_ e: Evaluation, tool: Tool, context: ReportContext) {
            self.tool = tool
            inputs = e.inputs
            snapshot = e.snapshot.file
            project = e.snapshot.projectName
            asOf = e.asOf.isEmpty ? nil : e.asOf
            language = e.language
            strict = e.isStrict
            verdict = e.verdict.rawValue
            decidedBy = e.decidedBy
            scores = ScoresJSON(e.scores)
            phases = PlanJSON(e.plan)
            rules = e.rules.map { RuleJSON($0, language: e.language) }
            findings = e.results.filter(\.status.isFinding).map { FindingJSON($0, e) }
            evidenceGaps = e.results.filter { $0.status == .unknown }.map { result in
                let rule = e.rule(of: result)
                return GapJSON(
                    rule: rule.id, subject: result.subject, fact: result.missingFact ?? "",
                    evidence: rule.evidence?.resolved(e.language), location: Location(result.location))
            }
            waivers = WaiversJSON(e.waivers)
            parameters = .object(e.parameters.map { ($0.name, JSONValue($0.value)) })
        }
    }

    struct ScoresJSON: Encodable {
        var overall: Scores.Area
        var categories: [Scores.Area]
        var riskMatrix: [Cell]
        var exposure: Int

        struct Cell: Encodable {
            var likelihood: Int
            var impact: Int
            var rules: [String]
        }

        enum CodingKeys: String, CodingKey {
            case overall, categories, exposure
            case riskMatrix = "risk_matrix"
        }

        init(_ s: Scores) {
            overall = s.overall
            categories = s.categories
            exposure = s.exposure
            var cells: [Cell] = []
            for (l, row) in s.riskMatrix.enumerated() {
                for (i, rules) in row.enumerated() where !rules.isEmpty {
                    cells.append(Cell(likelihood: l + 1, impact: i + 1, rules: rules))
                }
            }
            riskMatrix = cells
        }
    }

    struct PhaseJSON: Encodable {
        var name: String
        var start: String?
        var end: String?
        var decision: String?
        var scope: JSONValue
        var moved: [PhasePlan.MovedItem]?
        var followOn: String?
        var splitFrom: String?
        var dependsOn: [String]
        var deferredBecause: [Reason]?
        var deferredDependencies: [String]?
        var conditions: [Reason]?

        enum CodingKeys: String, CodingKey {
            case name, start, end, decision, scope, moved, conditions
            case followOn = "follow_on"
            case splitFrom = "split_from"
            case dependsOn = "depends_on"
            case deferredBecause = "deferred_because"
            case deferredDependencies = "deferred_dependencies"
        }

        static func scope(_ entries: [Phase.ScopeEntry]) -> JSONValue {
            .object(entries.map { ($0.kind, .array($0.items.map(JSONValue.string))) })
        }
    }

    struct PlanJSON: Encodable {
        var original: [PhaseJSON]
        var planned: [PhaseJSON]
        var projectWide: [Reason]
        var unplacedItems: [RuleResult.AffectedItem]
        var prerequisites: [Prerequisite]

        enum CodingKeys: String, CodingKey {
            case original, planned, prerequisites
            case projectWide = "project_wide"
            case unplacedItems = "unplaced_items"
        }

        init(_ plan: PhasePlan) {
            original = plan.original.map {
                PhaseJSON(name: $0.name, start: $0.start, end: $0.end, scope: PhaseJSON.scope($0.scope), dependsOn: $0.dependsOn)
            }
            planned = plan.planned.map {
                PhaseJSON(
                    name: $0.name, start: $0.start, end: $0.end, decision: $0.decision.rawValue,
                    scope: PhaseJSON.scope($0.scope), moved: $0.moved, followOn: $0.followOn, splitFrom: $0.splitFrom,
                    dependsOn: $0.dependsOn, deferredBecause: $0.deferredBecause,
                    deferredDependencies: $0.deferredDependencies, conditions: $0.conditions)
            }
            projectWide = plan.projectWide
            unplacedItems = plan.unplacedItems
            prerequisites = plan.prerequisites
        }
    }

    struct RuleJSON: Encodable {
        var id: String
        var title: String
        var category: String
        var severity: Severity
        var action: RuleAction
        var likelihood: Int
        var impact: Int
        var status: ResultStatus
        var counts: StatusCounts
        var ruleset: String
        var source: Location?

        init(_ s: RuleSummary, language: String) {
            id = s.rule.id
            title = s.rule.title.resolved(language)
            category = s.rule.category
            severity = s.rule.severity
            action = s.rule.action
            likelihood = s.rule.likelihood
            impact = s.rule.impact
            status = s.status
            counts = s.counts
            ruleset = s.rule.rulesetID
            source = Location(s.rule.location)
        }
    }

    struct WaiverJSON: Encodable {
        var rule: String
        var subject: String?
        var reason: String
        var approvedBy: String
        var expires: String
        var count: Int?
        var location: Location?

        enum CodingKeys: String, CodingKey {
            case rule, subject, reason, expires, count, location
            case approvedBy = "approved_by"
        }

        init(_ w: Waiver, count: Int? = nil) {
            rule = w.ruleID
            subject = w.subject
            reason = w.reason
            approvedBy = w.approvedBy
            expires = w.expires
            self.count = count
            location = Location(w.location)
        }
    }

    struct WaiversJSON: Encodable {
        var applied: [WaiverJSON]
        var expired: [WaiverJSON]
        var unused: [WaiverJSON]

        init(_ r: WaiverReport) {
            applied = r.applied.map { WaiverJSON($0.waiver, count: $0.count) }
            expired = r.expired.map { WaiverJSON($0) }
            unused = r.unused.map { WaiverJSON($0) }
        }
    }

    struct FindingJSON: Encodable {
        var rule: String
        var status: ResultStatus
        var severity: Severity
        var action: RuleAction
        var category: String
        var subject: String?
        var index: Int?
        var message: String
        var location: Location?
        var missingFact: String?
        var affects: [RuleResult.AffectedItem]
        var waiver: WaiverJSON?

        enum CodingKeys: String, CodingKey {
            case rule, status, severity, action, category, subject, index, message, location, affects, waiver
            case missingFact = "missing_fact"
        }

        init(_ r: RuleResult, _ e: Evaluation) {
            let rule = e.rule(of: r)
            self.rule = rule.id
            status = r.status
            severity = rule.severity
            action = rule.action
            category = rule.category
            subject = r.subject
            index = r.index
            message = r.message ?? rule.title.resolved(e.language)
            location = Location(r.location)
            missingFact = r.missingFact
            affects = r.affected
            waiver = r.waiver.map { WaiverJSON($0) }
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(rule, forKey: .rule)
            try c.encode(status, forKey: .status)
            try c.encode(severity, forKey: .severity)
            try c.encode(action, forKey: .action)
            try c.encode(category, forKey: .category)
            try c.encode(subject, forKey: .subject)
            try c.encode(index, forKey: .index)
            try c.encode(message, forKey: .message)
            try c.encode(location, forKey: .location)
            try c.encodeIfPresent(missingFact, forKey: .missingFact)
            try c.encode(affects, forKey: .affects)
            try c.encodeIfPresent(waiver, forKey: .waiver)
        }
    }

    struct GapJSON: Encodable {
        var rule: String
        var subject: String?
        var fact: String
        var evidence: String?
        var location: Location?
    }

    struct PortfolioReport: Encodable {
        var schema: String
        var tool: Tool
        var snapshots: [Report]
        var portfolio: PortfolioSummary
    }

    struct PortfolioSummary: Encodable {
        var count: Int
        var verdicts: [String: Int]
        var worstVerdict: String
        var averageReadiness: Double

        enum CodingKeys: String, CodingKey {
            case count, verdicts
            case worstVerdict = "worst_verdict"
            case averageReadiness = "average_readiness"
        }

        init(_ evaluations: [Evaluation]) {
            count = evaluations.count
            var verdicts: [String: Int] = [:]
            for v in Verdict.allCases { verdicts[v.rawValue] = 0 }
            for e in evaluations { verdicts[e.verdict.rawValue, default: 0] += 1 }
            self.verdicts = verdicts
            worstVerdict = (evaluations.map(\.verdict).max() ?? .go).rawValue
            let total = evaluations.reduce(0.0) { $0 + $1.scores.overall.readiness }
            averageReadiness = evaluations.isEmpty ? 0 : (total / Double(evaluations.count) * 10).rounded() / 10
        }
    }
}
