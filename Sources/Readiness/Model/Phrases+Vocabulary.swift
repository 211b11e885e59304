extension Phrases {
    /// A kind of word that rulesets and snapshots write in English (a severity, a scope kind),
    /// which the tool translates when it writes Chinese.
    public enum Vocabulary: Sendable, Hashable {
        /// A rule's severity (`high`).
        case severity
        /// A rule's action (`split`).
        case action
        /// A rule category (`network`); the built-in ones are translated.
        case category
        /// A kind of phase scope (`sites`).
        case scopeKind
        /// A rule field an override changes (`likelihood`).
        case overrideField
        /// Where an override or an input came from (`ruleset`, `snapshot`).
        case origin
    }

    /// The Chinese of each word the vocabularies know. English needs no table: the word is
    /// English already.
    private static let chinese: [Vocabulary: [String: String]] = [
        .severity: ["info": "提示", "low": "低", "medium": "中", "high": "高", "critical": "严重"],
        .action: ["warn": "提醒", "mitigate": "缓解", "split": "拆分", "defer": "推迟", "block": "阻断"],
        .category: [
            "data": "数据", "deployment": "部署上线", "environment": "系统环境", "governance": "项目治理",
            "network": "网络", "requirements": "需求", "staffing": "项目团队", "training": "培训",
        ],
        .scopeKind: ["sites": "站点", "modules": "模块", "departments": "部门", "processes": "流程", "integrations": "接口"],
        .overrideField: ["enabled": "启用", "severity": "严重程度", "action": "处置", "likelihood": "可能性", "impact": "影响"],
        .origin: ["ruleset": "规则集", "snapshot": "快照"],
    ]

    /// A word of a vocabulary translated into the phrasebook's language; nil when the phrasebook
    /// is English (the word is its own English) or the vocabulary does not know the word.
    public func translation(of word: String, in vocabulary: Vocabulary) -> String? {
        guard isChinese else { return nil }
        return Self.chinese[vocabulary]?[word]
    }
}
