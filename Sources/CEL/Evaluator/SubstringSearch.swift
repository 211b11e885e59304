/// Substring search in linear time (Knuth–Morris–Pratt): `contains`, `indexOf`,
/// `lastIndexOf`, `split` and `replace` look for a needle of m elements in a text of n in
/// O(n + m), never O(n·m), whatever the text and needle (`"aaa…ab"` in `"aaa…a"`).
struct SubstringSearch<Element: Equatable> {
    /// The needle.
    let needle: [Element]
    /// For each prefix length of the needle, the length of its longest proper border.
    private let failure: [Int]

    /// Prepares a search for `needle` (O(m)).
    init(_ needle: [Element]) {
        self.needle = needle
        var failure = [Int](repeating: 0, count: needle.count + 1)
        var k = 0
        if needle.count > 1 {
            for i in 1..<needle.count {
                while k > 0 && needle[i] != needle[k] { k = failure[k] }
                if needle[i] == needle[k] { k += 1 }
                failure[i + 1] = k
            }
        }
        self.failure = failure
    }

    /// The first index at or after `from` where the needle starts in `text`.
    func firstIndex(in text: [Element], from: Int = 0) -> Int? {
        let m = needle.count
        if m == 0 { return from <= text.count ? from : nil }
        var k = 0
        var i = max(from, 0)
        while i < text.count {
            while k > 0 && text[i] != needle[k] { k = failure[k] }
            if text[i] == needle[k] { k += 1 }
            if k == m { return i - m + 1 }
            i += 1
        }
        return nil
    }

    /// Whether the needle occurs in `text`.
    func occurs(in text: [Element]) -> Bool {
        firstIndex(in: text) != nil
    }
}

extension SubstringSearch {
    /// The last index at or before `end` where `needle` starts in `text` (searched from the end,
    /// on the reversed text, in linear time).
    static func lastIndex(of needle: [Element], in text: [Element], atOrBefore end: Int) -> Int? {
        let n = text.count
        let m = needle.count
        guard m <= n else { return nil }
        let search = SubstringSearch(Array(needle.reversed()))
        let from = max(n - m - min(end, n - m), 0)
        guard let j = search.firstIndex(in: Array(text.reversed()), from: from) else { return nil }
        return n - m - j
    }
}
