import Foundation
import CEL
import Readiness
import Reporting
import SourceDiagnostics
import Testing

/// Bad data in lists large enough to be split across cores: every element's status (error,
/// unknown, fail, pass) is the same as in a serial run. Run under `--sanitize=thread` too.
@Suite struct ParallelEvaluationTests {
    static let ruleset = """
        ruleset: parallel
        title: Parallel hardening
        version: 1.0.0
        rules:
          - id: PAR-DIVIDE
            title: Divides by each server's memory
            category: environment
            severity: high
            for_each: s in environment.servers
            check: 1024 / s.ram_gb <= 64
            message: "{{s.name}}: {{1024 / s.ram_gb}}"
            action: mitigate
          - id: PAR-COST
            title: Spends the step budget on some servers
            category: environment
            severity: high
            for_each: s in environment.servers
            check: s.ram_gb != 7 || environment.servers.all(a, true)
            message: "{{s.name}}"
            action: mitigate
        """

    /// 10,000 servers: every 7th has no memory figure (unknown), every 11th has 0 (division by
    /// zero), every 13th has 7 (the step budget runs out), the others pass or fail.
    static let snapshotText: String = {
        var text = "project: {name: Parallel, as_of: '2027-05-17'}\nenvironment:\n  servers:\n"
        for i in 0..<10_000 {
            if i % 7 == 0 {
                text += "    - {name: s\(i)}\n"
            } else {
                let ram = i % 11 == 0 ? 0 : i % 13 == 0 ? 7 : 8 + i % 64
                text += "    - {name: s\(i), ram_gb: \(ram)}\n"
            }
        }
        return text
    }()

    /// The evaluation of the snapshot on one core and on several.
    static func evaluate(parallelism: Int) throws -> Evaluation {
        let catalog = try RulesetLoader().load(text: ruleset, file: "parallel.yaml")
        let snapshot = try SnapshotLoader().load(bytes: Array(snapshotText.utf8), file: "snapshot.yaml")
        let engine = Engine(cel: CELEnvironment(limits: CELLimits(maxSteps: 5_000)))
        var options = EvaluationOptions()
        options.parallelism = parallelism
        return try engine.evaluate(catalog, against: snapshot, options: options).evaluation
    }

    /// Each run once, shared by the tests.
    static let serialRun = Result { try evaluate(parallelism: 1) }
    static let parallelRun = Result { try evaluate(parallelism: 4) }

    @Test("a parallel run gives every element the serial run's status")
    func parallelMatchesSerial() throws {
        let one = try Self.serialRun.get()
        let many = try Self.parallelRun.get()
        func statuses(_ evaluation: Evaluation) -> [String] {
            evaluation.results.map { "\($0.ruleIndex)/\($0.index ?? -1)/\($0.status.rawValue)/\($0.message ?? "")" }
        }
        #expect(statuses(one) == statuses(many))
        #expect(one.rules.map(\.counts) == many.rules.map(\.counts))
        let divide = try #require(one.rules.first { $0.rule.id == "PAR-DIVIDE" }).counts
        #expect(divide.unknown == 1_429)
        #expect(divide.error > 0 && divide.pass > 0)
        let cost = try #require(one.rules.first { $0.rule.id == "PAR-COST" }).counts
        #expect(cost.error > 0)
    }

    @Test(
        "the findings the engine notes while judging are the results that are findings, and a change to the results drops the note",
        arguments: [1, 4])
    func findingIndices(parallelism: Int) throws {
        var evaluation = try (parallelism == 1 ? Self.serialRun : Self.parallelRun).get()
        let scanned = { (e: Evaluation) in e.results.indices.filter { e.results[$0].status.isFinding } }
        #expect(evaluation.findingIndices == scanned(evaluation))
        #expect(evaluation.findingIndices.count > 1_000 && evaluation.findingIndices.count < evaluation.results.count)
        let pass = try #require(evaluation.results.firstIndex { $0.status == .pass })
        evaluation.results[pass].status = .fail
        #expect(evaluation.findingIndices.contains(pass))
        #expect(evaluation.findingIndices == scanned(evaluation))
    }

    @Test(
        "a large evaluation's report comes in several pieces that join to the text, the same from a serial or parallel run",
        arguments: [ReportFormat.json, .sarif, .junit])
    func reportPieces(_ format: ReportFormat) throws {
        let evaluation = try Self.parallelRun.get()
        let one = try Self.serialRun.get()
        let reporter = format.makeReporter()
        let pieces = try reporter.renderPieces([evaluation], context: ReportContext())
        #expect(pieces.pieces.count > 2)
        let text = try reporter.render([evaluation], context: ReportContext())
        #expect(pieces.text == text)
        #expect(try reporter.render([one], context: ReportContext()) == text)
        #expect(text.hasSuffix(">\n") || text.hasSuffix("}\n"))
        let findings = evaluation.results.filter { $0.status.isFinding }.count
        switch format {
        case .sarif:
            let log = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            let runs = try #require(log["runs"] as? [[String: Any]])
            #expect((runs.first?["results"] as? [Any])?.count == findings)
        case .junit:
            #expect(text.components(separatedBy: "<testcase ").count - 1 == evaluation.results.count)
        default:
            let report = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            #expect((report["findings"] as? [Any])?.count == findings)
        }
        // A portfolio: each snapshot's pieces as they were rendered, between a head and a tail.
        let portfolio = try reporter.renderPieces([evaluation, one], context: ReportContext())
        #expect(try portfolio.text == reporter.render([evaluation, one], context: ReportContext()))
        if format == .json {
            let each = try [evaluation, one].map { try reporter.renderPieces([$0], context: ReportContext()).pieceCount }
            #expect(portfolio.pieceCount == 2 + each[0] + each[1])
            #expect(each[0] > 2)
            let parsed = try #require(try JSONSerialization.jsonObject(with: Data(portfolio.text.utf8)) as? [String: Any])
            #expect((parsed["snapshots"] as? [Any])?.count == 2)
        }
    }
}
