
/// A loaded ruleset file: its header and its rules.
public struct Ruleset: Sendable {
    public var id: String
    public var title: LocalizedText?
    public var version: String?
    public var description: LocalizedText?
    /// The `extends` entries as written.
    public var extends: [String]
    public var parameters: [Parameter]
    public var rules: [Rule]
    /// Custom facts the ruleset declares (`facts:`), extending the snapshot schema.
    public var facts: [FactDeclaration] = []
    /// How values read in messages (`terms:`): a role name, say, by language.
    public var terms: [(value: String, text: LocalizedText)] = []
    /// The ruleset's calibration of rules it loads (`overrides:`), applied once every ruleset
    /// is loaded.
    public var overrides: [RuleOverride] = []
    /// The file it came from (`builtin:NAME` for a built-in).
    public var file: String
    /// SHA-256 of the file's bytes, hex.
    public var sha256: String
}

/// Every ruleset loaded for a run, with `extends` resolved: the rules to evaluate and their params.
public struct RuleCatalog: Sendable {
    /// The rulesets, in load order (a ruleset comes after those it extends).
    public var rulesets: [Ruleset]

    /// Creates a catalog.
    public init(rulesets: [Ruleset]) {
        self.rulesets = rulesets
    }

    /// The rules that run, in load order (an override may have switched some off).
    public var rules: [Rule] { rulesets.flatMap { $0.rules.filter(\.isEnabled) } }

    /// Every rule loaded, switched off or not, in load order.
    public var allRules: [Rule] { rulesets.flatMap(\.rules) }

    /// The overrides applied to the rules (from rulesets, then from a snapshot), in order.
    public var overrides: [RuleOverride] = []

    /// The rule with this id (switched off or not).
    public func rule(withID id: String) -> Rule? {
        for ruleset in rulesets {
            if let rule = ruleset.rules.first(where: { $0.id == id }) { return rule }
        }
        return nil
    }

    /// The declared parameters; a later ruleset's value replaces an earlier one's.
    public var parameters: [Parameter] {
        var order: [String] = []
        var byName: [String: Parameter] = [:]
        for ruleset in rulesets {
            for p in ruleset.parameters {
                if byName[p.name] == nil { order.append(p.name) }
                byName[p.name] = p
            }
        }
        return order.compactMap { byName[$0] }
    }
}
