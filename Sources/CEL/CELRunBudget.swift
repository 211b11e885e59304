import Foundation

/// A step budget shared by every evaluation of a run (all rules, on all cores): the cost model
/// bounds the work of the whole run, not of one expression, so a `for_each` over many elements
/// or many costly calls cannot each spend a full per-expression budget.
///
/// Frames spend steps locally and hand them over in batches (`CELFrame.batch` steps at a
/// time), so the shared counter is touched rarely and the budget is overrun by at most one
/// batch per thread. Once spent, every evaluation that draws on it ends in a
/// `costLimitExceeded` error at the node that found it spent.
public final class CELRunBudget: @unchecked Sendable {
    /// The steps the run may spend.
    public let limit: Int
    private var spentSteps = 0
    private let lock = NSLock()

    /// Creates a budget of `limit` steps.
    public init(limit: Int) {
        self.limit = limit
    }

    /// Adds steps to what the run has spent; false once the total exceeds the limit.
    func spend(_ steps: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        spentSteps &+= steps
        return spentSteps <= limit
    }

    /// The steps handed over so far.
    public var spent: Int {
        lock.lock()
        defer { lock.unlock() }
        return spentSteps
    }

    /// Whether the run has spent more than its budget.
    public var isExhausted: Bool { spent > limit }
}
