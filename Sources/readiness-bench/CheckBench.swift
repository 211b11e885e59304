import ArgumentParser
import Foundation

/// Times `readiness check` end to end (start, load, compile, evaluate, write findings) against
/// a bare libyaml event scan of the same files.
struct CheckBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Time `readiness check` on snapshots (or a portfolio) against a bare libyaml scan.")

    @Argument(help: "Snapshot files, or folders of them (a folder is one portfolio run).")
    var snapshots: [String]

    @Option(help: "A ruleset file or built-in name (repeatable; default: the built-in rulesets).")
    var ruleset: [String] = []

    @Option(help: "Timed runs (the median is reported).")
    var runs = 5

    @Option(help: "The report format written (to a temporary file).")
    var format = "json"

    @Option(help: "The evaluation date passed with --as-of.")
    var asOf = "2026-06-01"

    func run() throws {
        let readiness = try Bench.readinessBinary()
        print(Bench.header)
        for target in snapshots {
            let files = Bench.snapshotFiles(target)
            guard !files.isEmpty else { throw BenchError("no snapshots in \(target)") }
            try Bench.report(
                label: target, files: files, readiness: readiness, rulesets: ruleset, runs: runs, format: format,
                asOf: asOf)
        }
    }
}

/// Shared pieces of the benchmarks.
enum Bench {
    static let header =
        "workload                              files        MB   check (median)   peak RSS   libyaml scan   check/scan"

    /// The `readiness` executable built beside this one.
    static func readinessBinary() throws -> String {
        let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let path = me.deletingLastPathComponent().appendingPathComponent("readiness").path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw BenchError("build the readiness executable first: swift build -c release --product readiness")
        }
        return path
    }

    static func snapshotFiles(_ target: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) else { return [] }
        guard isDirectory.boolValue else { return [target] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: target)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }.sorted().map { "\(target)/\($0)" }
    }

    static func report(
        label: String, files: [String], readiness: String, rulesets: [String], runs: Int, format: String, asOf: String
    ) throws {
        let output = NSTemporaryDirectory() + "readiness-bench-\(getpid()).out"
        defer { unlink(output) }
        var arguments = ["check"] + files + ["--as-of", asOf, "--format", format, "--output", output]
        for r in rulesets { arguments += ["--ruleset", r] }
        var times: [Double] = []
        var peak = 0
        for _ in 0..<max(1, runs) {
            let m = try ProcessRun.measure(readiness, arguments)
            guard m.status <= 1 else { throw BenchError("readiness check exited with \(m.status) on \(label)") }
            times.append(m.seconds)
            peak = max(peak, m.peakBytes)
        }
        times.sort()
        let median = times[times.count / 2]
        var bytes = 0
        var scanTimes: [Double] = []
        let contents = files.compactMap { FileManager.default.contents(atPath: $0).map { [UInt8]($0) } }
        for c in contents { bytes += c.count }
        for _ in 0..<max(1, runs) {
            scanTimes.append(Measure.seconds { for c in contents { _ = LibYAMLScan.countEvents(c) } })
        }
        scanTimes.sort()
        let scan = scanTimes[scanTimes.count / 2]
        let name = label.count > 36 ? "…" + label.suffix(35) : label
        print(
            name.padding(toLength: 36, withPad: " ", startingAt: 0)
                + String(
                    format: "%7d %9.1f %14@ %8.0f MB %14@ %11.2f×", files.count, Double(bytes) / 1e6,
                    Measure.format(median) as NSString, Double(peak) / 1e6, Measure.format(scan) as NSString,
                    median / scan))
    }
}
