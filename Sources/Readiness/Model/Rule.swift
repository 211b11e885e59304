public import CEL
public import SourceDiagnostics
public import StrictYAML

/// One compiled rule: what it checks, how it is judged, and what a failure calls for.
public struct Rule: Sendable {
    /// An ordered outcome: the first whose condition holds decides the status.
    public struct Outcome: Sendable {
        /// The status the outcome gives: pass, warn or fail.
        public var status: ResultStatus
        /// The condition.
        public var condition: CompiledExpression
        /// The outcome's own message, when it has one.
        public var message: MessageTemplate?
    }

    /// A `for_each: NAME in EXPR` clause.
    public struct Iteration: Sendable {
        /// The element variable's name.
        public var variable: String
        /// The expression giving the list (or map, whose keys are iterated).
        public var list: CompiledExpression
    }

    /// An `affects` entry: a phase-scope kind and the expression giving the affected item.
    public struct Affect: Sendable {
        /// The scope kind, such as `sites` or `modules`.
        public var kind: String
        /// The expression that names the affected item.
        public var item: CompiledExpression
    }

    /// A reference to practice or documentation.
    public struct Reference: Sendable, Hashable, Codable {
        /// The reference's title or citation.
        public var title: String
        /// A link, when there is one.
        public var url: String?
    }

    public var id: String
    public var title: LocalizedText
    public var category: String
    public var severity: Severity
    public var likelihood: Int
    public var impact: Int
    public var iteration: Iteration?
    public var when: CompiledExpression?
    /// The judgement: a single check, or ordered outcomes.
    public var check: CompiledExpression?
    public var outcomes: [Outcome]
    public var message: MessageTemplate?
    public var rationale: LocalizedText?
    public var recommendation: LocalizedText?
    public var evidence: LocalizedText?
    public var references: [Reference]
    public var tags: [String]
    public var action: RuleAction
    public var affects: [Affect]
    public var subject: CompiledExpression?
    /// When the check is due (nil: at every stage, a feasibility check included).
    public var due: Due? = nil
    /// Days the prerequisite work a failure calls for takes (a WAN circuit, new hardware),
    /// counted from the evaluation date: a follow-on phase starts no earlier.
    public var leadTimeDays: Int? = nil
    /// Days before a phase's go-live by which the rule's evidence must be in.
    public var evidenceDeadlineDays: Int = RuleTimingDefaults.evidenceDeadlineDays
    /// Whether the rule runs: a client's override may switch it off (`enabled: false`).
    public var isEnabled = true
    /// Parameter values for this rule only (from overrides); they win over the parameters in
    /// force, the command line's included.
    public var parameterBindings: [RuleOverride.ParameterValue] = []
    /// The scope items an override restricts the rule to, by kind; empty: everywhere.
    public var only: [Phase.ScopeEntry] = []
    /// How values read in the rule's messages, by language (the rulesets' `terms`).
    public var terms: RuleTerms? = nil
    /// The overrides applied to the rule, in order.
    public var appliedOverrides: [RuleOverride] = []
    /// The id of the ruleset that defines the rule.
    public var rulesetID: String
    /// Where the rule starts in its file.
    public var location: SourceLocation

    /// The risk score of an open failure: likelihood × impact (1–25).
    public var exposure: Int { likelihood * impact }
}

/// A CEL expression as a rule gives it: its source, where it stands, and its compiled program.
///
/// The program keeps the source and origin it was compiled from, so an expression is one
/// reference the evaluator's per-element reads share.
public struct CompiledExpression: Sendable {
    /// The compiled program.
    public let program: CELProgram

    /// The source text.
    public var source: String { program.source }

    /// Where the expression starts in its file.
    public var location: SourceLocation {
        program.origin ?? SourceLocation(file: "<expression>", position: SourcePosition(line: 1, column: 1))
    }
}

/// A message with `{{ expr }}` placeholders, compiled once.
public struct MessageTemplate: Sendable {
    /// A literal run of text, or an expression to render.
    public enum Segment: Sendable {
        case text(String)
        case expression(CompiledExpression)
    }

    /// The template by language, each a list of segments.
    public var translations: [(language: String, segments: [Segment])]

    /// The segments for a language, falling back to English, then the first given.
    public func segments(for language: String) -> [Segment] {
        if let t = translations.first(where: { $0.language == language }) { return t.segments }
        if let t = translations.first(where: { $0.language == "en" }) { return t.segments }
        return translations.first?.segments ?? []
    }
}

/// A parameter: a named threshold with its value and where it was set.
public struct Parameter: Sendable {
    public var name: String
    public var value: Value
    public var location: SourceLocation?
    /// Which ruleset declared it.
    public var rulesetID: String
    /// The ruleset whose declaration of the same name this one replaces, through that
    /// ruleset's `overrides_params` (nil for a parameter no other ruleset declares).
    public var overrides: String? = nil
}
