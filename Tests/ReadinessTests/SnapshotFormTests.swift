import Readiness
import SourceDiagnostics
import StrictYAML
import Testing

/// `readiness init` writes a form, not an example: every fact the rulesets read, left unknown;
/// `check` runs on it as written and finds nothing assessed.
@Suite struct SnapshotFormTests {
    let harness = Harness()

    static let selections: [[String]] = [[], ["network"], ["staffing", "training"], ["governance"]]

    @Test("the form validates, evaluates without errors, and leaves every rule unassessed", arguments: selections)
    func formIsUnassessed(_ rulesets: [String]) throws {
        let catalog = try harness.catalog(rulesets)
        let text = SnapshotForm.make(for: catalog)
        let snapshot = try harness.snapshots.load(bytes: Array(text.utf8), file: "form.yaml")
        let problems = SnapshotValidator(for: catalog, isStrict: true).validate(snapshot.document)
        #expect(problems.isEmpty, "\(problems.map(\.description))")
        var options = EvaluationOptions()
        options.asOf = CalendarDate.parse("2026-11-30")
        let evaluation = try harness.engine.evaluate(catalog, against: snapshot, options: options).evaluation
        let assessed = evaluation.results.filter { ![.unknown, .notApplicable].contains($0.status) }
        #expect(assessed.isEmpty, "\(assessed.map { "\(evaluation.rules[$0.ruleIndex].rule.id): \($0.status)" })")
        #expect(evaluation.results.contains { $0.status == .unknown })
    }

    @Test("the form starts with the editor's schema line and names types and units")
    func formText() throws {
        let text = SnapshotForm.make(for: try harness.catalog(["network"]))
        #expect(text.hasPrefix("# yaml-language-server: $schema=snapshot.schema.json\n"))
        #expect(text.contains("  sites: ~  # list: Every site with users; one entry per element:\n"))
        #expect(text.contains("#    wan_mbps: ~  # number, Mbps: WAN bandwidth from the site to the data centre"))
        #expect(!text.contains("staffing:"))
        // No rule reads project.start, but it decides feasibility against go-live review.
        #expect(text.contains("\n  start: ~  # date (YYYY-MM-DD): The project's kick-off"))
    }

    @Test("the form leaves the phase plan unknown, so a rule over the phases asks for it instead of passing on none")
    func phasesUnknown() throws {
        let catalog = try harness.catalog(["deployment"])
        let text = SnapshotForm.make(for: catalog)
        #expect(text.contains("\nphases: ~  #"))
        let snapshot = try harness.snapshots.load(bytes: Array(text.utf8), file: "form.yaml")
        let evaluation = try harness.engine.evaluate(catalog, against: snapshot).evaluation
        let overPhases = evaluation.results.filter { evaluation.rules[$0.ruleIndex].rule.iteration?.list.source == "phases" }
        #expect(!overPhases.isEmpty)
        #expect(overPhases.allSatisfy { $0.status == .unknown && $0.missingFact == "phases" })
    }

    @Test("a custom ruleset's declared facts are in the form")
    func customFacts() throws {
        let text = SnapshotForm.make(for: try harness.catalog([Paths.fixture("typed/custom-facts.yaml")]))
        #expect(text.contains("security:\n  pentest:\n    passed: ~  # true or false: External penetration test passed\n"))
        #expect(text.contains("  findings: ~  # list"))
    }
}
