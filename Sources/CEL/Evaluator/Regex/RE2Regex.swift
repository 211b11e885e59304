/// A regular expression with RE2 syntax and semantics, safe to compile and run on untrusted input.
///
/// Matching simulates a Thompson NFA in the manner of a Pike VM, over Unicode scalars, so it takes
/// time proportional to the pattern size times the text length and never backtracks. ``Limits``
/// bound the pattern length, the compiled program's size and the steps of each search.
///
/// ```swift
/// let regex = try RE2Regex(#"^v\d+\.\d+$"#)
/// regex.matches("v1.2")  // true
/// ```
public struct RE2Regex: Sendable {
    private let program: Program
    private let limits: Limits

    /// Compiles `pattern`, throwing a ``CompileError`` that locates what RE2 would reject.
    ///
    /// - Parameters:
    ///   - pattern: RE2 syntax, such as `(?i)^[a-z]+\d*$`.
    ///   - limits: The bounds on pattern length, program size and search steps.
    public init(_ pattern: String, limits: Limits = .default) throws(CompileError) {
        let scalars = Array(pattern.unicodeScalars)
        guard scalars.count <= limits.maxPatternLength else {
            throw CompileError(
                .patternTooLong(length: scalars.count, limit: limits.maxPatternLength), at: limits.maxPatternLength)
        }
        var parser = Parser(scalars)
        let node = try parser.parse()
        program = try Program(compiling: node, maxSize: limits.maxProgramSize)
        self.limits = limits
    }

    /// Unanchored search (like RE2's PartialMatch): true if the pattern matches anywhere in text; nil when the step budget ran out.
    public func matches(_ text: String) -> Bool? {
        var steps = 0
        return matches(text, steps: &steps)
    }

    /// Unanchored search that also adds the steps it took to `steps` (at most the step budget,
    /// plus one): what the search cost, for a caller that budgets its work.
    public func matches(_ text: String, steps: inout Int) -> Bool? {
        var machine = Machine(program: program, text: text, maxSteps: limits.maxSteps)
        let matched = machine.run()
        steps &+= machine.steps
        return matched
    }
}
