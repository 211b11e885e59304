import CEL
import Readiness
import SourceDiagnostics
import StrictYAML

/// The snapshot every ruleset that loads is evaluated against.
let snapshot: Snapshot = {
    let text = """
        project: {name: Fuzz, as_of: '2027-05-17', go_live: '2027-06-07'}
        phases:
          - {name: Pilot, start: '2027-06-07', end: '2027-06-30', depends_on: []}
          - {name: Rollout, start: '2027-07-01', end: '2027-08-30', depends_on: [Pilot]}
        environment:
          servers:
            - {name: app1, role: app, ram_gb: 32, os: rhel9}
            - {name: db1, role: db, ram_gb: 8, os: win2012}
        network:
          sites: [{name: HQ, users: 80, wan_mbps: 100, latency_ms: 20}]
        training: {completion_pct: 75}
        waivers:
          - {rule: ENV-RAM, reason: fuzz, expires: '2027-12-31', approved_by: qa}
        """
    do {
        return try SnapshotLoader().load(bytes: Array(text.utf8), file: "snapshot.yaml")
    } catch {
        fatalError("the fixed snapshot does not load: \(error)")
    }
}()

/// Tighter step budgets than the defaults keep each run short (the run budget is what ends a
/// `for_each` that spends the per-expression budget on every element).
let engine = Engine(cel: CELEnvironment(limits: CELLimits(maxSteps: 200_000, maxRunSteps: 2_000_000)))
let loader = RulesetLoader(cel: engine.cel)

/// Loads the input as a ruleset (every field validated, every expression compiled) and, when it
/// loads, evaluates it against the fixed snapshot.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRuleset(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let catalog: RuleCatalog
    do {
        catalog = try loader.load(text: text, file: "fuzz.yaml")
    } catch {
        precondition(!error.diagnostics.isEmpty, "a DiagnosticError without diagnostics")
        // Diagnostics quote names and lines from the input: never an escape or a bidi control.
        let rendered = DiagnosticRenderer(sourceText: { _ in text }).render(error.diagnostics)
        precondition(
            !rendered.unicodeScalars.contains { $0 == "\u{1B}" || $0.isBidiControl },
            "a control character reached the rendered diagnostics")
        return 0
    }
    do {
        let (evaluation, _) = try engine.evaluate(catalog, against: snapshot)
        _ = evaluation.verdict
    } catch {
        precondition(!error.diagnostics.isEmpty, "a DiagnosticError without diagnostics")
    }
    return 0
}
