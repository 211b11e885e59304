import ArgumentParser
import Foundation
import Readiness
import SourceDiagnostics
import StrictYAML

/// The rulesets and what a rule sees besides the snapshot: parameters and the evaluation date
/// (`check`, `diff`, `whatif` and `eval`).
struct EvaluationInputOptions: ParsableArguments {
    @OptionGroup var rulesetOptions: RulesetOptions

    @Option(name: .customLong("param"), help: ArgumentHelp("Override a parameter (repeatable).", valueName: "name=value"))
    var parameters: [String] = []

    @Option(help: ArgumentHelp("The evaluation date, overriding project.as_of.", valueName: "YYYY-MM-DD"))
    var asOf: String?

    /// Whether a parameter or the date is given.
    var isGiven: Bool { asOf != nil || !parameters.isEmpty }

    /// The evaluation options these flags give: the date and the parameters.
    func evaluationOptions() throws -> EvaluationOptions {
        EvaluationOptions(asOf: try CLI.parseDate(asOf, option: "--as-of"), parameters: try CLI.parseParameters(parameters))
    }
}

/// The evaluation options of `check`, also for commands that evaluate snapshots to compare
/// them (`diff`, `whatif`): rulesets, parameters, date, waivers, language and strictness.
struct AssessmentOptions: ParsableArguments {
    @OptionGroup var inputs: EvaluationInputOptions

    @Option(help: ArgumentHelp("A file of waivers (a list, or a mapping with 'waivers').", valueName: "file"))
    var waivers: String?

    @Option(help: "Report language: en or zh.")
    var lang: String = "en"

    @Flag(help: "Count unknown results (missing evidence) as failures for the gate.")
    var strict = false

    /// Which rulesets to load, and the limits.
    var rulesetOptions: RulesetOptions { inputs.rulesetOptions }

    func validate() throws {
        try CLI.checkLanguage(lang)
    }

    /// The evaluation options these flags give.
    func evaluationOptions() throws -> EvaluationOptions {
        var options = try inputs.evaluationOptions()
        options.waivers = try CLI.loadWaivers(waivers, loader: rulesetOptions.limits.yamlLoader)
        options.language = lang
        options.isStrict = strict
        return options
    }
}

/// Reads an assessment from a JSON report or by evaluating a snapshot; loads the rulesets only
/// when a snapshot needs them, and only once.
struct AssessmentReader {
    let options: AssessmentOptions
    private var evaluation: (catalog: RuleCatalog, options: EvaluationOptions)?

    init(options: AssessmentOptions) {
        self.options = options
    }

    /// The assessment in `path`: a Readiness JSON report (recognised by its `schema`), else a
    /// snapshot evaluated with the options. Bad input exits with status 2.
    mutating func read(_ path: String) throws -> AssessmentSummary {
        let limits = options.rulesetOptions.limits
        let bytes: [UInt8]
        do {
            bytes = try YAMLLoader.readFile(path, limit: limits.maxInputBytes)
        } catch {
            CLI.report(error.diagnostics)
            throw CLI.badInput
        }
        let data = Data(bytes)
        if AssessmentSummary.isReport(data) {
            do throws(ReportReadingError) {
                return try AssessmentSummary(report: data, file: path)
            } catch {
                CLI.report([.error("report.unreadable", "\(error.file): \(error.message)", at: nil)])
                throw CLI.badInput
            }
        }
        if evaluation == nil {
            evaluation = (try options.rulesetOptions.loadCatalog(), try options.evaluationOptions())
        }
        guard let (catalog, evaluationOptions) = evaluation else { throw CLI.badInput }
        let engine = Engine(cel: limits.celEnvironment)
        let (result, warnings) = try CLI.guarding {
            let snapshot = try SnapshotLoader(yaml: limits.yamlLoader).load(bytes: bytes, file: path)
            // As `check` does: every problem of the snapshot at once, before any rule runs.
            let problems = SnapshotValidator(for: catalog, isStrict: evaluationOptions.isStrict).validate(snapshot.document)
            if problems.hasErrors { throw DiagnosticError(problems) }
            let (evaluation, warnings) = try engine.evaluate(catalog, against: snapshot, options: evaluationOptions)
            return (evaluation, problems + warnings)
        }
        if !warnings.isEmpty { CLI.report(warnings) }
        return AssessmentSummary(result)
    }
}
