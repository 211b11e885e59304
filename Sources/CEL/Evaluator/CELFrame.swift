import StrictYAML

/// A compiled node: evaluates itself against a frame.
typealias CELEval = @Sendable (CELFrame) throws(CELEvaluationError) -> Value

/// The mutable state of one evaluation: variables by slot, the step budget, and the bindings.
///
/// One frame is allocated per evaluation; nodes read and write its slots directly.
final class CELFrame {
    let globals: ValueMap
    let bindings: [String: Value]
    let hasBindings: Bool
    /// Locals first, then comprehension variables.
    var slots: [Value]
    /// For each comprehension slot, the index of the element it holds (for naming missing facts).
    var iterationIndex: [Int]
    let localPaths: [String?]
    var steps = 0
    let maxSteps: Int

    init(activation: CELActivation, slotCount: Int, hasComprehensions: Bool, maxSteps: Int) {
        globals = activation.globals
        bindings = activation.bindings
        hasBindings = !activation.bindings.isEmpty
        var slots = activation.locals
        if slots.count < slotCount {
            slots.append(contentsOf: repeatElement(Value.null, count: slotCount - slots.count))
        }
        self.slots = slots
        iterationIndex = hasComprehensions ? Array(repeating: 0, count: slots.count) : []
        localPaths = activation.localPaths
        self.maxSteps = maxSteps
    }

    /// Spends one step of the budget.
    @inline(__always)
    func step() throws(CELEvaluationError) {
        steps &+= 1
        if steps > maxSteps {
            throw CELEvaluationError(
                .costLimitExceeded, "evaluation exceeded its budget of \(maxSteps) steps")
        }
    }
}

/// How a missing fact is named: a path from the snapshot's root where one is known.
indirect enum FactPath: Sendable {
    /// A free identifier.
    case root(String)
    /// A local bound by the activation, named by its `localPaths` entry when there is one.
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
        case .local(let slot, let name):
            if slot < frame.localPaths.count, let path = frame.localPaths[slot] { return path }
            return name
        case .element(let slot, let range, _):
            return range.render(frame) + "[\(frame.iterationIndex[slot])]"
        case .member(let base, let field): return base.render(frame) + Self.segment(field)
        case .index(let base, let key): return base.render(frame) + "[" + key + "]"
        case .text(let text): return text
        }
    }

    static func segment(_ field: String) -> String {
        let simple =
            field.unicodeScalars.first.map(CELLexer.isIdentifierStart) == true
            && field.unicodeScalars.allSatisfy { CELLexer.isIdentifierStart($0) || CELLexer.isDigit($0) }
        return simple ? "." + field : "[" + Value.string(field).celSource + "]"
    }
}
