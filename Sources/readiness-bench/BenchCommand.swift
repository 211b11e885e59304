import ArgumentParser
import Foundation
import StrictYAML

/// `readiness-bench`: the benchmarks the README documents. Figures only; tests never time anything.
@main
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "readiness-bench",
        abstract: "Benchmarks for Readiness (run with `swift run -c release readiness-bench …`).",
        subcommands: [StandardBench.self, CheckBench.self, YAMLBench.self, CELBench.self, HistoryBench.self, GenerateWorkloads.self, ScanWorkload.self],
        defaultSubcommand: StandardBench.self
    )
}

/// Loader throughput against libyaml's bare event loop over the same files.
struct YAMLBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "yaml", abstract: "Loader MB/s against a bare libyaml event loop.")

    @Argument(help: "YAML or JSON files to read.")
    var files: [String]

    @OptionGroup var timing: Timing

    @Flag(help: "Time only the loader (for profiling).")
    var loaderOnly = false

    @Flag(help: "Time only the bare libyaml scan (for profiling).")
    var scanOnly = false

    func run() throws {
        print("file                              MB     libyaml scan      loader   loader/scan  (median wall time)")
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ValidationError("cannot read \(file)")
            }
            let bytes = [UInt8](data)
            let megabytes = Double(bytes.count) / 1_000_000
            let loader = YAMLLoader.anySize
            var failure: Error?
            let scan = Measure.median(runs: loaderOnly ? 0 : timing.runs) { _ = LibYAMLScan.countEvents(bytes) }
            let load = Measure.median(runs: scanOnly ? 0 : timing.runs) {
                do { _ = try loader.load(bytes: bytes, file: file) } catch { failure = error }
            }
            if let failure { throw ValidationError("\(failure)") }
            let name = (file as NSString).lastPathComponent
            print(
                name.padding(toLength: 30, withPad: " ", startingAt: 0)
                    + String(format: "%8.2f %9.1f MB/s %8.1f MB/s %10.0f%%",
                        megabytes, megabytes / scan, megabytes / load, 100 * scan / load))
        }
    }
}
