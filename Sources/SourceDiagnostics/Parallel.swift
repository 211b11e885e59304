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

    /// Starts `body` on another thread; `wait()` gives its result.
    public static func background<T: Sendable>(_ body: @escaping @Sendable () -> T) -> Pending<T> {
        let pending = Pending<T>()
        pending.group.enter()
        DispatchQueue.global().async {
            pending.slots.set(0, body())
            pending.group.leave()
        }
        return pending
    }

    /// The result of work started with `background`.
    public final class Pending<T: Sendable>: Sendable {
        fileprivate let group = DispatchGroup()
        fileprivate let slots = Slots<T>(count: 1)

        fileprivate init() {}

        /// A result that is already there.
        public init(_ value: T) {
            slots.set(0, value)
        }

        /// Waits for the result.
        public func wait() -> T {
            group.wait()
            // The slot is set before the group is left.
            return slots.values()[0]
        }
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
