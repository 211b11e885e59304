import ArgumentParser
import Foundation

/// Where the standard suite's workloads go and how large its portfolio is, for the suites
/// that time them (`standard`, `history`).
struct StandardWorkloads: ParsableArguments {
    @Option(help: "Where to write the generated workloads (default: a temporary folder).")
    var workdir: String?

    @Option(help: "How many snapshots in the portfolio.")
    var portfolio = 1000

    /// The folder the workloads are written to.
    var directory: String { workdir ?? NSTemporaryDirectory() + "readiness-bench-standard" }

    /// Writes the workloads (small, large and the portfolio) into `directory` and returns the
    /// portfolio's files.
    ///
    /// They are written by a child process: a spawned process's peak memory starts from its
    /// parent's (Linux counts the parent's high-water mark at exec), and generating the large
    /// snapshot takes this process to about 100 MB.
    func generate() throws -> [String] {
        let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
        let generated = try ProcessRun.measure(
            me, ["generate", "--workdir", directory, "--portfolio", String(portfolio)], quiet: false)
        guard generated.status == 0 else { throw BenchError("generating the workloads failed") }
        return GenerateWorkloads.portfolioFiles(directory, count: portfolio)
    }
}
