import ArgumentParser
import Foundation

/// The standard suite: generates synthetic snapshots of the standard schema and times
/// `readiness check` with the built-in rulesets on them.
struct StandardBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "standard",
        abstract: "Generate small, large and 1,000-snapshot portfolio workloads of the standard schema and time them.")

    @Option(help: "Where to write the generated snapshots (default: a temporary folder).")
    var workdir: String?

    @Option(help: "Timed runs (the median is reported).")
    var runs = 5

    @Option(help: "How many snapshots in the portfolio.")
    var portfolio = 1000

    func run() throws {
        let readiness = try Bench.readinessBinary()
        let directory = workdir ?? NSTemporaryDirectory() + "readiness-bench-standard"
        try FileManager.default.createDirectory(atPath: directory + "/portfolio", withIntermediateDirectories: true)
        let small = directory + "/small.yaml"
        let large = directory + "/large.yaml"
        try StandardSnapshotGenerator(preset: .small, seed: 1).yaml().write(toFile: small, atomically: true, encoding: .utf8)
        try StandardSnapshotGenerator(preset: .large, seed: 1).yaml().write(toFile: large, atomically: true, encoding: .utf8)
        // Exactly this run's snapshots (a folder reused from a larger run holds more).
        var portfolioFiles: [String] = []
        for i in 0..<portfolio {
            let path = directory + "/portfolio/snapshot-\(String(i + 1).leftPadded(4)).yaml"
            if !FileManager.default.fileExists(atPath: path) {
                try StandardSnapshotGenerator(preset: .small, seed: UInt64(i + 1)).yaml().write(toFile: path, atomically: true, encoding: .utf8)
            }
            portfolioFiles.append(path)
        }
        print("standard schema, built-in rulesets, \(ProcessInfo.processInfo.activeProcessorCount) cores; snapshots in \(directory)")
        print(Bench.header)
        try Bench.report(label: "small", files: [small], readiness: readiness, rulesets: [], runs: runs, format: "json", asOf: "2026-06-01")
        try Bench.report(label: "large", files: [large], readiness: readiness, rulesets: [], runs: runs, format: "json", asOf: "2026-06-01")
        try Bench.report(
            label: "portfolio (\(portfolio))", files: portfolioFiles, readiness: readiness,
            rulesets: [], runs: max(1, runs / 2), format: "json", asOf: "2026-06-01")
    }
}
