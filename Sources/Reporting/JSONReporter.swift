public import Readiness
import Foundation
import SourceDiagnostics

/// The `json` format: a documented, versioned schema (docs/json-output.md).
public struct JSONReporter: PieceRenderingReporter {
    /// The schema identifier of a single-snapshot report.
    public static let schema = "readiness.report/2"
    /// The schema identifier of a portfolio report.
    public static let portfolioSchema = "readiness.portfolio/2"

    /// Creates the reporter.
    public init() {}

    /// One report, or a portfolio when there are several evaluations.
    ///
    /// - Throws: `DiagnosticError` (`report.unencodable`) when the report cannot be encoded.
    public func renderPieces(_ evaluations: [Evaluation], context: ReportContext) throws -> RenderedReport {
        let encoder = JSONTreeEncoder(keys: .snakeCase)
        let tool = Tool(context)
        if evaluations.count == 1, let only = evaluations.first {
            return try encoder.encodePieces(Report(only, tool: tool, context: context))
        }
        return try portfolio(evaluations, tool: tool, context: context, encoder: encoder)
    }

    /// A portfolio: each snapshot's report is rendered on its own core, then spliced in order
    /// (keys stay sorted: portfolio, schema, snapshots, tool).
    func portfolio(
        _ evaluations: [Evaluation], tool: Tool, context: ReportContext, encoder: JSONTreeEncoder
    ) throws -> RenderedReport {
        let parts = try Parallel.map(evaluations.count) { i in
            let separator: StaticString = i == 0 ? "\n    " : ",\n    "
            return Result {
                try encoder.encodePieces(Report(evaluations[i], tool: tool, context: context), depth: 2, after: separator)
            }
        }.map { try $0.get() }
        var head = "{\n  \"portfolio\": " + (try encoder.encode(PortfolioSummary(evaluations), depth: 1)) + ",\n"
        head += "  \"schema\": \"" + Self.portfolioSchema + "\",\n"
        head += "  \"snapshots\": ["
        var tail = evaluations.isEmpty ? "],\n" : "\n  ],\n"
        tail += "  \"tool\": " + (try encoder.encode(tool, depth: 1)) + "\n}\n"
        // Each snapshot's report is its own piece: the portfolio is never copied into one text.
        return RenderedReport(storage: [.array(Array(head.utf8))] + parts.flatMap(\.storage) + [.array(Array(tail.utf8))])
    }

    /// The tool that wrote a report: `readiness` at the context's version.
    struct Tool: Encodable {
        var name: String
        var version: String

        init(_ context: ReportContext) {
            name = "readiness"
            version = context.toolVersion
        }
    }

    /// A place in an input file, as every report field that points into one writes it.
    typealias Location = AssessmentSummary.Location

    struct Report: Encodable {
        var schema = JSONReporter.schema
        var tool: Tool
        var inputs: [InputFile]
        var snapshot: String
        var project: String?
        var asOf: String?
        var language: String
        var strict: Bool
        var stage: ProjectStage
        var verdict: String
        var status: ReadinessStatus
        var decidedBy: [Reason]
        var scores: ScoresJSON
        var phases: PlanJSON
        var rules: [RuleJSON]
        var findings: FindingsJSON
        var evidenceGaps: [GapJSON]
        var plannedWork: [PlannedCheck]
        var waivers: WaiversJSON
        var parameters: [String: JSONValue]
        var overrides: [OverrideJSON]
        var warnings: [WarningJSON]

        init(_ e: Evaluation, tool: Tool, context: ReportContext) {
            self.tool = tool
            inputs = e.inputs
            snapshot = e.snapshot.file
            project = e.snapshot.projectName
            asOf = e.asOf.isEmpty ? nil : e.asOf
            language = e.language
            strict = e.isStrict
            stage = e.stage
            verdict = e.verdict.rawValue
            status = e.status
            decidedBy = e.decidedBy
            scores = ScoresJSON(e.scores)
            phases = PlanJSON(e.plan)
            rules = e.rules.map { RuleJSON($0, language: e.language) }
            findings = FindingsJSON(evaluation: e)
            evidenceGaps = e.evidenceGaps.map { result in
                let rule = e.rule(of: result)
                return GapJSON(
                    rule: rule.id, subject: result.subject, status: result.status, fact: result.missingFact ?? "",
                    evidence: rule.evidence?.resolved(e.language), location: Location(result.location))
            }
            plannedWork = e.plannedWork
            waivers = WaiversJSON(e.waivers)
            parameters = Dictionary(e.parameters.map { ($0.name, JSONValue($0.value)) }, uniquingKeysWith: { _, last in last })
            overrides = e.overrides.map(OverrideJSON.init)
            warnings = e.inputWarnings.map(WarningJSON.init)
        }
    }

    /// A warning about the inputs: its code, message, notes and place.
    struct WarningJSON: Encodable {
        var code: String
        var message: String
        var notes: [String]
        var location: Location?

