import ArgumentParser
import Foundation
import Readiness

/// The standard suite: generates synthetic snapshots of the standard schema and times
/// `readiness check` with the built-in rulesets on them.
struct StandardBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "standard",
        abstract: "Generate small, large and 1,000-snapshot portfolio workloads of the standard schema and time them.")

    @OptionGroup var workloads: StandardWorkloads

    @OptionGroup var timing: Timing

    func run() throws {
        let readiness = try Bench.readinessBinary()
        let directory = workloads.directory
        let portfolioFiles = try workloads.generate()
        let portfolio = workloads.portfolio
        let small = directory + "/small.yaml"
        let large = directory + "/large.yaml"
        print("standard schema, built-in rulesets, \(ProcessInfo.processInfo.activeProcessorCount) cores; snapshots in \(directory)")
        print(Bench.header)
        try Bench.report(label: "small", files: [small], readiness: readiness, rulesets: [], runs: timing.runs, format: "json", asOf: "2026-06-01")
        try Bench.report(label: "large", files: [large], readiness: readiness, rulesets: [], runs: timing.runs, format: "json", asOf: "2026-06-01")
        try Bench.report(
            label: "portfolio (\(portfolio))", files: portfolioFiles, readiness: readiness,
            rulesets: [], runs: max(1, timing.runs / 2), format: "json", asOf: "2026-06-01")
    }
}

/// Writes the standard suite's workloads (run by `standard` in a child process).
struct GenerateWorkloads: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write the standard suite's snapshots (small, large, portfolio) into a folder.",
        shouldDisplay: false)

    @Option(help: "Where to write the snapshots.")
    var workdir: String

    @Option(help: "How many snapshots in the portfolio.")
    var portfolio = 1000

    /// The portfolio's snapshots: exactly `count` (a folder reused from a larger run holds more).
    static func portfolioFiles(_ directory: String, count: Int) -> [String] {
        (0..<count).map { directory + "/portfolio/snapshot-\(String($0 + 1).leftPadded(4)).yaml" }
    }

    func run() throws {
        try FileManager.default.createDirectory(atPath: workdir + "/portfolio", withIntermediateDirectories: true)
        try StandardSnapshotGenerator(preset: .small, seed: 1).yaml()
            .write(toFile: workdir + "/small.yaml", atomically: true, encoding: .utf8)
        try StandardSnapshotGenerator(preset: .large, seed: 1).yaml()
            .write(toFile: workdir + "/large.yaml", atomically: true, encoding: .utf8)
        // Snapshots left by an earlier run are reused only when this build's generator writes the
        // same first one: a generator (or template) that changed since makes them all anew, so a
        // stale folder cannot time (or fail on) snapshots this build would not write.
        let files = Self.portfolioFiles(workdir, count: portfolio)
        let first = try StandardSnapshotGenerator(preset: .small, seed: 1).yaml()
        let isCurrent = files.first.flatMap { try? String(contentsOfFile: $0, encoding: .utf8) } == first
        for (i, path) in files.enumerated() where !isCurrent || !FileManager.default.fileExists(atPath: path) {
            try (i == 0 ? first : StandardSnapshotGenerator(preset: .small, seed: UInt64(i + 1)).yaml())
                .write(toFile: path, atomically: true, encoding: .utf8)
        }
    }
}
