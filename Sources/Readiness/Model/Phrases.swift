/// The words the library itself writes into results and plans (a missing fact, a follow-on
/// phase's name, "and 3 more"), in English or Chinese. Reports' own chrome lives in the
/// Reporting module's catalogue; rule texts come from the rulesets.
public struct Phrases: Sendable {
    /// The language code; anything but Chinese falls back to English.
    public let language: String

    /// Creates the phrasebook of a language.
    public init(language: String) {
        self.language = language
    }

    /// Whether the language is Chinese (`zh`, `zh-CN`, …).
    public var isChinese: Bool { language == "zh" || language.hasPrefix("zh-") }

    private func t(_ en: String, _ zh: String) -> String { isChinese ? zh : en }

    /// "missing fact: PATH".
    public func missingFact(_ path: String) -> String { t("missing fact: \(path)", "缺少事实：\(path)") }

    /// " (and 3 more)", appended to the message of a rule's first finding.
    public func andMore(_ count: Int) -> String { t(" (and \(count) more)", "（另有 \(count) 项）") }

    /// A message placeholder whose fact is not known: "unknown".
    public var unknownValue: String { t("unknown", "未知") }

    /// Between the items of a list inside a message.
    public var listSeparator: String { t(", ", "、") }

    /// A severity's name ("high", "高").
    public func severityName(_ severity: Severity) -> String {
        switch severity {
        case .info: t("info", "提示")
        case .low: t("low", "低")
        case .medium: t("medium", "中")
        case .high: t("high", "高")
        case .critical: t("critical", "严重")
        }
    }

    /// An action's name ("split", "拆分").
    public func actionName(_ action: RuleAction) -> String {
        switch action {
        case .warn: t("warn", "提醒")
        case .mitigate: t("mitigate", "缓解")
        case .split: t("split", "拆分")
        case .defer: t("defer", "推迟")
        case .block: t("block", "阻断")
        }
    }

    /// The name of the follow-on phase that receives what a split moves out of a phase.
    public func followOnName(of phase: String) -> String { t("\(phase) follow-on", "\(phase)（后续）") }
}
