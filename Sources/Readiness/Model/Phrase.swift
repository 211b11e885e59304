/// One thing the tool writes, in each of its languages side by side:
/// `Phrase(en: "Summary", zh: "概要")[language]`.
public struct Phrase: Sendable, Hashable {
    /// The English text.
    public let en: String
    /// The Chinese text.
    public let zh: String

    /// Creates a phrase from its English and Chinese texts.
    public init(en: String, zh: String) {
        self.en = en
        self.zh = zh
    }

    /// The text in a language.
    public subscript(language: Language) -> String {
        switch language {
        case .en: en
        case .zh: zh
        }
    }
}
