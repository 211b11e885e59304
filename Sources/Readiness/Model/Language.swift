/// A language the tool writes its own words in.
public enum Language: String, Sendable, Hashable, CaseIterable {
    /// English, the language of anything not Chinese.
    case en
    /// Chinese (simplified).
    case zh

    /// The language of a code: Chinese for `zh` and `zh-…` (`zh-CN`), English for anything else.
    public init(code: String) {
        self = code == "zh" || code.hasPrefix("zh-") ? .zh : .en
    }
}
