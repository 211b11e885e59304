import CEL
public import SourceDiagnostics
public import StrictYAML

extension Engine {
    /// What a rule's expressions see: the snapshot's facts, `params` and `as_of`, and with a
    /// rule and subject, the rule's `for_each` variable bound to that element.
    public struct Scope: Sendable {
        /// The global variables.
        public var globals: ValueMap
        /// The local variable names (the `for_each` variable), in slot order.
        public var locals: [String]
        /// Their values, parallel to `locals`.
        public var localValues: [Value]
        /// The evaluation date in force, when there is one.
        public var asOf: Timestamp?
    }

    /// The variables rules see for a snapshot, built exactly as evaluation builds them
    /// (parameters: ruleset defaults < snapshot `params` < command line).
    /// - Parameters:
    ///   - ruleID: A rule whose `for_each` variable to bind (with `subject`).
    ///   - subject: The element to bind, as findings name it (`Plant North`, `#2`).
    /// - Throws: `DiagnosticError` for a bad parameter, an unknown rule or subject.
    public func scope(
        for catalog: RuleCatalog, snapshot: Snapshot, options: EvaluationOptions = EvaluationOptions(),
        ruleID: String? = nil, subject: String? = nil
    ) throws(DiagnosticError) -> Scope {
        var diagnostics = DiagnosticCollector()
        let (catalog, calibration) = catalog.applying(snapshot.ruleOverrides)
        diagnostics.append(contentsOf: calibration)
        let parameters = Self.resolveParameters(catalog, snapshot: snapshot, options: options, into: &diagnostics)
        try diagnostics.throwIfErrors()
        let asOf = options.asOf ?? snapshot.asOf
        let globals = Self.globals(snapshot: snapshot, parameters: parameters, asOf: asOf)
        var scope = Scope(globals: globals, locals: [], localValues: [], asOf: asOf)
        guard let ruleID else { return scope }
        guard let index = catalog.rules.firstIndex(where: { $0.id == ruleID }) else {
            throw DiagnosticError(.error("eval.unknown-rule", "no loaded ruleset defines rule '\(ruleID)'", at: nil))
        }
        let rule = catalog.rules[index]
        scope.globals = RuleRun.binding(rule.parameterBindings, into: globals)
        guard let iteration = rule.iteration else {
            if subject != nil {
                throw DiagnosticError(.error("eval.no-subjects", "rule '\(ruleID)' has no for_each, so it has no subjects", at: nil))
            }
            return scope
        }
        let run = RuleRun(
            cel: cel, snapshot: snapshot, globals: globals, language: options.language, waivers: [], asOf: asOf)
        guard case .elements(let elements, _) = run.subjects(of: rule, index: index) else {
            throw DiagnosticError(.error(
                "eval.no-subjects", "the for_each list of rule '\(ruleID)' ('\(iteration.list.source)') cannot be read from this snapshot",
                at: nil))
        }
        let evaluator = CELEvaluator(cel, activation: CELActivation(globals: globals, locals: [.null]))
        var names: [String] = []
        for (i, element) in elements.enumerated() {
            evaluator.setLocal(0, to: element)
            let name = run.subject(rule, RuleRun.Element(evaluator: evaluator, value: element, index: i, position: nil)) ?? "#\(i)"
            if name == subject || (subject == nil && i == 0) {
                scope.locals = [iteration.variable]
                scope.localValues = [element]
                return scope
            }
            names.append(name)
        }
        var notes: [Diagnostic.Note] = []
        if let subject, let guess = EditDistance.suggestion(for: subject, among: names) {
            notes.append(.init(message: "did you mean '\(guess)'?"))
        } else if !names.isEmpty {
            notes.append(.init(message: "subjects: \(names.prefix(20).joined(separator: ", "))"))
        }
        throw DiagnosticError(.error(
            "eval.unknown-subject", "rule '\(ruleID)' has no subject '\(subject ?? "")'", at: nil, notes: notes))
    }
}
