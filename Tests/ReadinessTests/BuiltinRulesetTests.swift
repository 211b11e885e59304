import Foundation
import Readiness
import Testing

@Suite struct BuiltinRulesetTests {
    let harness = Harness()

    @Test("the built-in rulesets load without a single diagnostic")
    func validate() throws {
        let (catalog, warnings) = try harness.loader.load([])
        #expect(warnings.isEmpty)
        #expect(catalog.rulesets.map(\.id) == BuiltinRulesets.names)
        #expect(catalog.rules.count >= 60)
    }

    @Test("every built-in rule has English and Chinese text, a rationale, a recommendation and evidence")
    func bilingual() throws {
        for rule in try harness.catalog([]).rules {
            for text in [rule.title, rule.rationale, rule.recommendation, rule.evidence] {
                #expect(text?.has("en") == true && text?.has("zh") == true, "\(rule.id)")
            }
        }
    }

    @Test("the embedded rulesets are the files in Rulesets/")
    func embedded() throws {
        for (name, bytes) in BuiltinRulesets.all {
            let onDisk = try #require(FileManager.default.contents(atPath: Paths.package("Rulesets/\(name).yaml")))
            #expect([UInt8](onDisk) == bytes, "\(name)")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: Paths.package("Rulesets"))
            .filter { $0.hasSuffix(".yaml") }
            .map { String($0.dropLast(5)) }
        #expect(Set(files) == Set(BuiltinRulesets.names))
    }

    @Test("the ruleset tests in Rulesets/tests pass")
    func rulesetTests() throws {
        let runner = RulesetTestRunner()
        let files = RulesetTestRunner.testFiles(in: [Paths.package("Rulesets/tests")])
        #expect(!files.isEmpty)
        var passed = 0
        for file in files {
            for result in try runner.run(file: file) {
                #expect(result.passed, "\(result.location) \(result.name): \(result.mismatches) \(result.problems)")
                if result.passed { passed += 1 }
            }
        }
        #expect(passed > 0)
    }

    @Test("every built-in rule is tested passing and failing")
    func coverage() throws {
        let catalog = try harness.catalog([])
        var seen: [String: Set<String>] = [:]
        let runner = RulesetTestRunner()
        for file in RulesetTestRunner.testFiles(in: [Paths.package("Rulesets/tests")]) {
            for result in try runner.run(file: file) where result.passed {
                for (rule, status) in result.expectations { seen[rule, default: []].insert(status) }
            }
        }
        for rule in catalog.rules {
            let statuses = seen[rule.id] ?? []
            #expect(statuses.contains("pass"), "\(rule.id) has no passing case")
            #expect(statuses.contains("fail") || statuses.contains("warn"), "\(rule.id) has no failing case")
        }
    }

    @Test(
        "each example gives its documented verdict",
        arguments: [
            ("mining-crm-multisite.yaml", Verdict.split),
            ("small-company-crm.yaml", .goWithConditions),
            ("erp-unrehearsed-migration.yaml", .noGo),
        ])
    func examples(file: String, verdict: Verdict) throws {
        let evaluation = try harness.evaluate(rulesets: [], snapshot: Paths.package("Examples/\(file)"))
        #expect(evaluation.verdict == verdict)
        #expect(evaluation.scores.overall.coverage == 100)
    }

    @Test("the starter snapshot from init evaluates with no unknown facts")
    func starterSnapshot() throws {
        let catalog = try harness.catalog([])
        let text = SnapshotTemplate.make(for: catalog, isBuiltin: true)
        let snapshot = try harness.snapshots.load(bytes: Array(text.utf8), file: "starter.yaml")
        let evaluation = try harness.engine.evaluate(catalog, against: snapshot).evaluation
        #expect(evaluation.results.filter { $0.status == .unknown }.map(\.missingFact) == [])
        #expect(evaluation.results.filter { $0.status == .error }.map(\.message) == [])
    }
}
