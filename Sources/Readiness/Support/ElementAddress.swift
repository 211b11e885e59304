public import StrictYAML

/// How a path names a list element: `network.sites[Pit Creek Mine]` is the element whose
/// `name` is "Pit Creek Mine"; failing that, whose `id` is; failing that, the only element with
/// some text field equal to it (`site: Pit Creek Mine`); `[3]` is the element at index 3.
public enum ElementAddress {
    /// The index of the element a key names, or nil when none (or several) match.
    /// - Parameter allowsIndex: whether a number names an index (false for a quoted key).
    public static func index(of key: String, in list: ValueList, allowsIndex: Bool = true) -> Int? {
        if allowsIndex, let n = Int(key) { return n >= 0 && n < list.count ? n : nil }
        for field in ["name", "id"] {
            if let i = unique(in: list, where: { map in Self.text(map[field]) == key }) { return i }
        }
        return unique(in: list) { map in
            map.values.contains { Self.text($0) == key }
        }
    }

    /// A list's elements by `name`, and by `id`, built once: the first two steps of `index(of:in:)`
    /// without scanning the list per lookup.
    public struct Names: Sendable {
        private var byName: [String: Int] = [:]
        private var byID: [String: Int] = [:]
        /// Keys that name several elements (by name, or by id).
        private var ambiguousNames = Set<String>()
        private var ambiguousIDs = Set<String>()

        /// Indexes a list.
        public init(_ list: ValueList) {
            for (i, element) in list.elements.enumerated() {
                guard case .map(let map) = element else { continue }
                if let name = ElementAddress.text(map["name"]) {
                    if byName.updateValue(i, forKey: name) != nil { ambiguousNames.insert(name) }
                }
                if let id = ElementAddress.text(map["id"]) {
                    if byID.updateValue(i, forKey: id) != nil { ambiguousIDs.insert(id) }
                }
            }
        }

        /// The element a key names by name, then by id, as `index(of:in:)` resolves them; nil
        /// when neither names exactly one element (other fields are not indexed).
        public func index(of key: String) -> Int? {
            if !ambiguousNames.contains(key), let i = byName[key] { return i }
            if !ambiguousIDs.contains(key), let i = byID[key] { return i }
            return nil
        }
    }

    /// Whether a key can be written inside `[…]` of a path and read back unchanged.
    public static func isPlainKey(_ key: String) -> Bool {
        !key.isEmpty && Int(key) == nil && !key.contains(where: { "[]'\"\n\r".contains($0) })
            && key.trimmingSpaces == key
    }

    private static func unique(in list: ValueList, where matches: (ValueMap) -> Bool) -> Int? {
        var found: Int?
        for (i, element) in list.elements.enumerated() {
            guard case .map(let map) = element, matches(map) else { continue }
            if found != nil { return nil }
            found = i
        }
        return found
    }

    fileprivate static func text(_ value: Value?) -> String? {
        switch value {
        case .string(let s)?: s
        case .int(let i)?: String(i)
        default: nil
        }
    }
}

extension String {
    /// The text without leading and trailing spaces.
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
