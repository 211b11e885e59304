import ArgumentParser
import CHeap
import Dispatch
import Foundation
import Readiness
import Reporting
import SourceDiagnostics
import StrictYAML

/// `readiness check`: evaluates the rulesets against snapshots and gates on the verdict.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Evaluate rulesets against project snapshots and report readiness.",
        discussion: """
            Exit status: 0 when every snapshot passes the gate, 1 when any verdict is at or worse \
            than --fail-on (with --baseline: and a finding that decides it is new or worse) or \
            any evidence coverage is below --min-coverage, 2 for bad input or usage. Defaults \
            for the options come from .readiness.yaml (see --config).
            """)

    @Argument(help: ArgumentHelp("Snapshot files (YAML or JSON; '-' reads standard input); several are evaluated in parallel.", valueName: "snapshot"))
    var snapshots: [String]

    @OptionGroup var assessment: AssessmentOptions

    @Option(
        name: .customLong("format"),
        help: ArgumentHelp(
            "Output format (repeatable, paired in order with --output): \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).",
            valueName: "format"),
        completion: Completions.reportFormats)
    var formats: [String] = []

    @Option(
        name: .customLong("output"),
        help: ArgumentHelp("Where to write each format ('-' for standard output; default: standard output).", valueName: "file"))
    var outputs: [String] = []

    @OptionGroup var gate: GateOptions

    @OptionGroup var reportOptions: ReportOptions

    @Flag(
        name: .customLong("what-it-takes"),
        inversion: .prefixedNo,
        help: "Work out what it takes to clear each finding (default: on for one snapshot, off for a portfolio).")
    var whatItTakes: Bool?

    @Option(help: ArgumentHelp("A configuration file of default options (default: the nearest \(ConfigFile.name) at or above the working directory).", valueName: "file"))
    var config: String?

    @Flag(help: "Colour the text output even when standard output is not a terminal.")
    var color = false

    @OptionGroup var outputLimits: OutputLimitOptions
    @Option(help: ArgumentHelp("Append each snapshot's assessment to this history database (SQLite; see 'readiness history').", valueName: "history.db"))
    var record: String?

    func validate() throws {
        for format in formats where ReportFormat(rawValue: format) == nil {
            throw ValidationError("unknown format '\(format)'; use one of \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if outputs.count > max(formats.count, 1) {
            throw ValidationError("more --output than --format options")
        }
        if formats.count > 1 && outputs.count != formats.count {
            throw ValidationError("give an --output (or '-') for each --format")
        }
        if snapshots.filter({ $0 == "-" }).count > 1 {
            throw ValidationError("only one snapshot can come from standard input ('-')")
        }
        if outputs.filter({ $0 == "-" }).count > 1 {
            throw ValidationError("only one format can go to standard output")
        }
        try OutputLimitOptions.checkDistinct(outputs)
    }

    func run() throws {
        ProcessLifetime.prepareHeap()
        Timing.mark("start")
        let rulesetOptions = assessment.rulesetOptions
        let catalog = try rulesetOptions.loadCatalog()
        Timing.mark("rulesets loaded")
        var options = try assessment.evaluationOptions()
        options.maxWaiverDays = outputLimits.maxWaiverDays
        // A portfolio is a gate or an overview: its findings' remedies are worked out on request.
        options.findsWhatItTakes = whatItTakes ?? (snapshots.count == 1)
        // One snapshot: its large lists use every core; a portfolio: one snapshot per core.
        options.parallelism = snapshots.count == 1 ? ProcessInfo.processInfo.activeProcessorCount : 1
        let evaluations = try Self.evaluate(
            snapshots, catalog: catalog, options: options,
            engine: Engine(cel: rulesetOptions.limits.celEnvironment),
            loader: SnapshotLoader(yaml: rulesetOptions.limits.yamlLoader))
        Timing.mark("evaluated")
        let formats = self.formats.isEmpty ? [ReportFormat.text] : self.formats.compactMap(ReportFormat.init)
        let inputs = snapshots + catalog.rulesets.map(\.file) + (assessment.waivers.map { [$0] } ?? [])
        let comparison = try gate.comparison(with: evaluations, maxBytes: rulesetOptions.limits.maxInputBytes)
        if formats.contains(.sarif) { try reportOptions.checkSARIFLimits(evaluations) }
        for (i, format) in formats.enumerated() {
            let output = i < outputs.count ? outputs[i] : "-"
            let isTerminal = output == "-" && isatty(STDOUT_FILENO) == 1
            let usesColor = format == .text && (color || (isTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil))
            let context = reportOptions.context(for: format, language: assessment.lang, usesColor: usesColor, gate: gate)
            let report = try CLI.guarding {
                try reportOptions.render(
                    format, evaluations, context: context,
                    baseline: comparison.map { BaselineSection(comparison: $0, baselinePath: gate.baseline ?? "") })
            }
            try outputLimits.checkSize(of: report, format: format.rawValue)
            if output == "-" {
                CLI.printOutput(report)
            } else {
                do {
                    try AtomicFile.write(to: output, protecting: inputs) { next in report.forEachBuffer(next) }
                } catch {
                    CLI.report([.error("output.write", error.description, at: nil)])
                    throw CLI.badInput
                }
            }
        }
        Timing.mark("reported")
        if let record {
            try CLI.record(evaluations, to: record)
            Timing.mark("recorded")
        }
        // Exiting frees nothing: tearing down a large snapshot's tree value by value would
        // cost as much as building it.
        ProcessLifetime.keep(evaluations)
        let failures = gate.failures(evaluations, comparison: comparison)
        if !failures.isEmpty {
            CLI.printError(failures.map { "gate failed: \($0.lineSafe)" }.joined(separator: "\n"))
            throw CLI.gateFailed
        }
    }

    /// Loads and evaluates each snapshot, in parallel on all cores; input errors exit with 2
    /// after every snapshot's diagnostics are printed.
    static func evaluate(
        _ paths: [String], catalog: RuleCatalog, options: EvaluationOptions, engine: Engine, loader: SnapshotLoader
    ) throws -> [Evaluation] {
        let validator = SnapshotValidator(for: catalog, isStrict: options.isStrict)
        let outcomes = Parallel.map(paths.count) { i -> Result<(Evaluation, [Diagnostic]), DiagnosticError> in
            do throws(DiagnosticError) {
                let snapshot = try paths[i] == "-" ? loader.loadStandardInput() : loader.load(contentsOf: paths[i])
                if paths.count == 1 { Timing.mark("snapshot loaded") }
                // Every problem of the snapshot at once, before any rule runs.
                let problems = validator.validate(snapshot.document)
                if paths.count == 1 { Timing.mark("snapshot validated") }
                if problems.hasErrors { return .failure(DiagnosticError(problems)) }
                var (evaluation, warnings) = try engine.evaluate(catalog, against: snapshot, options: options)
                evaluation.inputWarnings = (problems + warnings).filter { $0.severity == .warning }
                return .success((evaluation, problems + warnings))
            } catch {
                return .failure(error)
            }
        }
        var evaluations: [Evaluation] = []
        var problems: [Diagnostic] = []
        var warnings: [Diagnostic] = []
        for outcome in outcomes {
            switch outcome {
            case .success(let (evaluation, w)):
                evaluations.append(evaluation)
                warnings.append(contentsOf: w)
            case .failure(let error):
                problems.append(contentsOf: error.diagnostics)
            }
        }
        if !warnings.isEmpty { CLI.report(warnings) }
        if !problems.isEmpty {
            CLI.report(problems)
            throw CLI.badInput
        }
        return evaluations
    }
}

/// Phase timings on standard error when `READINESS_TIMING` is set (for profiling).
enum Timing {
    nonisolated(unsafe) static var last = DispatchTime.now().uptimeNanoseconds
    static let isEnabled = ProcessInfo.processInfo.environment["READINESS_TIMING"] != nil

    static func mark(_ label: String) {
        guard isEnabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        CLI.printError("timing: \(label) +\(String(format: "%.3f", Double(Int64(bitPattern: now &- last)) / 1e9)) s")
        last = now
    }
}

/// Values kept alive until the process exits, so they are never torn down value by value.
enum ProcessLifetime {
    /// Asks the allocator to grow the heap in large steps and to serve large buffers from it:
    /// a large snapshot's tree is built from millions of small allocations, and growing the
    /// heap 128 KB at a time made the two parsing threads wait on each other. It only reserves
    /// address space; memory is still touched only as it is used.
    static func prepareHeap() {
        readiness_tune_heap(64 << 20, 32 << 20)
    }

    nonisolated(unsafe) private static var kept: [Any] = []
    private static let lock = NSLock()

    static func keep(_ value: Any) {
        lock.withLock { kept.append(value) }
    }
}
