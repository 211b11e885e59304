import ArgumentParser
import Foundation
import Readiness
import Reporting
import SourceDiagnostics
import StrictYAML

/// `readiness whatif`: re-evaluates a snapshot with facts changed and shows what changes.
struct WhatIfCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whatif",
        abstract: "Re-evaluate a snapshot with facts changed: what happens to the verdict, phases and findings.",
        discussion: """
            Each --set PATH=VALUE changes one fact: keys separated by dots, list elements by \
            their name (or id, or another field that names exactly one element) or index in \
            brackets, e.g. --set 'network.sites[Pit Creek Mine].wan_mbps=14'. The value is YAML: \
            14, true, '2027-05-01'. --apply-suggestions makes, for every open finding, the first \
            change 'check' suggests under "What it takes" (the largest when several findings move \
            the same fact), then the --set changes. The snapshot file is never modified.

            The output is the change from the snapshot as it is, in the sections of 'readiness \
            diff', after a table of the changes tried.

            Exit status: 0, or 1 with --fail-on when the verdict after the changes is at or \
            worse than it; 2 for bad input or usage.
            """)

    @Argument(help: ArgumentHelp("The snapshot to question.", valueName: "snapshot"))
    var snapshot: String

    @Option(name: .customLong("set"), help: ArgumentHelp("Change a fact (repeatable).", valueName: "path=value"))
    var assignments: [String] = []

    @Flag(help: "Apply every change the check suggests (one per open finding), then the --set changes.")
    var applySuggestions = false

    @OptionGroup var assessment: AssessmentOptions

    @OptionGroup var changeOutput: ChangeOutputOptions

    @Option(help: ArgumentHelp("Fail when the verdict after the changes is at or worse than this.", valueName: "verdict"))
    var failOn: String?

    func validate() throws {
        if let failOn, Verdict(rawValue: failOn) == nil || failOn == Verdict.go.rawValue {
            throw ValidationError("--fail-on must be one of go_with_conditions, split, defer, no_go")
        }
        guard !assignments.isEmpty || applySuggestions else {
            throw ValidationError("give at least one --set PATH=VALUE, or --apply-suggestions")
        }
    }

    func run() throws {
        let limits = assessment.rulesetOptions.limits
        let catalog = try assessment.rulesetOptions.loadCatalog()
        let options = try assessment.evaluationOptions()
        let loader = SnapshotLoader(yaml: limits.yamlLoader)
        let engine = Engine(cel: limits.celEnvironment)
        let (before, after, changes) = try CLI.guarding {
            let original = try loader.load(contentsOf: snapshot)
            let validator = SnapshotValidator(for: catalog, isStrict: options.isStrict)
            let problems = validator.validate(original.document)
            if problems.hasErrors { throw DiagnosticError(problems) }
            let (before, warnings) = try engine.evaluate(catalog, against: original, options: options)
            if !(problems + warnings).isEmpty { CLI.report(problems + warnings) }
            var edits = applySuggestions ? Self.suggestedEdits(before) : []
            for assignment in assignments {
                edits.append(try SnapshotEdit.parse(assignment, in: original, yaml: limits.yamlLoader))
            }
            let changes = edits.map { edit in
                WhatIfChange(
                    fact: edit.path,
                    from: FactEdit.value(at: edit.steps, in: original.document.root).map(Self.text(of:)),
                    to: Self.text(of: edit.value))
            }
            var quiet = options
            quiet.findsWhatItTakes = false
            let edited: Snapshot
            do throws(DiagnosticError) {
                edited = try original.editing(edits, loader: loader)
                try Self.checkEdits(validator.validate(edited.document), against: problems)
            } catch {
                throw Self.blamingEdits(error, edits, in: original)
            }
            let after = try engine.evaluate(catalog, against: edited, options: quiet).evaluation
            return (before, after, changes)
        }
        let diff = AssessmentDiff(from: AssessmentSummary(before), to: AssessmentSummary(after))
        let text = try CLI.guarding {
            try DiffReporter().renderWhatIf(
                diff, changes: changes, format: changeOutput.changeFormat,
                context: ReportContext(language: assessment.lang, basePath: FileManager.default.currentDirectoryPath))
        }
        try CLI.write(text, to: changeOutput.output, protecting: [snapshot])
        if let failOn, let threshold = Verdict(rawValue: failOn), after.verdict >= threshold {
            throw CLI.gateFailed
        }
    }

    /// Refuses changes the snapshot schema does not allow: every problem the edited snapshot
    /// has and the original had not (a wrong type, an unknown fact, a phase naming a site that
    /// is nowhere) is an error of the `--set`, not a warning.
    static func checkEdits(_ problems: [Diagnostic], against original: [Diagnostic]) throws(DiagnosticError) {
        let known = Set(original.map { "\($0.code) \($0.message)" })
        let introduced = problems.filter { !known.contains("\($0.code) \($0.message)") }.map { problem in
            var error = problem
            error.severity = .error
            return error
        }
        if !introduced.isEmpty { throw DiagnosticError(introduced) }
    }

    /// Problems the changes brought, told as problems of the change that brought them, not of
    /// the file: at the changed place the file still holds the old value, so the diagnostic
    /// loses its span and names the `--set` instead.
    static func blamingEdits(_ error: DiagnosticError, _ edits: [SnapshotEdit], in original: Snapshot) -> DiagnosticError {
        let places = edits.map { FactPath.position(of: $0.steps, in: original.document.root) }
        return DiagnosticError(error.diagnostics.map { problem in
            let start = problem.span?.start.position
            let culprit = places.firstIndex { $0 != nil && $0 == start } ?? (edits.count == 1 ? 0 : nil)
            var blamed = problem
            guard let culprit else {
                blamed.notes.append(.init(message: "the snapshot has this problem only with the changes given to whatif"))
                return blamed
            }
            blamed.span = nil
            let edit = edits[culprit]
            blamed.notes.insert(
                .init(message: "from --set \(edit.path)=\(text(of: edit.value)); the snapshot file is unchanged"), at: 0)
            return blamed
        })
    }

    /// One edit per open finding: its first suggested change; when several findings change the
    /// same fact, the change that moves it furthest.
    static func suggestedEdits(_ evaluation: Evaluation) -> [SnapshotEdit] {
        var chosen: [[FactStep]: FactChange] = [:]
        var order: [[FactStep]] = []
        for i in evaluation.findingIndices {
            guard let first = evaluation.whatItTakes[i]?.changes.first else { continue }
            if let current = chosen[first.steps] {
                if distance(first) > distance(current) { chosen[first.steps] = first }
            } else {
                chosen[first.steps] = first
                order.append(first.steps)
            }
        }
        return order.compactMap { steps in
            chosen[steps].map { SnapshotEdit(steps: $0.steps, value: $0.value, path: $0.fact) }
        }
    }

    /// How far a change moves its fact (numbers, days, copies), to pick the largest of several.
    static func distance(_ change: FactChange) -> Double {
        let digits = (change.change ?? "").filter { $0.isNumber || $0 == "." }
        return Double(digits) ?? 0
    }

    static func text(of value: Value) -> String {
        switch value {
        case .list(let list): "[\(list.count)]"
        case .map: "{…}"
        default: value.description.count > 200 ? String(value.description.prefix(200)) + "…" : plain(value)
        }
    }

    private static func plain(_ value: Value) -> String {
        switch value {
        case .string(let s): s
        case .int(let i): String(i)
        case .double(let d): d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
        case .bool(let b): String(b)
        case .null: "null"
        default: value.description
        }
    }
}
