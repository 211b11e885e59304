public import StrictYAML

/// How one evaluation runs: the date, overrides, extra waivers, language and strictness.
public struct EvaluationOptions: Sendable {
    /// The evaluation date; overrides the snapshot's `project.as_of`.
    public var asOf: Timestamp?
    /// Parameter overrides from the command line (`--param name=value`), applied last.
    public var parameters: [(name: String, value: Value)]
    /// Waivers from a `--waivers` file, added to the snapshot's own.
    public var waivers: [Waiver]
    /// The language for messages (`en`, `zh`); English is the fallback.
    public var language: String
    /// Whether unknown results count as failures for the gate.
    public var isStrict: Bool
    /// How far after the evaluation date a waiver may expire, in days (a waiver expiring later
    /// is bad input): waivers are temporary, not a way to switch a rule off for good.
    public var maxWaiverDays: Int = 365
    /// How many cores one snapshot's large `for_each` lists may use (1: evaluate serially).
    public var parallelism: Int = 1
    /// Whether to work out what it takes to clear each open finding (`Evaluation.whatItTakes`):
    /// re-evaluations of the failing rules, up to a few dozen per fact.
    public var findsWhatItTakes = true

    /// Creates options.
    public init(
        asOf: Timestamp? = nil, parameters: [(name: String, value: Value)] = [], waivers: [Waiver] = [],
        language: String = "en", isStrict: Bool = false
    ) {
        self.asOf = asOf
        self.parameters = parameters
        self.waivers = waivers
        self.language = language
        self.isStrict = isStrict
    }
}
