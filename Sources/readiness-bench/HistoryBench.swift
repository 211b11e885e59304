import ArgumentParser
import Foundation
import Readiness
import ReadinessHistory

/// Times `check --record` against `check` on the 1,000-snapshot portfolio, and `readiness
/// history` over 1,000 recorded assessments (the portfolio as recorded, and the same
/// assessments as one project's weekly timeline).
struct HistoryBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Time recording the portfolio into a history, and rendering a 1,000-assessment history.")

    @OptionGroup var workloads: StandardWorkloads

    @OptionGroup var timing: Timing

    @Flag(help: "Skip timing check and check --record (reuse the recorded portfolio from an earlier run).")
    var historyOnly = false

    func run() throws {
        let readiness = try Bench.readinessBinary()
        let directory = workloads.directory
        let files = try workloads.generate()
        let portfolio = workloads.portfolio
        let check = ["check"] + files + ["--as-of", "2026-06-01", "--format", "json", "--output", directory + "/bench.json"]
        let database = directory + "/portfolio-history.db"
        if !historyOnly || !FileManager.default.fileExists(atPath: database) {
            let plain = try median { try ProcessRun.measure(readiness, check) }
            let recording = try median {
                for suffix in ["", "-wal", "-shm"] { unlink(database + suffix) }
                return try ProcessRun.measure(readiness, check + ["--record", database])
            }
            print("portfolio (\(portfolio)): check \(Measure.format(plain)), check --record \(Measure.format(recording)) "
                + String(format: "(+%.0f%%)", 100 * (recording - plain) / plain))
        }
        let timeline = directory + "/timeline-history.db"
        try makeTimeline(from: database, into: timeline)
        for (label, path) in [("one project, \(portfolio) weekly assessments", timeline), ("portfolio history (\(portfolio) projects, worst case)", database)] {
            for format in ["text", "html", "json", "csv"] {
                let output = directory + "/history.\(format)"
                let seconds = try median { try ProcessRun.measure(readiness, ["history", path, "--format", format, "--output", output]) }
                print("history, \(label), \(format): \(Measure.format(seconds))")
            }
        }
    }

    /// The median wall time of `runs` runs of a command that must exit 0 or 1.
    private func median(_ run: () throws -> ProcessRun.Measurement) throws -> Double {
        try ProcessRun.median(runs: timing.runs, run) { "readiness exited with \($0)" }.seconds
    }

    /// One project assessed weekly, `portfolio` times: the first recorded assessment, whose
    /// findings close one by one over the weeks in a fixed pseudo-random order (a burn-down),
    /// with each week's scores and digest taken from the portfolio's assessments.
    private func makeTimeline(from source: String, into path: String) throws {
        for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
        let assessments = try HistoryStore(path: source).assessments()
        guard let base = assessments.first else { throw BenchError("no assessments recorded") }
        let start = CalendarDate.daysFromCivil(year: 2010, month: 1, day: 4)
        let weeks = assessments.count
        let weekly = assessments.enumerated().map { i, a -> AssessmentSummary in
            var a = a
            a.findings = base.findings.enumerated().filter { k, _ in (k * 7919) % weeks >= i }.map(\.element)
            a.project = "Timeline"
            let (y, m, d) = CalendarDate.civil(fromDays: start + 7 * i)
            a.asOf = String(format: "%04d-%02d-%02d", y, m, d)
            return a
        }
        _ = try HistoryStore(path: path).record(weekly, recordedAt: "2026-06-01T00:00:00Z")
    }
}
