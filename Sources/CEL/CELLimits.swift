/// Bounds that keep compilation and evaluation safe on untrusted expressions and data.
public struct CELLimits: Sendable, Equatable {
    /// The evaluation budget of one expression: one step per function call, operator and
    /// comprehension iteration, plus the cost of what a call allocates or scans (`CELCost`).
    public var maxSteps: Int
    /// The budget of a whole run, in the same steps, shared by every evaluation of every rule
    /// on every core (`CELRunBudget`); nil for none.
    public var maxRunSteps: Int?
    /// The deepest nesting the parser accepts; deeper input is a syntax error, never a crash.
    public var maxParseDepth: Int
    /// The longest expression accepted, in Unicode scalars.
    public var maxExpressionLength: Int
    /// The bounds for regular expressions used by `matches`.
    public var regex: RE2Regex.Limits

    /// Creates limits.
    public init(
        maxSteps: Int = 10_000_000, maxParseDepth: Int = 250, maxExpressionLength: Int = 100_000,
        regex: RE2Regex.Limits = .default, maxRunSteps: Int? = 2_000_000_000
    ) {
        self.maxSteps = maxSteps
        self.maxRunSteps = maxRunSteps
        self.maxParseDepth = maxParseDepth
        self.maxExpressionLength = maxExpressionLength
        self.regex = regex
    }

    /// The default limits: room to filter a 50,000-element list several times over.
    public static let `default` = CELLimits()
}
