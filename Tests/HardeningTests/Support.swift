import Foundation
import SourceDiagnostics
import Testing

/// Helpers shared by the hardening suites.
enum Hardening {
    /// The diagnostics `body` throws, or an issue if it succeeds.
    static func diagnostics<T>(
        sourceLocation: Testing.SourceLocation = #_sourceLocation,
        _ body: () throws(DiagnosticError) -> T
    ) -> [Diagnostic] {
        do {
            _ = try body()
            Issue.record(
                "expected diagnostics, but the input was accepted", sourceLocation: sourceLocation)
            return []
        } catch {
            return error.diagnostics
        }
    }

    /// Runs `body` and returns its result with the processor time the calling thread spent on it,
    /// which, unlike the time on the clock, does not grow when other work shares the cores.
    static func threadTimed<T>(_ body: () throws -> T) rethrows -> (T, Duration) {
        func now() -> Duration {
            var spec = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
            return .seconds(spec.tv_sec) + .nanoseconds(spec.tv_nsec)
        }
        let start = now()
        let result = try body()
        return (result, now() - start)
    }

    /// Whether this process runs under the thread sanitizer (its runtime is linked in).
    static let isThreadSanitized = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "__tsan_init") != nil

    /// The process's peak resident set so far, in bytes.
    static func peakResidentBytes() -> Int {
        var usage = rusage()
        #if os(Linux)
            getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        #else
            getrusage(RUSAGE_SELF, &usage)
        #endif
        return usage.ru_maxrss * 1024
    }

    /// A fresh temporary folder, removed by the caller.
    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "hardening-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Runs `body` on its own thread with an 8 MiB stack and waits at most `seconds` for it.
    /// - Returns: whether it finished in time.
    static func finishes(within seconds: Double, _ body: @escaping @Sendable () -> Void) -> Bool {
        result(within: seconds) { body() } != nil
    }

    /// Runs `body` on its own thread with an 8 MiB stack and waits at most `seconds` for it.
    /// - Returns: its result, or nil if it did not finish in time (the thread is left running).
    static func result<T: Sendable>(within seconds: Double, _ body: @escaping @Sendable () -> T) -> T? {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.value = body()
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
        guard done.wait(timeout: .now() + seconds) == .success else { return nil }
        return box.value
    }
}

/// A result handed from a worker thread to the waiting one; the semaphore orders the accesses.
final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}

extension SourceDiagnostics.SourceLocation {
    /// `line:column`, as the corpus index writes positions.
    var lineColumn: String { "\(line):\(column)" }
}
