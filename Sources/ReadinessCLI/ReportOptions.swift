import ArgumentParser
import Foundation
import Readiness
import Reporting

/// How `readiness check` writes paths and maps results in its reports.
struct ReportOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The directory report paths are relative to (SARIF's %SRCROOT%; default for sarif, github, gitlab and junit: the git work tree's root, else the current directory).",
            valueName: "dir"))
    var baseDir: String?

    @Option(
        help: ArgumentHelp(
            "How JUnit reports a warn: failure, or pass (a passed test with the finding in system-out); default: failure only with --fail-on go_with_conditions.",
            valueName: JUnitWarnMapping.allCases.map(\.rawValue).joined(separator: "|")))
    var junitWarn: JUnitWarnMapping?

    func validate() throws {
        if let baseDir {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: baseDir, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ValidationError("--base-dir '\(baseDir)' is not a directory")
            }
        }
    }

    /// The formats whose paths a CI service resolves against the repository root.
    static let repositoryFormats: Set<ReportFormat> = [.sarif, .github, .gitlab, .junit]

    /// The context one format is rendered with.
    func context(for format: ReportFormat, language: String, usesColor: Bool, gate: GateOptions) -> ReportContext {
        let current = FileManager.default.currentDirectoryPath
        var base = current
        if let baseDir {
            base = URL(fileURLWithPath: baseDir, relativeTo: URL(fileURLWithPath: current, isDirectory: true))
                .standardizedFileURL.path
        } else if Self.repositoryFormats.contains(format), let root = Self.workTreeRoot(from: current) {
            base = root
        }
        var context = ReportContext(language: language, basePath: base)
        context.usesColor = usesColor
        context.junitWarn = junitWarn ?? (gate.threshold == .goWithConditions ? .failure : .pass)
        return context
    }

    /// The nearest directory at or above `directory` that holds `.git` (a folder, or the file a
    /// linked work tree has), or nil.
    static func workTreeRoot(from directory: String) -> String? {
        CLI.nearestDirectory(from: directory, containing: ".git")
    }

    /// Renders one format; `text` and `markdown` end with the comparison with the baseline.
    func render(
        _ format: ReportFormat, _ evaluations: [Evaluation], context: ReportContext, baseline: BaselineSection?
    ) throws -> RenderedReport {
        let report = try format.makeReporter().renderPieces(evaluations, context: context)
        guard let baseline else { return report }
        switch format {
        case .text: return report.appending(baseline.text(language: context.language))
        case .markdown: return report.appending(baseline.markdown(language: context.language))
        default: return report
        }
    }

    /// Refuses (exit 2) a portfolio whose SARIF would exceed GitHub's limits even split into
    /// runs, saying how to split it.
    func checkSARIFLimits(_ evaluations: [Evaluation]) throws {
        do {
            try SARIFReporter.checkLimits(evaluations)
        } catch {
            CLI.printError("error: \(error.description)")
            throw CLI.badInput
        }
    }
}

extension JUnitWarnMapping: ExpressibleByArgument {}
