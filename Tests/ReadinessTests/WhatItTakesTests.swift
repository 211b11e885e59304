import Foundation
import Readiness
import StrictYAML
import Testing

/// What it takes (docs/what-it-takes.md), verified by construction: every suggested change,
/// made in the snapshot, clears its finding, and the value one step short of it does not.
@Suite struct WhatItTakesTests {
    let harness = Harness()

    static let exampleNames = ["small-company-crm", "mining-crm-multisite", "erp-unrehearsed-migration", "feasibility-regional-erp"]

    /// Re-evaluates the snapshot with one edit and gives the status of the finding's rule for
    /// the same subject.
    func status(
        after value: Value, change: FactChange, result: RuleResult, rule: String, snapshot: Snapshot, catalog: RuleCatalog
    ) throws -> ResultStatus? {
        let edited = try snapshot.editing([SnapshotEdit(steps: change.steps, value: value, path: change.fact)])
        var options = EvaluationOptions()
        options.findsWhatItTakes = false
        let evaluation = try harness.engine.evaluate(catalog, against: edited, options: options).evaluation
        return evaluation.results.first { evaluation.rule(of: $0).id == rule && $0.subject == result.subject && $0.index == result.index }?.status
    }

    /// Checks every suggestion of one snapshot; returns how many were checked.
    func verify(_ snapshot: Snapshot, catalog: RuleCatalog, label: String) throws -> Int {
        let evaluation = try harness.engine.evaluate(catalog, against: snapshot).evaluation
        var checked = 0
        for i in evaluation.findingIndices {
            guard let found = evaluation.whatItTakes[i] else { continue }
            let result = evaluation.results[i]
            let rule = evaluation.rule(of: result).id
            for change in found.changes {
                let after = try status(after: change.value, change: change, result: result, rule: rule, snapshot: snapshot, catalog: catalog)
                #expect(after == .pass, "\(label): \(rule) [\(result.subject ?? "")]: \(change.fact) \(change.from) → \(change.to) gives \(String(describing: after))")
                if let short = change.justShort {
                    let before = try status(after: short, change: change, result: result, rule: rule, snapshot: snapshot, catalog: catalog)
                    #expect(before != .pass, "\(label): \(rule) [\(result.subject ?? "")]: \(change.fact) just short of \(change.to) passes")
                }
                checked += 1
            }
        }
        return checked
    }

    @Test("every suggested change on the examples clears its finding; one step short does not", arguments: exampleNames)
    func examples(_ name: String) throws {
        let catalog = try harness.catalog(BuiltinRulesets.names)
        let snapshot = try harness.snapshots.load(contentsOf: Paths.package("Examples/\(name).yaml"))
        let checked = try verify(snapshot, catalog: catalog, label: name)
        if name != "small-company-crm" { #expect(checked > 0, "\(name) has findings with suggestions") }
    }

    @Test("every suggested change on generated snapshots clears its finding; one step short does not", arguments: [1, 2, 3] as [UInt64])
    func generated(_ seed: UInt64) throws {
        let catalog = try harness.catalog(BuiltinRulesets.names)
        let text = try StandardSnapshotGenerator(preset: .small, seed: seed).yaml()
        let snapshot = try harness.snapshots.load(bytes: Array(text.utf8), file: "generated-\(seed).yaml")
        #expect(try verify(snapshot, catalog: catalog, label: "seed \(seed)") > 10)
    }

    @Test("the mining example: bandwidth, key users and latency, each by the smallest whole number")
    func mining() throws {
        let evaluation = try harness.evaluate(rulesets: BuiltinRulesets.names, snapshot: Paths.package("Examples/mining-crm-multisite.yaml"))
        func changes(_ rule: String, _ subject: String) -> [FactChange] {
            evaluation.findingIndices.first { evaluation.rule(of: evaluation.results[$0]).id == rule && evaluation.results[$0].subject == subject }
                .flatMap { evaluation.whatItTakes[$0]?.changes } ?? []
        }
        let wan = try #require(changes("NET-WAN-PER-USER", "Pit Creek Mine").first)
        #expect(wan.fact == "network.sites[Pit Creek Mine].wan_mbps")
        #expect((wan.from, wan.to, wan.change) == ("4", "11", "+7"))
        #expect(wan.assignment == "network.sites[Pit Creek Mine].wan_mbps=11")
        let keyUsers = try #require(changes("STAFF-KEY-USERS", "Pit Creek Mine / Site Services").first)
        #expect(keyUsers.fact.hasSuffix(".key_users") && keyUsers.from == "1" && keyUsers.to == "2")
    }

    @Test("unknown facts are to be collected; a rule that errors is not evaluable; a pass has nothing")
    func gapsAndErrors() throws {
        let evaluation = try harness.evaluate(rulesets: BuiltinRulesets.names, snapshot: Paths.package("Examples/feasibility-regional-erp.yaml"))
        let gaps = evaluation.findingIndices.filter { evaluation.results[$0].status == .unknown }
        #expect(!gaps.isEmpty)
        for i in gaps {
            let found = try #require(evaluation.whatItTakes[i])
            #expect(found.outcome == .collect)
            #expect(found.collect == [evaluation.results[i].missingFact ?? ""])
        }
        let passes = evaluation.results.indices.filter { evaluation.results[$0].status == .pass }
        #expect(passes.allSatisfy { evaluation.whatItTakes[$0] == nil })
    }

    @Test("a rule needing two facts at once has no single-fact change")
    func twoFacts() throws {
        let catalog = try harness.loader.load(text: """
            ruleset: pair
            rules:
              - id: P-BOTH
                title: Both
                category: plan
                severity: high
                action: block
                check: plan.a && plan.b
            """, file: "pair.yaml")
        let snapshot = try harness.snapshots.load(bytes: Array("project: {as_of: '2027-01-01'}\nplan: {a: false, b: false}\n".utf8), file: "s.yaml")
        let evaluation = try harness.engine.evaluate(catalog, against: snapshot).evaluation
        let i = try #require(evaluation.findingIndices.first)
        #expect(evaluation.whatItTakes[i]?.outcome == .noSingleChange)
    }

    @Test("a whatif path names list elements by name, id or index, and says which exist when it does not")
    func paths() throws {
        let snapshot = try harness.snapshots.load(contentsOf: Paths.package("Examples/mining-crm-multisite.yaml"))
        let edit = try SnapshotEdit.parse("network.sites[Pit Creek Mine].wan_mbps=14", in: snapshot)
        #expect(edit.value == .int(14))
        let edited = try snapshot.editing([edit])
        #expect(FactEdit.value(at: edit.steps, in: edited.document.root) == .int(14))
        let byIndex = try SnapshotEdit.parse("network.sites[0].wan_mbps=1", in: snapshot)
        #expect(byIndex.steps.contains(.index(0)))
        let wrong = Harness.diagnostics { _ = try SnapshotEdit.parse("network.sites[Pit Creek Mne].wan_mbps=14", in: snapshot) }
        #expect(wrong.first?.code == "whatif.bad-path")
        #expect(wrong.first?.notes.first?.message.contains("Pit Creek Mine") == true)
        #expect(Harness.diagnostics { _ = try SnapshotEdit.parse("no equals sign", in: snapshot) }.first?.code == "whatif.bad-assignment")
    }
}
