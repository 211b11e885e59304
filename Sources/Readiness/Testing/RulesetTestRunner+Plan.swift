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
        guard let phases = reader.mapping("phases", expected: "a mapping from phase name to decision", into: &diagnostics) else {
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

extension RulesetTestRunner {
    /// The case's expectations of the words: `messages: {RULE: TEXT}` (some finding of the rule
    /// says TEXT) or `{RULE: {SUBJECT: TEXT}}`, in the case's `lang`.
    static func compareMessages(
        _ reader: MappingReader, with evaluation: Evaluation, into diagnostics: inout DiagnosticCollector
    ) -> [Mismatch] {
        guard let expectations = reader.mapping("messages", expected: "a mapping from rule id to text", into: &diagnostics) else {
            return []
        }
        var mismatches: [Mismatch] = []
        for i in 0..<expectations.count {
            guard case .string(let ruleID) = expectations.keys[i] else { continue }
            let here = expectations.valuePosition(at: i).map { SourceLocation(file: reader.file, position: $0) } ?? reader.location
            guard let ruleIndex = evaluation.rules.firstIndex(where: { $0.rule.id == ruleID }) else {
                diagnostics.append(.error("test.unknown-rule", "the case expects rule '\(ruleID)', which the loaded rulesets do not define", at: here))
                continue
            }
            let findings = evaluation.findings.filter { $0.ruleIndex == ruleIndex }
            var wanted: [(subject: String?, text: String)] = []
            switch expectations.values[i] {
            case .string(let text): wanted = [(nil, text)]
            case .map(let bySubject):
                for k in 0..<bySubject.count {
                    if case .string(let text) = bySubject.values[k] { wanted.append((bySubject.keys[k].stringValue, text)) }
                }
            default:
                diagnostics.append(RulesetDiagnostics.wrongType(ruleID, expected: "text, or a mapping from subject to text", found: expectations.values[i], at: here))
            }
            for (subject, text) in wanted {
                let messages = findings.filter { subject == nil || $0.subject == subject }.compactMap(\.message)
                if !messages.contains(where: { $0.contains(text) }) {
                    mismatches.append(Mismatch(
                        rule: ruleID, subject: subject, expected: "a message with '\(text)'",
                        actual: messages.first.map { "'\($0)'" } ?? "no finding"))
                }
            }
        }
        return mismatches
    }
}
