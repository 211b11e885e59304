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
        let parameters = Self.resolveParameters(catalog, snapshot: snapshot, options: options, into: &diagnostics)
        try diagnostics.throwIfErrors()
        let asOf = options.asOf ?? snapshot.asOf
        if asOf == nil {
            diagnostics.append(Diagnostic(
                severity: .warning, code: "snapshot.no-as-of",
                message: "no evaluation date: set project.as_of in the snapshot or pass --as-of; rules that read as_of will be unknown",
                span: SourceSpan(SourceLocation(file: snapshot.file, line: 1, column: 1))))
        }
        let globals = Self.globals(snapshot: snapshot, parameters: parameters, asOf: asOf)
        var run = RuleRun(
            cel: cel, snapshot: snapshot, globals: globals, language: options.language,
            isStrict: options.isStrict, waivers: snapshot.waivers + options.waivers, asOf: asOf,
            calendar: ProjectCalendar(snapshot: snapshot, asOf: asOf))
        run.parallelism = options.parallelism
        let rules = catalog.rules
        let counts = run.evaluate(rules)
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
        evaluation.knownFindingIndices = run.findingIndices
        evaluation.notDueIndices = run.notDueIndices
        evaluation.calendar = run.calendar
        for ruleset in catalog.rulesets {
            if let title = ruleset.title { evaluation.categoryTitles[ruleset.id] = title }
        }
        Decision.decide(&evaluation)
        return (evaluation, diagnostics.diagnostics)
    }

    /// The parameters in force: declared values, then the snapshot's `params`, then the
    /// command line's. An integer given where the declared value is a double becomes a double.
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
            var value = value
            if case .double = parameters[i].value, case .int(let n) = value { value = .double(Double(n)) }
            parameters[i].value = value
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

    /// The variables expressions see: the snapshot's top-level keys, `params` and `as_of`.
    static func globals(snapshot: Snapshot, parameters: [Parameter], asOf: Timestamp?) -> ValueMap {
        var keys: [Value] = []
        var values: [Value] = []
        var positions: [SourcePosition] = []
        if case .map(let root) = snapshot.document.root {
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
