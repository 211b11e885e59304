import ArgumentParser
import Foundation
import StrictYAML

/// Wall-clock measurement helpers for the benchmark (never used by tests).
enum Measure {
    /// Seconds of wall time that `body` takes.
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// The median of `runs` timings of `body`.
    static func median(runs: Int, _ body: () throws -> Void) rethrows -> Double {
        var times: [Double] = []
        for _ in 0..<runs { times.append(try seconds(body)) }
        return median(of: times)
    }

    /// The median of some timings (the upper one of an even count; NaN for none).
    static func median(of times: [Double]) -> Double {
        times.isEmpty ? .nan : times.sorted()[times.count / 2]
    }

    /// The process's peak resident set size in bytes (Linux `VmHWM`), or nil where unknown.
    static func peakResidentBytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let digits = line.filter(\.isNumber)
            return Int(digits).map { $0 * 1024 }
        }
        return nil
    }

    /// A duration as text with a sensible unit.
    static func format(_ seconds: Double) -> String {
        seconds < 1 ? String(format: "%.1f ms", seconds * 1000) : String(format: "%.2f s", seconds)
    }
}

/// The `--runs` option every timing command takes.
struct Timing: ParsableArguments {
    @Option(help: "Timed runs (the median is reported).")
    var runs = 5

    func validate() throws {
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1") }
    }
}

extension YAMLLoader {
    /// A loader that takes a workload of any size (the benchmarks' files can pass the 256 MiB cap).
    static var anySize: YAMLLoader {
        var limits = Limits()
        limits.maxInputBytes = .max
        return YAMLLoader(limits: limits)
    }
}
