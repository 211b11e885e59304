public import CEL
public import SourceDiagnostics
import StrictYAML

/// Evaluates a rule catalog against snapshots and turns the results into scores, a verdict and
/// a phase plan.
///
/// ```swift
/// let engine = Engine()
/// let evaluation = try engine.evaluate(catalog, against: snapshot)
/// ```
public struct Engine: Sendable {
    /// The CEL environment (its limits bound every evaluation).
    public var cel: CELEnvironment

    /// Creates an engine.
    public init(cel: CELEnvironment = CELEnvironment()) {
        self.cel = cel
    }

    /// Evaluates every rule of the catalog against one snapshot.
    /// - Returns: the evaluation, and warnings (such as a missing evaluation date).
    /// - Throws: `DiagnosticError` for input errors the rules cannot be run with (a bad
    ///   `--param`, say).
    public func evaluate(
        _ catalog: RuleCatalog, against snapshot: Snapshot, options: EvaluationOptions = EvaluationOptions()
    ) throws(DiagnosticError) -> (evaluation: Evaluation, warnings: [Diagnostic]) {
        var diagnostics = DiagnosticCollector()
        // The snapshot's own calibration of the rules, on top of the rulesets'.
        let (catalog, calibration) = catalog.applying(snapshot.ruleOverrides)
        diagnostics.append(contentsOf: calibration)
        let parameters = Self.resolveParameters(catalog, snapshot: snapshot, options: options, into: &diagnostics)
        let asOf = options.asOf ?? snapshot.asOf
        Self.checkWaiverHorizon(snapshot.waivers + options.waivers, asOf: asOf, maxDays: options.maxWaiverDays, into: &diagnostics)
        Self.checkWaiverRules(snapshot.waivers + options.waivers, catalog: catalog, into: &diagnostics)
        try diagnostics.throwIfErrors()
        if asOf == nil {
            diagnostics.append(Diagnostic(
                severity: .warning, code: "snapshot.no-as-of",
                message: "no evaluation date: set project.as_of in the snapshot; rules that read as_of will be unknown",
                span: SourceSpan(SourceLocation(file: snapshot.file, line: 1, column: 1)),
                notes: [.init(message: "or give the evaluation date when evaluating", setting: "asOf")]))
        }
        let globals = Self.globals(snapshot: snapshot, parameters: parameters, asOf: asOf)
        var cel = self.cel
        if let limit = cel.limits.maxRunSteps { cel.runBudget = CELRunBudget(limit: limit) }
        var run = RuleRun(
            cel: cel, snapshot: snapshot, globals: globals, language: options.language,
            waivers: snapshot.waivers + options.waivers, asOf: asOf)
        run.parallelism = options.parallelism
        let rules = catalog.rules
        let counts = run.evaluate(rules)
        if let budget = cel.runBudget, budget.isExhausted {
            throw DiagnosticError(Self.runBudgetExceeded(budget, rules: rules, results: run.results, snapshot: snapshot))
        }
        let summaries = rules.indices.map { RuleSummary(rule: rules[$0], counts: counts[$0]) }
        run.countWaiverUse()
        var evaluation = Evaluation(
            snapshot: snapshot,
            asOf: asOf.map(CalendarDate.format) ?? "",
            language: options.language,
            isStrict: options.isStrict,
            rules: summaries,
            results: run.results,
            scores: Scores(overall: .init(name: "overall", readiness: 0, coverage: 0, counts: StatusCounts(), exposure: 0), categories: [], riskMatrix: [], exposure: 0),
            verdict: .go,
            decidedBy: [],
            plan: PhasePlan(original: snapshot.phases, planned: [], projectWide: [], unplacedItems: [], prerequisites: []),
            waivers: run.waiverReport(),
            parameters: parameters,
            inputs: catalog.rulesets.map { InputFile(path: $0.file, kind: "ruleset", sha256: $0.sha256) }
                + [InputFile(path: snapshot.file, kind: "snapshot", sha256: snapshot.sha256)])
        evaluation.overrides = catalog.overrides
        evaluation.knownFindingIndices = run.findingIndices
        evaluation.notDueIndices = run.notDueIndices
        evaluation.calendar = run.calendar
        for ruleset in catalog.rulesets {
            if let title = ruleset.title { evaluation.categoryTitles[ruleset.id] = title }
        }
        Decision.decide(&evaluation)
        if options.findsWhatItTakes {
            evaluation.whatItTakes = Remediation(run: run, rules: rules).whatItTakes(
                evaluation.results, indices: evaluation.findingIndices, parallelism: options.parallelism)
        }
        return (evaluation, diagnostics.diagnostics)
    }

