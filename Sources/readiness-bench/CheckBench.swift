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

    @OptionGroup var timing: Timing

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
                label: target, files: files, readiness: readiness, rulesets: ruleset, runs: timing.runs, format: format,
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
        let (median, peak) = try ProcessRun.median(runs: runs) {
            // Each run writes a new file: replacing the last run's output would have the
            // kernel free that file's pages inside the timed run (2 to 9 ms for the large
            // snapshot's 13 MB of findings), work that belongs to no check.
            unlink(output)
            return try ProcessRun.measure(readiness, arguments)
        } failure: { "readiness check exited with \($0) on \(label)" }
        let (scan, bytes) = try ScanWorkload.inChild(files: files, runs: runs)
        let name = label.count > 36 ? "…" + label.suffix(35) : label
        print(
            name.padding(toLength: 36, withPad: " ", startingAt: 0)
                + String(
                    format: "%7d %9.1f %14@ %8.0f MB %14@ %11.2f×", files.count, Double(bytes) / 1e6,
                    Measure.format(median) as NSString, Double(peak) / 1e6, Measure.format(scan) as NSString,
                    median / scan))
    }
}

/// The bare libyaml scan of a workload, timed in a child process: reading the files here would
/// raise this process's memory high-water mark, which Linux passes on to every `readiness`
/// it spawns afterwards (the peak-memory column would then show this process, not the check).
struct ScanWorkload: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan", abstract: "Time a bare libyaml scan of files (for the other benchmarks).",
        shouldDisplay: false)

    @Argument var files: [String]

    @OptionGroup var timing: Timing

    func run() throws {
        let contents = files.compactMap { FileManager.default.contents(atPath: $0).map { [UInt8]($0) } }
        let seconds = Measure.median(runs: timing.runs) { for c in contents { _ = LibYAMLScan.countEvents(c) } }
        print(seconds, contents.reduce(0) { $0 + $1.count })
    }

    /// The median scan time and the bytes scanned, from a child `readiness-bench scan`.
    static func inChild(files: [String], runs: Int) throws -> (seconds: Double, bytes: Int) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        process.arguments = ["scan", "--runs", String(max(1, runs)), "--"] + files
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let fields = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isWhitespace)
        guard process.terminationStatus == 0, fields.count == 2, let seconds = Double(fields[0]), let bytes = Int(fields[1])
        else { throw BenchError("the libyaml scan failed") }
        return (seconds, bytes)
    }
}
