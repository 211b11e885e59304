import StrictYAML

/// The cost model: besides one step per call, operator and comprehension iteration, a call
/// costs one step per `bytesPerStep` bytes it reads or allocates — the text of its string
/// arguments and result, eight bytes per list element and sixteen per map entry — as cel-go's
/// cost estimation charges string and list operations by size. A `join` building 90 MB, a
/// `contains` scanning it or `matches` running over it then spend their work from the budget,
/// not one step. The arguments are charged before the call runs, with the estimate of
/// `CELPreflight` for calls whose work the top-level sizes do not show, the result after.
enum CELCost {
    /// Bytes read or allocated per step.
    static let bytesPerStep = 64

    /// The bytes a value occupies, as the cost model counts them.
    @inline(__always)
    static func size(_ value: Value) -> Int {
        switch value {
        case .string(let s): s.utf8.count
        case .bytes(let b): b.count
        case .list(let l): l.count &* 8
        case .map(let m): m.count &* 16
        default: 0
        }
    }

    /// The extra steps of these values (a call's arguments, or its result).
    @inline(__always)
    static func of(_ a: Value, _ b: Value = .null, _ c: Value = .null, _ d: Value = .null) -> Int {
        (size(a) &+ size(b) &+ size(c) &+ size(d)) / bytesPerStep
    }

    /// The extra steps of a call with any number of arguments.
    static func of(_ result: Value, arguments: [Value]) -> Int {
        arguments.reduce(size(result)) { $0 &+ size($1) } / bytesPerStep
    }

    /// The steps of a regular expression match over `text`: the matcher is linear, and each
    /// byte may advance every thread of the program, so a byte costs more than a copied one.
    @inline(__always)
    static func match(_ text: String) -> Int {
        text.utf8.count / 4
    }

    /// Steps of the regular-expression machine per evaluation step: what a search took, charged
    /// after it (a large program over a long text takes up to the regex step limit per call,
    /// whatever the text's length).
    static let regexStepsPerStep = 4

    /// The extra steps of a regular-expression search that took `steps` machine steps.
    @inline(__always)
    static func regex(_ steps: Int) -> Int {
        steps / regexStepsPerStep
    }
}
