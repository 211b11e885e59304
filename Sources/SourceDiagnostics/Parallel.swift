import Dispatch
import Foundation

/// Runs independent pieces of work on all cores and gathers their results in order, so that
/// output never depends on the schedule.
public enum Parallel {
    /// `body(0) … body(count - 1)`, run concurrently, as an array in index order.
    public static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        guard count > 1 else { return count == 1 ? [body(0)] : [] }
        let slots = Slots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { i in slots.set(i, body(i)) }
        return slots.values()
    }

    /// Results that workers fill, one slot each, under a lock.
    final class Slots<T: Sendable>: @unchecked Sendable {
        private var slots: [T?]
        private let lock = NSLock()

        init(count: Int) {
            slots = Array(repeating: nil, count: count)
        }

        func set(_ index: Int, _ value: T) {
            lock.withLock { slots[index] = value }
        }

        func values() -> [T] {
            lock.withLock { slots.compactMap { $0 } }
        }
    }
}