    /// The parameters in force: declared values, then the snapshot's `params`, then the
    /// command line's, each of the type its ruleset declared (see `Parameter.typed`): a value of
    /// another type, or a number that is not finite, is an error at the place it was given.
    static func resolveParameters(
        _ catalog: RuleCatalog, snapshot: Snapshot, options: EvaluationOptions,
        into diagnostics: inout DiagnosticCollector
    ) -> [Parameter] {
        var parameters = catalog.parameters
        let declared = parameters.map(\.name)
        func apply(_ name: String, _ value: Value, _ location: SourceLocation?, isCommandLine: Bool) {
            guard let i = parameters.firstIndex(where: { $0.name == name }) else {
                diagnostics.append(RulesetDiagnostics.unknownParameter(
                    name, declared: declared, at: location, severity: isCommandLine ? .error : .warning))
                return
            }
            guard let typed = parameters[i].typed(value) else {
                diagnostics.append(RulesetDiagnostics.parameterType(
                    name, expected: parameters[i].typeDescription, rulesetID: parameters[i].rulesetID,
                    found: value, at: location))
                return
            }
            parameters[i].value = typed
            parameters[i].location = location
        }
        for (name, value, location) in snapshot.parameterOverrides {
            apply(name, value, location, isCommandLine: false)
        }
        for (name, value) in options.parameters {
            apply(name, value, nil, isCommandLine: true)
        }
        return parameters
    }

    /// The error that ends a run whose rules spent the run's step budget: at the first
    /// expression that found it spent.
    static func runBudgetExceeded(
        _ budget: CELRunBudget, rules: [Rule], results: [RuleResult], snapshot: Snapshot
    ) -> Diagnostic {
        let first = results.first { $0.errorMessage?.contains("the run exceeded its budget") == true }
        let location = first.map { rules[$0.ruleIndex].location } ?? SourceLocation(file: snapshot.file, line: 1, column: 1)
        return .error(
            "cel.run-budget",
            "evaluating the rules against '\(snapshot.file)' exceeded the run's budget of \(budget.limit) steps"
                + (first.map { " (first in rule \(rules[$0.ruleIndex].id): \($0.message ?? ""))" } ?? ""),
            at: location,
            notes: [.init(message: "the snapshot or a rule does more work than a readiness check should; raise the run's step budget if it is genuine", setting: "maxRunSteps")])
    }

    /// Warns of each waiver whose rule no loaded ruleset defines (a typo waives nothing; a
    /// waivers file shared by several ruleset selections may name rules not loaded now).
    static func checkWaiverRules(_ waivers: [Waiver], catalog: RuleCatalog, into diagnostics: inout DiagnosticCollector) {
        guard !waivers.isEmpty else { return }
        let known = Set(catalog.rules.map(\.id))
        for waiver in waivers where !known.contains(waiver.ruleID) {
            diagnostics.append(RulesetDiagnostics.waiverOfUnknownRule(waiver.ruleID, known: Array(known), at: waiver.location))
        }
    }

    /// Reports each waiver that expires more than `maxDays` after the evaluation date.
    static func checkWaiverHorizon(
        _ waivers: [Waiver], asOf: Timestamp?, maxDays: Int, into diagnostics: inout DiagnosticCollector
    ) {
        guard let asOf else { return }
        // The end of the last allowed day (a horizon past year 9999 allows every date).
        let limit = asOf.seconds + Int64(min(max(maxDays, 0), 3_000_000)) * 86_400 + 86_399
        for waiver in waivers where waiver.expiresAt.seconds > limit {
            diagnostics.append(RulesetDiagnostics.waiverTooLong(
                waiver.expires, maxDays: maxDays, asOf: CalendarDate.format(asOf), at: waiver.location))
        }
    }

    /// The variables expressions see: the snapshot's top-level keys, `params` and `as_of`.
    static func globals(snapshot: Snapshot, parameters: [Parameter], asOf: Timestamp?) -> ValueMap {
        var keys: [Value] = []
        var values: [Value] = []
        var positions: [SourcePosition] = []
        if case .map(let root) = snapshot.factRoot {
            for i in 0..<root.count {
                if case .string(let k) = root.keys[i], k == "params" || k == "as_of" { continue }
                keys.append(root.keys[i])
                values.append(root.values[i])
                positions.append(root.keyPosition(at: i) ?? .unknown)
                positions.append(root.valuePosition(at: i) ?? .unknown)
            }
        }
        keys.append(.string("params"))
        values.append(.map(ValueMap(keys: parameters.map { .string($0.name) }, values: parameters.map(\.value))))
        positions.append(.unknown)
        positions.append(.unknown)
        if let asOf {
            keys.append(.string("as_of"))
            values.append(.timestamp(asOf))
            positions.append(.unknown)
            positions.append(.unknown)
        }
        return ValueMap(keys: keys, values: values, entryPositions: positions, position: snapshot.document.rootPosition)
    }
}
