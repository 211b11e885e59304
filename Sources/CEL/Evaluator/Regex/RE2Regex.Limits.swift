extension RE2Regex {
    /// Bounds that keep compiling and matching an untrusted pattern cheap in time and memory.
    public struct Limits: Sendable, Equatable {
        /// The longest pattern accepted, counted in Unicode scalars.
        public var maxPatternLength: Int

        /// The most instructions the compiled program may hold; counted repetition multiplies it.
        public var maxProgramSize: Int

        /// The most machine steps one call to ``RE2Regex/matches(_:)`` may take before it gives up.
        public var maxSteps: Int

        /// Limits that suit CEL: generous for real patterns, bounded for hostile ones.
        public static let `default` = Limits()

        /// Creates limits, each defaulting to the value in ``default``.
        public init(
            maxPatternLength: Int = 10_000, maxProgramSize: Int = 10_000, maxSteps: Int = 50_000_000
        ) {
            self.maxPatternLength = maxPatternLength
            self.maxProgramSize = maxProgramSize
            self.maxSteps = maxSteps
        }
    }
}
