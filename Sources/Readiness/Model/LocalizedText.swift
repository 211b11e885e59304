/// Text that a ruleset gives in one or more languages (`{en: ..., zh: ...}`) or as a plain string.
public struct LocalizedText: Sendable, Hashable {
    /// The text by language code, in the order the file gave them.
    public var translations: [(language: String, text: String)] {
        zip(languages, texts).map { ($0, $1) }
    }
    private var languages: [String]
    private var texts: [String]

    /// Text in a single, unnamed language (used for every language).
    public init(_ text: String) {
        languages = [""]
        texts = [text]
    }

    /// Text by language, in order.
    public init(_ pairs: [(String, String)]) {
        languages = pairs.map(\.0)
        texts = pairs.map(\.1)
    }

    /// The text in `language`, falling back to English, then to the first given.
    public func resolved(_ language: String) -> String {
        if let i = languages.firstIndex(of: language) { return texts[i] }
        if let i = languages.firstIndex(of: "en") { return texts[i] }
        return texts.first ?? ""
    }

    /// Whether a language is present (an unnamed text counts for every language).
    public func has(_ language: String) -> Bool {
        languages.contains(language) || languages == [""]
    }

    /// The languages given.
    public var languageCodes: [String] { languages }

    public static func == (a: LocalizedText, b: LocalizedText) -> Bool {
        a.languages == b.languages && a.texts == b.texts
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(languages)
        hasher.combine(texts)
    }
}
