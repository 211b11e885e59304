import ArgumentParser
import Foundation
import Reporting

/// `check`'s bounds on what a run writes and on how long a waiver may last.
struct OutputLimitOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Largest report written, in bytes, per format (default 256 MiB).", valueName: "bytes"))
    var maxReportBytes: Int = 256 << 20

    @Option(help: ArgumentHelp("Latest a waiver may expire, in days after the evaluation date.", valueName: "days"))
    var maxWaiverDays: Int = 365

    func validate() throws {
        guard maxReportBytes > 0, maxWaiverDays >= 0 else {
            throw ValidationError("--max-report-bytes must be positive and --max-waiver-days not negative")
        }
    }

    /// Refuses two `--output`s naming the same file (after resolving `.`, `..` and links):
    /// the last would silently win.
    static func checkDistinct(_ outputs: [String]) throws {
        var seen: [String: String] = [:]
        for output in outputs where output != "-" {
            let key = URL(fileURLWithPath: output).standardizedFileURL.resolvingSymlinksInPath().path
            if let first = seen[key] {
                throw ValidationError("--output '\(output)' names the same file as --output '\(first)'")
            }
            seen[key] = output
        }
    }

    /// Ends the run with bad input (exit 2) when a rendered report is larger than
    /// `--max-report-bytes`, before anything is written.
    func checkSize(of report: RenderedReport, format: String) throws {
        var total = 0
        _ = report.forEachBuffer { buffer in
            total += buffer.count
            return true
        }
        guard total > maxReportBytes else { return }
        CLI.report([
            .error(
                "output.too-large",
                "the \(format) report would have \(total) bytes, more than the limit of \(maxReportBytes); nothing was written",
                at: nil, notes: [.init(message: "raise the limit with --max-report-bytes if the report is genuine")])
        ])
        throw CLI.badInput
    }
}
