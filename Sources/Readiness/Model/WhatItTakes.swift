public import StrictYAML

/// What it would take to clear one open finding: the single-fact changes that each, alone,
/// make its rule pass for that subject, found by re-evaluating the rule with the fact changed
/// (see docs/what-it-takes.md).
public struct WhatItTakes: Sendable {
    /// How the search ended.
    public enum Outcome: String, Sendable, Hashable, Codable {
        /// At least one single-fact change clears the finding (`changes`).
        case change
        /// The facts are not known: collect them first (`collect`).
        case collect
        /// No change to one fact, within the search's bounds, clears the finding.
        case noSingleChange = "no_single_change"
        /// The rule could not be evaluated (an error), so no change can be judged.
        case notEvaluable = "not_evaluable"
        /// The run's step budget was spent before this finding was searched.
        case notSearched = "not_searched"
    }

    /// How the search ended.
    public var outcome: Outcome
    /// Alternatives, each of which clears the finding on its own, the rule's first-read fact first.
    public var changes: [FactChange]
    /// The facts to collect, for a finding whose facts are missing.
    public var collect: [String]

    /// Creates a result.
    public init(outcome: Outcome, changes: [FactChange] = [], collect: [String] = []) {
        self.outcome = outcome
        self.changes = changes
        self.collect = collect
    }
}

/// One change to one fact: where, from what, to what.
public struct FactChange: Sendable {
    /// What kind of fact changes.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A number, moved to the first whole (or decimal) value that passes.
        case number
        /// A flag, flipped.
        case flag
        /// A `YYYY-MM-DD` date, moved by whole days.
        case date
        /// A list, grown by copies of one of its elements.
        case count
        /// A text, set to a value the rule accepts.
        case text
    }

    /// The fact, with list elements addressed by their name (`network.sites[Pit Creek Mine].wan_mbps`);
    /// `readiness whatif --set` reads this form.
    public var fact: String
    /// What kind of fact changes.
    public var kind: Kind
    /// The current value, as reports show it (for a list, its element count).
    public var from: String
    /// The value that clears the finding (for a list, the element count).
    public var to: String
    /// The difference (`+10`, `-3`, `+12 days`), for numbers, dates and counts.
    public var change: String?
    /// For a list grown by copies: the element copied, as findings name it.
    public var copiedElement: String?
    /// The path from the snapshot's root, list elements by index.
    public var steps: [FactStep]
    /// The new value itself.
    public var value: Value
    /// The value one search step short of `value` (one less, a day earlier, one copy fewer;
    /// the current value for flags and texts), which the search found not to clear the finding.
    public var justShort: Value?

    /// The `PATH=VALUE` argument of `readiness whatif --set` that makes this change, when the
    /// value is a scalar.
    public var assignment: String? {
        switch value {
        case .int, .uint, .double, .bool: "\(fact)=\(to)"
        case .string(let text): "\(fact)=\(FactChange.quoted(text))"
        default: nil
        }
    }

    /// A YAML single-quoted scalar.
    static func quoted(_ text: String) -> String {
        "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
    }
}

/// A step of a path into a snapshot: a key, or a list index.
public enum FactStep: Sendable, Hashable {
    case key(String)
    case index(Int)
}
