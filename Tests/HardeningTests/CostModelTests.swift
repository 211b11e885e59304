import Foundation
import Readiness
import SourceDiagnostics
import StrictYAML
import Testing

@testable import CEL

/// The cost model: allocation and search count against the budget, the budget covers the whole
/// run, substring search is linear, and the built-in STAFF-KEY-PERSON is linear in the snapshot.
@Suite struct CostModelTests {
    static func steps(_ source: String, globals: ValueMap = .empty, maxSteps: Int = 10_000_000) -> (CELResult, Int) {
        var cel = CELEnvironment(limits: CELLimits(maxSteps: maxSteps))
        let budget = CELRunBudget(limit: .max)
        cel.runBudget = budget
        let result: CELResult
        do {
            result = cel.evaluate(try cel.compile(source), in: CELActivation(globals: globals))
        } catch {
            Issue.record("\(error)")
            return (.value(.null), 0)
        }
        return (result, budget.spent)
    }

    @Test("a call costs the bytes it allocates: a string joined from a long literal spends its size")
    func allocationCounts() {
        let long = ValueMap(keys: [.string("long")], values: [.string(String(repeating: "x", count: 100_000))])
        let (_, small) = Self.steps("['a'].join('')")
        let (_, large) = Self.steps("[1, 2, 3, 4].map(i, long).join('')", globals: long)
        #expect(small < 10)
        #expect(large > 400_000 / CELCost.bytesPerStep)
    }

    @Test("an expression that allocates gigabytes ends in the budget, not in exhausted memory")
    func memoryBomb() {
        // Each join builds 100 × 50 KB = 5 MB, the outer one 50 MB, three times over: 150 MB
        // from an expression of 200 characters, and a budget of 200,000 steps (12.8 MB) ends it.
        let long = ValueMap(keys: [.string("long")], values: [.string(String(repeating: "y", count: 50_000))])
        let source = "[1,2,3,4,5,6,7,8,9,10].map(i, [1,2,3,4,5,6,7,8,9,10].map(j, long).join('')).join('').size() > 0"
        let (result, _) = Self.steps("\(source) && \(source) && \(source)", globals: long, maxSteps: 200_000)
        guard case .error(let error) = result else {
            Issue.record("expected the budget to end the evaluation, got \(result)")
            return
        }
        #expect(error.kind == .costLimitExceeded)
    }

    @Test("substring search is linear: a needle that almost matches everywhere", arguments: ["contains", "indexOf", "split", "replace", "lastIndexOf"])
    func linearSearch(_ function: String) {
        let text = String(repeating: "a", count: 200_000)
        let needle = String(repeating: "a", count: 20_000) + "b"
        let call: String
        switch function {
        case "replace": call = "t.replace(n, 'x')"
        default: call = "t.\(function)(n)"
        }
        let globals = ValueMap(keys: [.string("t"), .string("n")], values: [.string(text), .string(needle)])
        // Naive search would compare 180,000 × 20,000 scalars; KMP compares about 400,000.
        let finished = Hardening.finishes(within: 120) {
            let (result, _) = Self.steps(call, globals: globals)
            if case .error(let error) = result { Issue.record("\(error)") }
        }
        #expect(finished)
    }

    @Test("substring search agrees with the naive search")
    func searchAgrees() {
        let texts = ["", "a", "abab", "aabaabaaab", "mississippi", "数据数据库"]
        let needles = ["", "a", "ab", "aab", "issi", "ssip", "数据库", "z"]
        for text in texts {
            for needle in needles {
                let t = Array(text.unicodeScalars)
                let n = Array(needle.unicodeScalars)
                let naive = n.isEmpty ? 0 : (t.count >= n.count ? (0...(t.count - n.count)).first { t[$0..<($0 + n.count)].elementsEqual(n) } : nil)
                #expect(SubstringSearch(n).firstIndex(in: t) == naive, "\(needle) in \(text)")
            }
        }
    }

    @Test("the run budget is shared by all rules: a for_each over many elements cannot spend the budget once per element")
    func runWide() throws {
        let ruleset = """
            ruleset: spend
            rules:
              - id: SPEND
                title: spend
                category: spend
                severity: low
                action: mitigate
                for_each: x in items
                check: "[1,2,3,4,5,6,7,8,9,10].map(i, [1,2,3,4,5,6,7,8,9,10].map(j, i * j)).size() > 0"
            """
        let catalog = try RulesetLoader().load(text: ruleset, file: "spend.yaml")
        let items = (0..<2_000).map(String.init).joined(separator: ", ")
        let snapshot = try SnapshotLoader().load(bytes: Array("items: [\(items)]\n".utf8), file: "s.yaml")
        // Each element spends about 120 steps, the run about 240,000: within a per-expression
        // budget of 10,000 every time, but not within a run budget of 100,000.
        let engine = Engine(cel: CELEnvironment(limits: CELLimits(maxSteps: 10_000, maxRunSteps: 100_000)))
        let diagnostics = Hardening.diagnostics { () throws(DiagnosticError) in try engine.evaluate(catalog, against: snapshot) }
        #expect(diagnostics.map(\.code) == ["cel.run-budget"])
        #expect(diagnostics.first?.span?.start.description == "spend.yaml:3:5")
        let roomy = Engine(cel: CELEnvironment(limits: CELLimits(maxSteps: 10_000, maxRunSteps: 10_000_000)))
        #expect(try roomy.evaluate(catalog, against: snapshot).evaluation.rules[0].counts.pass == 2_000)
    }

    @Test("STAFF-KEY-PERSON is linear: 20,000 critical skills × 20,000 members")
    func keyPersonScales() throws {
        let catalog = try RulesetLoader().load(["staffing"]).catalog
        var text = "project: {as_of: '2027-01-01'}\nstaffing:\n  critical_skills: ["
        text += (0..<20_000).map { "s\($0)" }.joined(separator: ", ") + "]\n  members:\n"
        for i in 0..<20_000 { text += "    - {name: m\(i), role: developer, skills: [s\(i), s\((i + 1) % 20_000)]}\n" }
        let snapshot = try SnapshotLoader().load(bytes: Array(text.utf8), file: "big.yaml")
        let budget = 5_000_000
        let engine = Engine(cel: CELEnvironment(limits: CELLimits(maxRunSteps: budget)))
        // Quadratic, the rule alone would spend 20,000 × 20,000 = 400,000,000 steps.
        let evaluation = try engine.evaluate(catalog, against: snapshot).evaluation
        let keyPerson = try #require(evaluation.rules.first { $0.rule.id == "STAFF-KEY-PERSON" })
        #expect(keyPerson.counts.pass == 20_000)
        #expect(keyPerson.counts.error == 0)
    }
}