        init(_ warning: Diagnostic) {
            code = warning.code
            message = warning.message
            notes = warning.notes.map(\.message)
            location = Location(warning.span?.start)
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
        var scope: [String: [String]]
        var moved: [PhasePlan.MovedItem]?
        var followOn: String?
        var splitFrom: String?
        var dependsOn: [String]
        var deferredBecause: [Reason]?
        var deferredDependencies: [String]?
        var conditions: [Reason]?
        var status: ReadinessStatus?
        var emptied: Bool?
        var conflicts: [PlanConflict]?
        var expiringWaivers: [ExpiringWaiver]?

        /// The scope as an object of kind → items (a kind given twice keeps its last items).
        static func scope(_ entries: [Phase.ScopeEntry]) -> [String: [String]] {
            Dictionary(entries.map { ($0.kind, $0.items) }, uniquingKeysWith: { _, last in last })
        }
    }

    struct PlanJSON: Encodable {
        var original: [PhaseJSON]
        var planned: [PhaseJSON]
        var projectWide: [Reason]
        var unplacedItems: [RuleResult.AffectedItem]
        var prerequisites: [Prerequisite]

        init(_ plan: PhasePlan) {
            original = plan.original.map {
                PhaseJSON(name: $0.name, start: $0.start, end: $0.end, scope: PhaseJSON.scope($0.scope), dependsOn: $0.dependsOn)
            }
            planned = plan.planned.map {
                PhaseJSON(
                    name: $0.name, start: $0.start, end: $0.end, decision: $0.decision.rawValue,
                    scope: PhaseJSON.scope($0.scope), moved: $0.moved, followOn: $0.followOn, splitFrom: $0.splitFrom,
                    dependsOn: $0.dependsOn, deferredBecause: $0.deferredBecause,
                    deferredDependencies: $0.deferredDependencies, conditions: $0.conditions, status: $0.status,
                    emptied: $0.isEmptied, conflicts: $0.conflicts, expiringWaivers: $0.expiringWaivers)
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

    struct WaiversJSON: Encodable {
        var applied: [ReportWaiver]
        var expired: [ReportWaiver]
        var unused: [ReportWaiver]

        init(_ r: WaiverReport) {
            applied = r.applied.map { ReportWaiver($0.waiver, count: $0.count) }
            expired = r.expired.map { ReportWaiver($0) }
            unused = r.unused.map { ReportWaiver($0) }
        }
    }

    struct FindingJSON: Encodable {
        /// What a summary reads back: rule, status, severity, action, category, subject, message
        /// and location.
        var finding: AssessmentSummary.Finding
        var index: Int?
        var missingFact: String?
        var affects: [RuleResult.AffectedItem]
        var waiver: ReportWaiver?
        var whatItTakes: WhatItTakesJSON?

        /// Spelled as the direct writer (`writeJSON`) spells them, whatever the encoder's strategy.
        enum CodingKeys: String, CodingKey {
            case rule, status, severity, action, category, subject, index, message, location, affects, waiver
            case missingFact = "missing_fact"
            case whatItTakes = "what_it_takes"
        }

        init(_ r: RuleResult, _ e: Evaluation, whatItTakes: WhatItTakes?) {
            let rule = e.rule(of: r)
            self.init(r, of: rule, title: rule.title.resolved(e.language), whatItTakes: whatItTakes)
        }

        /// A finding of `rule`, whose title in the report's language is `title`.
        init(_ r: RuleResult, of rule: Rule, title: String, whatItTakes: WhatItTakes?) {
            finding = AssessmentSummary.Finding(r, of: rule, title: title)
            index = r.index
            missingFact = r.missingFact
            affects = r.affected
            waiver = r.waiver.map { ReportWaiver($0) }
            self.whatItTakes = whatItTakes.map(WhatItTakesJSON.init)
        }

        func encode(to encoder: any Encoder) throws {
            if let tree = encoder as? TreeEncoder, waiver == nil {
                tree.node.kind = .direct(self)
                return
            }
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(finding.rule, forKey: .rule)
            try c.encode(finding.status, forKey: .status)
            try c.encode(finding.severity, forKey: .severity)
            try c.encode(finding.action, forKey: .action)
            try c.encode(finding.category, forKey: .category)
            try c.encode(finding.subject, forKey: .subject)
            try c.encode(index, forKey: .index)
            try c.encode(finding.message, forKey: .message)
            try c.encode(finding.location, forKey: .location)
            try c.encodeIfPresent(missingFact, forKey: .missingFact)
            try c.encode(affects, forKey: .affects)
            try c.encodeIfPresent(waiver, forKey: .waiver)
            try c.encodeIfPresent(whatItTakes, forKey: .whatItTakes)
        }
    }

    /// The findings, written straight from the results; a long list is written in chunks on
    /// all cores and spliced in order.
    struct FindingsJSON: Encodable, DirectJSONWritable {
        let evaluation: Evaluation
        /// Indices of the results that are findings.
        let indices: [Int]

        init(evaluation: Evaluation) {
            self.evaluation = evaluation
            indices = evaluation.findingIndices
        }

        /// Lists at least this long are written on several cores.
        static let parallelThreshold = 4096

        func encode(to encoder: any Encoder) throws {
            if let tree = encoder as? TreeEncoder {
                tree.node.kind = .direct(self)
                return
            }
            var c = encoder.unkeyedContainer()
            for i in indices { try c.encode(FindingJSON(evaluation.results[i], evaluation, whatItTakes: evaluation.whatItTakes[i])) }
        }

        func writeJSON(into w: inout JSONWriter, depth: Int) {
            let rules = evaluation.rules.map(\.rule)
            let titles = rules.map { $0.title.resolved(evaluation.language) }
            let results = evaluation.results
            let indices = indices
            let whatItTakes = evaluation.whatItTakes
            w.writeArray(count: indices.count, depth: depth, inParallel: indices.count >= Self.parallelThreshold) { local, k in
                let result = results[indices[k]]
                let finding = FindingJSON(
                    result, of: rules[result.ruleIndex], title: titles[result.ruleIndex], whatItTakes: whatItTakes[indices[k]])
                if finding.waiver == nil {
                    finding.writeJSON(into: &local, depth: depth + 1)
                } else {
                    // Waived findings (few) go through the tree.
                    local.writeEncoded(finding, depth: depth + 1)
                }
            }
        }
    }

    struct GapJSON: Encodable {
        var rule: String
        var subject: String?
        /// `unknown` (a fact missing) or `error` (the rule could not be evaluated).
        var status: ResultStatus
        var fact: String
        var evidence: String?
        var location: Location?
    }

    struct PortfolioSummary: Encodable {
        var count: Int
        var verdicts: [String: Int]
        var worstVerdict: String
        var statuses: [String: Int]
        var averageReadiness: Double

        init(_ evaluations: [Evaluation]) {
            count = evaluations.count
            var verdicts: [String: Int] = [:]
            for v in Verdict.allCases { verdicts[v.rawValue] = 0 }
            for e in evaluations { verdicts[e.verdict.rawValue, default: 0] += 1 }
            self.verdicts = verdicts
            worstVerdict = (evaluations.map(\.verdict).max() ?? .go).rawValue
            var statuses: [String: Int] = [:]
            for status in ReadinessStatus.allCases { statuses[status.rawValue] = 0 }
            for e in evaluations { statuses[e.status.rawValue, default: 0] += 1 }
            self.statuses = statuses
            let total = evaluations.reduce(0.0) { $0 + $1.scores.overall.readiness }
            averageReadiness = evaluations.isEmpty ? 0 : (total / Double(evaluations.count) * 10).rounded() / 10
        }
    }
}

extension JSONReporter.FindingJSON: DirectJSONWritable {
    /// The same JSON the `Encodable` form gives (keys sorted), written without the tree.
    func writeJSON(into w: inout JSONWriter, depth: Int) {
        w.writeObject(depth: depth) { w in
            w.key("action", first: true, depth: depth)
            w.writeString(finding.action.rawValue)
            w.key("affects", first: false, depth: depth)
            writeAffects(into: &w, depth: depth + 1)
            w.key("category", first: false, depth: depth)
            w.writeString(finding.category)
            w.key("index", first: false, depth: depth)
            if let index { w.writeInt(index) } else { w.append("null" as StaticString) }
            w.key("location", first: false, depth: depth)
            if let location = finding.location {
                w.writeObject(depth: depth + 1) { w in
                    w.key("column", first: true, depth: depth + 1)
                    w.writeInt(location.column)
                    w.key("file", first: false, depth: depth + 1)
                    w.writeString(location.file)
                    w.key("line", first: false, depth: depth + 1)
                    w.writeInt(location.line)
                }
            } else {
                w.append("null" as StaticString)
            }
            w.key("message", first: false, depth: depth)
            w.writeString(finding.message)
            if let missingFact {
                w.key("missing_fact", first: false, depth: depth)
                w.writeString(missingFact)
            }
            w.key("rule", first: false, depth: depth)
            w.writeString(finding.rule)
            w.key("severity", first: false, depth: depth)
            w.writeString(finding.severity.rawValue)
            w.key("status", first: false, depth: depth)
            w.writeString(finding.status.rawValue)
            w.key("subject", first: false, depth: depth)
            w.optionalString(finding.subject)
            if let whatItTakes {
                w.key("what_it_takes", first: false, depth: depth)
                w.writeEncoded(whatItTakes, depth: depth + 1)
            }
        }
    }

    /// The `affects` list, each item `{item, kind}`.
    private func writeAffects(into w: inout JSONWriter, depth: Int) {
        guard !affects.isEmpty else { return w.append("[]" as StaticString) }
        w.append(byte: UInt8(ascii: "["))
        for (i, item) in affects.enumerated() {
            if i > 0 { w.append(byte: UInt8(ascii: ",")) }
            w.newline(depth + 1)
            w.writeObject(depth: depth + 1) { w in
                w.key("item", first: true, depth: depth + 1)
                w.writeString(item.item)
                w.key("kind", first: false, depth: depth + 1)
                w.writeString(item.kind)
            }
        }
        w.newline(depth)
        w.append(byte: UInt8(ascii: "]"))
    }
}
