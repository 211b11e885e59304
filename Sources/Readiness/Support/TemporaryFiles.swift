import Foundation

/// The temporary files a process is writing (`AtomicFile`), removed if SIGINT or SIGTERM ends
/// the process first: a report interrupted part-way leaves neither a partial report nor a
/// hidden temporary file beside its target.
///
/// The handler, installed with the first registration, unlinks every registered path (unlink
/// is async-signal-safe), restores the default action and raises the signal again, so the
/// process still ends as the signal asks. A signal the process ignores stays ignored.
enum TemporaryFiles {
    /// Slots holding registered paths as C strings; the handler reads them without locking.
    private static let capacity = 64
    nonisolated(unsafe) private static let slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let slots = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        slots.initialize(repeating: nil, count: capacity)
        return slots
    }()
    private static let lock = NSLock()
    nonisolated(unsafe) private static var isInstalled = false

    /// Registers a temporary path; returns its slot (nil when every slot is taken, in which case
    /// the file is simply not cleaned up on a signal).
    static func register(_ path: String) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        installHandlers()
        for i in 0..<capacity where slots[i] == nil {
            slots[i] = strdup(path)
            return i
        }
        return nil
    }

    /// Forgets a registered path (after it was renamed or removed).
    static func unregister(_ slot: Int?) {
        guard let slot else { return }
        lock.lock()
        defer { lock.unlock() }
        let path = slots[slot]
        slots[slot] = nil
        free(path)
    }

    private static func installHandlers() {
        guard !isInstalled else { return }
        isInstalled = true
        for signal in [SIGINT, SIGTERM] {
            let previous = Foundation.signal(signal, handle)
            // Keep a signal ignored (`nohup`) or handled by someone else as it was.
            if let previous { Foundation.signal(signal, previous) }
        }
    }

    private static let handle: @convention(c) (Int32) -> Void = { signal in
        for i in 0..<TemporaryFiles.capacity {
            if let path = TemporaryFiles.slots[i] { unlink(path) }
        }
        Foundation.signal(signal, SIG_DFL)
        raise(signal)
    }
}
