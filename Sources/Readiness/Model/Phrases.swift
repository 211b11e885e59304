/// The phrasebook: the words the tool writes, in English or Chinese. The library's own words
/// (a missing fact, a follow-on phase's name, "and 3 more") are here; the reports' chrome is
/// written in extensions of it next to the reporters, each phrase with its English and Chinese
/// side by side. Rule texts come from the rulesets.
public struct Phrases: Sendable {
    /// The language code as given (`en`, `zh`, `zh-CN`); rule texts are resolved with it.
    public let language: String

    /// The language the phrases are written in: Chinese for `zh` and `zh-…`, else English.
    public let phraseLanguage: Language

    /// Creates the phrasebook of a language code; anything but Chinese falls back to English.
    public init(language: String) {
        self.language = language
        self.phraseLanguage = Language(code: language)
    }

    /// Whether the phrases are Chinese (`zh`, `zh-CN`, …).
    public var isChinese: Bool { phraseLanguage == .zh }

    /// A phrase in the phrasebook's language, its English and Chinese given side by side:
    /// `t("Summary", "概要")`.
    public func t(_ en: String, _ zh: String) -> String { Phrase(en: en, zh: zh)[phraseLanguage] }

    /// "missing fact: PATH".
    public func missingFact(_ path: String) -> String { t("missing fact: \(path)", "缺少事实：\(path)") }

    /// " (and 3 more)", appended to the message of a rule's first finding.
    public func andMoreSuffix(_ count: Int) -> String { t(" (and \(count) more)", "（另有 \(count) 项）") }

    /// A message placeholder whose fact is not known: "unknown".
    public var unknownValue: String { t("unknown", "未知") }

    /// Between the items of a list inside a message or a report's running text.
    public var listSeparator: String { t(", ", "、") }

    /// A severity's name ("high", "高").
    public func severityName(_ severity: Severity) -> String { translation(of: severity.rawValue, in: .severity) ?? severity.rawValue }

    /// An action's name ("split", "拆分").
    public func actionName(_ action: RuleAction) -> String { translation(of: action.rawValue, in: .action) ?? action.rawValue }

    /// The name of the follow-on phase that receives what a split moves out of a phase.
    public func followOnName(of phase: String) -> String { t("\(phase) follow-on", "\(phase)（后续）") }
}
