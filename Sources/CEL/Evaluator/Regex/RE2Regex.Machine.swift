extension RE2Regex {
    /// A Pike VM: runs every thread of a ``Program`` in lockstep over the text's scalars.
    ///
    /// Each instruction joins a position's thread list at most once, so a search costs
    /// O(program × text) steps whatever the pattern, and never backtracks.
    struct Machine {
        /// The outcome of following a thread's empty transitions.
        private enum Progress {
            case running
            case matched
            case outOfSteps
        }

        /// The instructions waiting to consume the scalar at one position, each at most once.
        private struct ThreadList {
            private(set) var pcs: [Int] = []
            private var marks: [UInt32]
            private var generation: UInt32 = 1

            init(capacity: Int) {
                marks = Array(repeating: 0, count: capacity)
                pcs.reserveCapacity(capacity)
            }

            /// Marks `pc` as visited; false if it already was.
            mutating func visit(_ pc: Int) -> Bool {
                guard marks[pc] != generation else { return false }
                marks[pc] = generation
                return true
            }

            mutating func append(_ pc: Int) {
                pcs.append(pc)
            }

            mutating func removeAll() {
                pcs.removeAll(keepingCapacity: true)
                generation &+= 1
                if generation == 0 {
                    marks = Array(repeating: 0, count: marks.count)
                    generation = 1
                }
            }
        }

        private let program: Program
        private let instructions: [Program.Instruction]
        private let isAnchoredAtStart: Bool
        private let text: [Unicode.Scalar]
        private let maxSteps: Int
        /// The steps taken so far (the cost model charges them).
        private(set) var steps = 0
        private var pending: [Int] = []

        init(program: Program, text: String, maxSteps: Int) {
            self.program = program
            instructions = program.instructions
            isAnchoredAtStart = program.isAnchoredAtStart
            self.text = Array(text.unicodeScalars)
            self.maxSteps = maxSteps
        }

        /// Searches the whole text: true on a match, false on none, nil when the step budget ran out.
        mutating func run() -> Bool? {
            var current = ThreadList(capacity: instructions.count)
            var next = ThreadList(capacity: instructions.count)
            var position = 0
            while true {
                if position == 0 || !isAnchoredAtStart {
                    switch follow(0, at: position, into: &current) {
                    case .matched: return true
                    case .outOfSteps: return nil
                    case .running: break
                    }
                }
                guard position < text.count else { return false }
                if current.pcs.isEmpty, isAnchoredAtStart {
                    return false
                }
                let scalar = text[position]
                let probe = ScalarSet.Probe(
                    value: scalar.value,
                    categoryBit: program.usesCategories ? UnicodeTables.categoryBit(ofValue: scalar.value) : 0,
                    variants: program.needsCaseVariants ? CaseFolding.variants(of: scalar.value) : []
                )
                for pc in current.pcs {
                    steps += 1
                    if steps > maxSteps { return nil }
                    let consumes: Bool
                    switch instructions[pc] {
                    case .scalar(let expected): consumes = scalar == expected
                    case .scalarSet(let index):
                        consumes = program.sets[index].matches(probe)
                    case .anyScalar: consumes = true
                    case .anyScalarExceptNewline: consumes = scalar != "\n"
                    case .split, .jump, .assertion, .match: consumes = false
                    }
                    guard consumes else { continue }
                    switch follow(pc + 1, at: position + 1, into: &next) {
                    case .matched: return true
                    case .outOfSteps: return nil
                    case .running: break
                    }
                }
                swap(&current, &next)
                next.removeAll()
                position += 1
            }
        }

        /// Adds the thread at `pc` to `list`, following jumps, splits and assertions at `position`.
        private mutating func follow(_ start: Int, at position: Int, into list: inout ThreadList)
            -> Progress
        {
            pending.append(start)
            defer { pending.removeAll(keepingCapacity: true) }
            while let pc = pending.popLast() {
                guard list.visit(pc) else { continue }
                steps += 1
                if steps > maxSteps { return .outOfSteps }
                switch instructions[pc] {
                case .jump(let target):
                    pending.append(target)
                case .split(let first, let second):
                    pending.append(second)
                    pending.append(first)
                case .assertion(let assertion):
                    let previous = position > 0 ? text[position - 1] : nil
                    let following = position < text.count ? text[position] : nil
                    if assertion.holds(after: previous, before: following) {
                        pending.append(pc + 1)
                    }
                case .match:
                    return .matched
                case .scalar, .scalarSet, .anyScalar, .anyScalarExceptNewline:
                    list.append(pc)
                }
            }
            return .running
        }
    }
}
