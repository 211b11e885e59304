/// The words values stand for in rule messages, by language: the rulesets' `terms:`, such as
/// `project_manager` → "project manager" / "项目经理". A placeholder whose whole value is a
/// term reads as the term's text; any other value reads as it is.
public final class RuleTerms: Sendable {
    /// The texts by value.
    public let table: [String: LocalizedText]

    /// Creates a table of terms.
    public init(_ table: [String: LocalizedText]) {
        self.table = table
    }

    /// The text of a value in a language, when the value is a term.
    public func text(of value: String, language: String) -> String? {
        table[value]?.resolved(language)
    }
}
