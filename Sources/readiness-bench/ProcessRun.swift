import Foundation

/// Runs a command and measures its wall time and peak memory (from `wait4`'s rusage).
enum ProcessRun {
    struct Measurement {
        var seconds: Double
        var peakBytes: Int
        var status: Int32
    }

    /// The median wall time and the highest peak memory of `runs` runs (at least one) of a
    /// command that must exit 0 or 1; `failure` words the error for any other exit status.
    static func median(
        runs: Int, _ run: () throws -> Measurement, failure: (Int32) -> String
    ) throws -> (seconds: Double, peakBytes: Int) {
        var times: [Double] = []
        var peak = 0
        for _ in 0..<max(1, runs) {
            let m = try run()
            guard m.status <= 1 else { throw BenchError(failure(m.status)) }
            times.append(m.seconds)
            peak = max(peak, m.peakBytes)
        }
        return (Measure.median(of: times), peak)
    }

    /// Runs a command to its end; with `quiet`, its output goes to /dev/null.
    static func measure(_ executable: String, _ arguments: [String], quiet: Bool = true) throws -> Measurement {
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if quiet {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }
        let start = DispatchTime.now().uptimeNanoseconds
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { throw BenchError("cannot start \(executable): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Measurement(seconds: seconds, peakBytes: Int(usage.ru_maxrss) * 1024, status: exitStatus)
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
