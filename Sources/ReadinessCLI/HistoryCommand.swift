import ArgumentParser
import Foundation
import Readiness
import ReadinessHistory
import Reporting
import SourceDiagnostics

/// `readiness history`: the recorded assessments of a history database over time.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show readiness over time from a history database ('check --record').",
        discussion: """
            Per project: the verdict timeline, open findings by severity, readiness and evidence \
            coverage, readiness per area, and the findings opened and closed between consecutive \
            assessments. The file is only read.

            Exit status: 0, or 2 when the file is not a Readiness history or the options are wrong.
            """)

    @Argument(help: ArgumentHelp("The history database.", valueName: "history.db"))
    var database: String

    @Option(help: ArgumentHelp("Only this project (its project.name).", valueName: "name"))
    var project: String?

    @Option(help: ArgumentHelp("Only assessments as of this date or later.", valueName: "YYYY-MM-DD"))
    var since: String?

    @Option(help: ArgumentHelp("Output format: text, json, markdown, html or csv.", valueName: "format"))
    var format: String = "text"

    @Option(help: ArgumentHelp("Where to write the output ('-' for standard output).", valueName: "file"))
    var output: String = "-"

    @Option(help: "Report language: en or zh.")
    var lang: String = "en"

    func validate() throws {
        guard ChangeFormat(rawValue: format) != nil else {
            throw ValidationError("--format must be text, json, markdown, html or csv")
        }
        try CLI.checkLanguage(lang)
    }

    func run() throws {
        let since = try CLI.parseDate(since, option: "--since").map(CalendarDate.format)
        let assessments: [AssessmentSummary]
        do {
            assessments = try HistoryStore(path: database).assessments(project: project, since: since)
        } catch {
            CLI.report([.error("history.unreadable", error.description, at: nil)])
            throw CLI.badInput
        }
        let text = try CLI.guarding {
            try HistoryReporter().render(
                assessments, format: ChangeFormat(rawValue: format) ?? .text,
                context: ReportContext(language: lang, basePath: FileManager.default.currentDirectoryPath))
        }
        try CLI.write(text, to: output, protecting: [database])
    }
}

extension CLI {
    /// The time of recording: `READINESS_NOW` (ISO 8601, for reproducible histories and tests)
    /// or the clock, in UTC to the second.
    static func recordingTime() throws -> String {
        if let fixed = ProcessInfo.processInfo.environment["READINESS_NOW"] {
            guard ISO8601DateFormatter().date(from: fixed) != nil else {
                report([.error("cli.invalid-now", "READINESS_NOW '\(fixed)' is not an ISO 8601 time such as 2026-12-07T09:00:00Z", at: nil)])
                throw badInput
            }
            return fixed
        }
        return ISO8601DateFormatter().string(from: Date())
    }

    /// Appends each evaluation's assessment to a history database (`check --record`); a file
    /// that is not a Readiness history exits with status 2, untouched.
    static func record(_ evaluations: [Evaluation], to path: String) throws {
        let recordedAt = try recordingTime()
        let assessments = Parallel.map(evaluations.count) { AssessmentSummary(evaluations[$0]) }
        do {
            _ = try HistoryStore(path: path).record(assessments, recordedAt: recordedAt)
        } catch {
            report([.error("history.write", error.description, at: nil)])
            throw badInput
        }
    }
}
