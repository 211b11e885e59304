extension RE2Regex {
    /// A compiled pattern: instructions for the ``Machine``, in the style of Thompson's construction.
    struct Program: Sendable {
        /// One step of the program; `.split` and `.jump` hold instruction indices.
        enum Instruction: Sendable, Equatable {
            /// Consumes one scalar equal to the given one.
            case scalar(Unicode.Scalar)
            /// Consumes one scalar in ``Program/sets`` at the given index.
            case scalarSet(Int)
            /// Consumes any scalar.
            case anyScalar
            /// Consumes any scalar but `\n`.
            case anyScalarExceptNewline
            /// Continues at both targets.
            case split(Int, Int)
            /// Continues at the target.
            case jump(Int)
            /// Continues at the next instruction if the assertion holds here.
            case assertion(Assertion)
            /// Reports a match.
            case match
        }

        /// The instructions; execution starts at index 0.
        private(set) var instructions: [Instruction] = []
        /// The scalar sets that `.scalarSet` instructions refer to.
        private(set) var sets: [ScalarSet] = []
        /// Whether some set folds case at match time, so the machine must compute case variants.
        private(set) var needsCaseVariants = false
        /// Whether some set tests general categories, so the machine should look up each scalar's category once.
        private(set) var usesCategories = false
        /// Whether the program can only match at the start of the text.
        var isAnchoredAtStart: Bool { instructions.first == .assertion(.beginningOfText) }

        /// Where each distinct set sits in ``sets``, while compiling.
        private var setIndices: [ScalarSet: Int] = [:]
        private let maxSize: Int
        private var outermostRepetitionOffset: Int?
        /// Calls to ``compile(_:)`` left; bounds the work for repetitions of groups that emit nothing, like `(?:(?:){1000}){1000}`.
        private var remainingCompileCalls: Int

        /// Compiles `node`, failing once the program would exceed `maxSize` instructions.
        init(compiling node: Node, maxSize: Int) throws(CompileError) {
            self.maxSize = maxSize
            remainingCompileCalls = maxSize.multipliedReportingOverflow(by: 4).partialValue
            try compile(node)
            try emit(.match)
            setIndices = [:]
        }

        @discardableResult
        private mutating func emit(_ instruction: Instruction) throws(CompileError) -> Int {
            guard instructions.count < maxSize else {
                throw CompileError(.programTooLarge(limit: maxSize), at: outermostRepetitionOffset ?? 0)
            }
            instructions.append(instruction)
            return instructions.count - 1
        }

        /// Emits the instructions for `node`. The recursion is bounded by the parser's nesting limit.
        private mutating func compile(_ node: Node) throws(CompileError) {
            remainingCompileCalls -= 1
            guard remainingCompileCalls >= 0 else {
                throw CompileError(.programTooLarge(limit: maxSize), at: outermostRepetitionOffset ?? 0)
            }
            switch node {
            case .empty:
                break
            case .scalar(let scalar):
                try emit(.scalar(scalar))
            case .scalarSet(let set):
                try emit(.scalarSet(index(of: set)))
            case .anyScalar:
                try emit(.anyScalar)
            case .anyScalarExceptNewline:
                try emit(.anyScalarExceptNewline)
            case .assertion(let assertion):
                try emit(.assertion(assertion))
            case .concatenation(let nodes):
                for node in nodes {
                    try compile(node)
                }
            case .alternation(let nodes):
                try compileAlternation(nodes)
            case .repetition(let body, let min, let max, let offset):
                let isOutermost = outermostRepetitionOffset == nil
                if isOutermost {
                    outermostRepetitionOffset = offset
                }
                try compileRepetition(body, min: min, max: max)
                if isOutermost {
                    outermostRepetitionOffset = nil
                }
            }
        }

        private mutating func compileAlternation(_ nodes: [Node]) throws(CompileError) {
            var exits: [Int] = []
            for (position, node) in nodes.enumerated() {
                if position == nodes.count - 1 {
                    try compile(node)
                    break
                }
                let split = try emit(.split(0, 0))
                try compile(node)
                exits.append(try emit(.jump(0)))
                instructions[split] = .split(split + 1, instructions.count)
            }
            for exit in exits {
                instructions[exit] = .jump(instructions.count)
            }
        }

        private mutating func compileRepetition(_ body: Node, min: Int, max: Int?) throws(CompileError) {
            guard let max else {
                if min == 0 {
                    // loop: split(body, exit); body; jump loop
                    let loop = try emit(.split(0, 0))
                    try compile(body)
                    try emit(.jump(loop))
                    instructions[loop] = .split(loop + 1, instructions.count)
                } else {
                    for _ in 0..<(min - 1) {
                        try compile(body)
                    }
                    // loop: body; split(loop, exit)
                    let loop = instructions.count
                    try compile(body)
                    try emit(.split(loop, instructions.count + 1))
                }
                return
            }
            for _ in 0..<min {
                try compile(body)
            }
            var optionalSplits: [Int] = []
            for _ in min..<max {
                optionalSplits.append(try emit(.split(0, 0)))
                try compile(body)
            }
            for split in optionalSplits {
                instructions[split] = .split(split + 1, instructions.count)
            }
        }

        private mutating func index(of set: ScalarSet) -> Int {
            if let index = setIndices[set] {
                return index
            }
            sets.append(set)
            setIndices[set] = sets.count - 1
            needsCaseVariants = needsCaseVariants || set.needsCaseVariants
            usesCategories = usesCategories || set.usesCategories
            return sets.count - 1
        }
    }
}
