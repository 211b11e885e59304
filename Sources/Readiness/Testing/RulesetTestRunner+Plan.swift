import SourceDiagnostics
import StrictYAML

extension RulesetTestRunner {
    /// The case's expectations of the decision: `verdict: split` and `phases: {Pilot: go,
    /// Wave 1: defer}` (a phase's decision, follow-on phases included by name), so a test can
    /// show that a finding holds back only the phases that hold its site or module.
    static func comparePlan(
        _ reader: MappingReader, with evaluation: Evaluation, into diagnostics: inout DiagnosticCollector
    ) -> [Mismatch] {
        let verdicts = Verdict.allCases.map(\.rawValue)
        var mismatches: [Mismatch] = []
        if let expected = reader.string("verdict", into: &diagnostics) {
            if !verdicts.contains(expected) {
                diagnostics.append(RulesetDiagnostics.invalidEnum(expected, field: "verdict", allowed: verdicts, at: reader.valueLocation("verdict")))
            } else if evaluation.verdict.rawValue != expected {
                mismatches.append(Mismatch(rule: "verdict", subject: nil, expected: expected, actual: evaluation.verdict.rawValue))
            }
        }
        guard let value = reader.value("phases"), value != .null else { return mismatches }
        guard case .map(let phases) = value else {
            diagnostics.append(RulesetDiagnostics.wrongType("phases", expected: "a mapping from phase name to decision", found: value, at: reader.valueLocation("phases")))
            return mismatches
        }
        let sub = MappingReader(phases, file: reader.file, context: "phases")
        for i in 0..<phases.count {
            guard case .string(let name) = phases.keys[i] else { continue }
            guard let expected = sub.string(name, into: &diagnostics) else { continue }
            guard verdicts.contains(expected) else {
                diagnostics.append(RulesetDiagnostics.invalidEnum(expected, field: "phases.\(name)", allowed: verdicts, at: sub.valueLocation(name)))
                continue
            }
            let actual = evaluation.plan.planned.first { $0.name == name }?.decision.rawValue ?? "absent"
            if actual != expected { mismatches.append(Mismatch(rule: "phase", subject: name, expected: expected, actual: actual)) }
        }
        return mismatches
    }
}
