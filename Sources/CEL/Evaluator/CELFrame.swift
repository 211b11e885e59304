import StrictYAML

/// A compiled node: evaluates itself against a frame.
typealias CELEval = @Sendable (CELFrame) throws(CELEvaluationError) -> Value

/// The mutable state of one evaluation: variables by slot, the step budget, and the bindings.
///
/// One frame is allocated per evaluation and used by one thread. Its mutable parts live in
/// manually managed buffers rather than in `var` properties, so that the hot path (reading a
/// slot, spending a step) pays no dynamic exclusivity check and no copy-on-write check.
final class CELFrame {
    let globals: ValueMap
    let bindings: [String: Value]
    let hasBindings: Bool
    let maxSteps: Int
    /// The run's shared budget, if any.
    let budget: CELRunBudget?
    /// Locals first, then comprehension variables; `slotCount` initialized values.
    let slots: UnsafeMutablePointer<Value>
    let slotCount: Int
    /// Element 0 counts the steps spent; element 1 + slot holds the index of the element a
    /// comprehension slot holds (for naming missing facts).
    private let counters: UnsafeMutablePointer<Int>
    private let storage: UnsafeMutableRawPointer
    /// Budget bookkeeping: [0] the step count at which `checkBudget` runs next, [1] steps of
    /// earlier evaluations not yet handed to the run budget, [2] steps of this evaluation
    /// already handed over, [3] 1 once the run budget was found spent.
    private let ledger: UnsafeMutablePointer<Int>

    /// Steps a frame spends before handing them to the run budget.
    static let batch = 65_536

    init(activation: CELActivation, slotCount: Int, maxSteps: Int, budget: CELRunBudget? = nil) {
        self.budget = budget
        ledger = UnsafeMutablePointer<Int>.allocate(capacity: 4)
        ledger.initialize(repeating: 0, count: 4)
        ledger[0] = budget == nil ? maxSteps : min(maxSteps, Self.batch)
        globals = activation.globals
        bindings = activation.bindings
        hasBindings = !activation.bindings.isEmpty
        self.maxSteps = maxSteps
        let locals = activation.locals
        let count = max(slotCount, locals.count)
        self.slotCount = count
        // One allocation holds both buffers: the counters, then the slots.
        let countersSize = (count + 1) * MemoryLayout<Int>.stride
        storage = UnsafeMutableRawPointer.allocate(
            byteCount: countersSize + count * MemoryLayout<Value>.stride,
            alignment: max(MemoryLayout<Int>.alignment, MemoryLayout<Value>.alignment))
        counters = storage.initializeMemory(as: Int.self, repeating: 0, count: count + 1)
        slots = (storage + countersSize).bindMemory(to: Value.self, capacity: count)
        for i in 0..<count {
            (slots + i).initialize(to: i < locals.count ? locals[i] : .null)
        }
    }

    deinit {
        if let budget { _ = budget.spend(ledger[1] + counters.pointee - ledger[2]) }
        ledger.deallocate()
        slots.deinitialize(count: slotCount)
        storage.deallocate()
    }

    /// Binds a comprehension slot to an element and records the element's index.
    @inline(__always)
    func bind(_ slot: Int, to value: Value, index: Int) {
        slots[slot] = value
        counters[1 + slot] = index
    }

    /// Starts another evaluation on this frame: the step budget is whole again.
    @inline(__always)
    func resetSteps() {
        if budget != nil { carryOver() }
        counters.pointee = 0
    }

    /// Keeps the finished evaluation's steps for the run budget, handing them over once a
    /// batch has gathered.
    private func carryOver() {
        ledger[1] += counters.pointee - ledger[2]
        ledger[2] = 0
        if ledger[1] >= Self.batch, let budget {
            if !budget.spend(ledger[1]) { ledger[3] = 1 }
            ledger[1] = 0
        }
        ledger[0] = ledger[3] == 1 ? 0 : min(maxSteps, Self.batch - ledger[1])
    }

    /// The index of the element a comprehension slot holds.
    func iterationIndex(of slot: Int) -> Int { counters[1 + slot] }

    /// Spends one step of the budget for the node at `offset`, which the error points at when
    /// the budget runs out.
    @inline(__always)
    func step(at offset: Int) throws(CELEvaluationError) {
        counters.pointee &+= 1
        if counters.pointee > ledger[0] { try checkBudget(at: offset) }
    }

    /// Spends `cost` steps at once: the work of a call that allocates or scans in proportion to
    /// the size of its arguments and result (see `CELCost`).
    @inline(__always)
    func charge(_ cost: Int, at offset: Int) throws(CELEvaluationError) {
        guard cost > 0 else { return }
        counters.pointee &+= cost
        if counters.pointee > ledger[0] { try checkBudget(at: offset) }
    }

    /// Hands this evaluation's steps to the run budget, and ends the evaluation when either
    /// budget is spent.
    @inline(never)
    private func checkBudget(at offset: Int) throws(CELEvaluationError) {
        let steps = counters.pointee
        if let budget {
            let delta = ledger[1] + steps - ledger[2]
            ledger[1] = 0
            ledger[2] = steps
            if ledger[3] == 1 || !budget.spend(delta) {
                ledger[3] = 1
                ledger[0] = 0
                throw CELEvaluationError(
                    .costLimitExceeded, "the run exceeded its budget of \(budget.limit) steps", offset: offset)
            }
        }
        if steps > maxSteps {
            throw CELEvaluationError(
                .costLimitExceeded, "evaluation exceeded its budget of \(maxSteps) steps", offset: offset)
        }
        ledger[0] = budget == nil ? maxSteps : min(maxSteps, steps + Self.batch)
    }
}

/// How a missing fact is named: a path from the snapshot's root where one is known.
indirect enum FactPath: Sendable {
    /// A free identifier.
    case root(String)
    /// A local bound by the activation, named by its name (the engine rebases it onto the
    /// element's path from the snapshot's root).
    case local(slot: Int, name: String)
    /// A comprehension variable over a list: the range's path plus the element's index.
    case element(slot: Int, range: FactPath, name: String)
    /// A field of something.
    case member(FactPath, String)
    /// An element by constant key: `base[3]`, `base["k"]`.
    case index(FactPath, String)
    /// An expression that is not a path, shown as text.
    case text(String)

    func render(_ frame: CELFrame) -> String {
        switch self {
        case .root(let name): return name
        case .local(_, let name):
            return name
        case .element(let slot, let range, _):
            return range.render(frame) + "[\(frame.iterationIndex(of: slot))]"
        case .member(let base, let field): return base.render(frame) + Value.celSelector(field)
        case .index(let base, let key): return base.render(frame) + "[" + key + "]"
        case .text(let text): return text
        }
    }

}
