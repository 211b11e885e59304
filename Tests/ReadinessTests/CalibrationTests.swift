import Readiness
import SourceDiagnostics
import StrictYAML
import Testing

/// A client's calibration of the rules (`overrides:` in a ruleset and in a snapshot), the
/// rulesets' `terms`, and `all` for every built-in ruleset.
@Suite struct CalibrationTests {
    let harness = Harness()
    static let client = Paths.fixture("calibration/client.yaml")
    static let snapshot = Paths.fixture("calibration/snapshot.yaml")

    func evaluate(_ rulesets: [String] = [client], options: EvaluationOptions = EvaluationOptions()) throws -> Evaluation {
        try harness.evaluate(rulesets: rulesets, snapshot: Self.snapshot, options: options)
    }

    @Test("a parameter set for one rule changes that rule only")
    func parameterForOneRule() throws {
        let e = try evaluate()
        #expect(e.results(of: "T-SITE-MBPS").map(\.status) == [.pass, .pass])
        // T-HEAD-MBPS reads the same parameter, at its declared value.
        #expect(e.status(of: "T-HEAD-MBPS") == .fail)
        #expect(e.parameters.first { $0.name == "min_mbps" }?.value == .int(10))
    }

    @Test("severity and action change, and the risk defaults follow the severity")
    func severityAndAction() throws {
        let rule = try #require(try harness.catalog([Self.client]).rule(withID: "T-HEAD-MBPS"))
        #expect(rule.severity == .low)
        #expect(rule.action == .warn)
        #expect(rule.likelihood == Severity.low.defaultLikelihood && rule.impact == Severity.low.defaultImpact)
        #expect(rule.appliedOverrides.map(\.summary) == ["severity medium → low; likelihood 3 → 2; impact 3 → 2; action mitigate → warn"])
    }

    @Test("a project-wide rule restricted to a site holds back only the phase with that site")
    func onlySomeSites() throws {
        let e = try evaluate()
        #expect(e.results(of: "T-BASELINE").first?.affected.map { "\($0.kind): \($0.item)" } == ["sites: Mine"])
        let decisions = Dictionary(uniqueKeysWithValues: e.plan.planned.map { ($0.name, $0.decision) })
        #expect(decisions == ["Office": .goWithConditions, "Mine": .defer])
    }

    @Test("a per-site rule restricted to some sites is not applicable at the others")
    func onlyElements() throws {
        var catalog = try harness.catalog([Self.client])
        let override = RuleOverride(
            ruleID: "T-SITE-MBPS", only: [.init(kind: "sites", items: ["Mine"])], reason: "only the mine",
            location: SourceLocation(file: "t", line: 1, column: 1), ruleLocation: SourceLocation(file: "t", line: 1, column: 1),
            origin: "snapshot")
        let (calibrated, problems) = catalog.applying([override])
        #expect(problems.isEmpty)
        catalog = calibrated
        let snapshot = try harness.snapshots.load(contentsOf: Self.snapshot)
        let e = try harness.engine.evaluate(catalog, against: snapshot).evaluation
        #expect(e.results(of: "T-SITE-MBPS").map(\.status) == [.notApplicable, .pass])
    }

    @Test("the snapshot's overrides apply on top of the rulesets' and every report lists them")
    func snapshotOverrides() throws {
        let e = try evaluate()
        #expect(!e.rules.contains { $0.rule.id == "T-ROLE" })
        #expect(e.overrides.map(\.ruleID) == ["T-SITE-MBPS", "T-HEAD-MBPS", "T-BASELINE", "T-ROLE"])
        #expect(e.overrides.map(\.origin) == ["ruleset", "ruleset", "ruleset", "snapshot"])
        #expect(e.overrides.last?.reason == "the client names roles its own way")
    }

    @Test("an override of an unknown rule is an error at its line, with a did-you-mean")
    func unknownRule() throws {
        let diagnostics = Harness.diagnostics { _ = try harness.catalog([Paths.fixture("calibration/misspelt.yaml")]) }
        #expect(diagnostics.map(\.code) == ["override.unknown-rule"])
        #expect(diagnostics.first?.span?.start.line == 5)
        #expect(diagnostics.first?.notes.map(\.message) == ["did you mean 'T-SITE-MBPS'?"])
        let fromSnapshot = Harness.diagnostics {
            _ = try harness.evaluate(rulesets: [Self.client], snapshot: Paths.fixture("calibration/unknown-rule-snapshot.yaml"))
        }
        #expect(fromSnapshot.map(\.code) == ["override.unknown-rule"])
        #expect(fromSnapshot.first?.notes.map(\.message) == ["did you mean 'T-BASELINE'?"])
    }

    @Test("a term reads in the report language")
    func terms() throws {
        let base = Paths.fixture("calibration/base.yaml")
        let catalog = try harness.catalog([base])
        var snapshot = try harness.snapshots.load(contentsOf: Self.snapshot)
        snapshot.ruleOverrides = []
        for (language, text) in [("en", "the project manager is missing"), ("zh", "缺少项目经理")] {
            let e = try harness.engine.evaluate(catalog, against: snapshot, options: EvaluationOptions(language: language)).evaluation
            #expect(e.results(of: "T-ROLE").first?.message == text)
        }
    }

    @Test("all stands for every built-in ruleset")
    func allBuiltins() throws {
        let all = try harness.catalog(["all"])
        let builtins = try harness.catalog([])
        #expect(all.rules.map(\.id) == builtins.rules.map(\.id))
    }
}
