import SourceDiagnostics
public import StrictYAML

/// Facts written as "not known yet": `null` (`~`, or no value at all) and the strings
/// `unknown` and `TBD` in any case. A rule that reads such a fact is `unknown` with the path
/// to collect, exactly as if the key were absent.
///
/// The snapshot loader takes the markers out of every mapping once, at load time, so the
/// rules never see them and evaluation pays nothing for them.
public enum UnknownFacts {
    /// Whether a value says "not known yet".
    @inlinable
    public static func isMarker(_ value: Value) -> Bool {
        switch value {
        case .null: return true
        case .string(let text):
            // Compared byte by byte, ASCII case folded: no lowercased copy per string.
            let utf8 = text.utf8
            switch utf8.count {
            case 3: return matches(utf8, "tbd")
            case 7: return matches(utf8, "unknown")
            default: return false
            }
        default: return false
        }
    }

    /// Whether ASCII text equals a lowercase word, ignoring case.
    @usableFromInline
    static func matches(_ text: String.UTF8View, _ word: StaticString) -> Bool {
        var i = 0
        let base = word.utf8Start
        for byte in text {
            guard i < word.utf8CodeUnitCount, byte | 0x20 == base[i] else { return false }
            i += 1
        }
        return i == word.utf8CodeUnitCount
    }

    /// The value with every mapping entry whose value is a marker removed, at any depth.
    /// Lists keep their elements (a marker in a list is a wrong type, which validation reports).
    /// A part without markers is returned as is, not copied.
    public static func removingMarkers(from value: Value) -> Value {
        switch value {
        case .map(let map):
            return stripped(map).map(Value.map) ?? value
        case .list(let list):
            return stripped(list).map(Value.list) ?? value
        default:
            return value
        }
    }

    /// The value without markers, or nil when it has none (so nothing was copied).
    public static func markersRemoved(from value: Value) -> Value? {
        let new = removingMarkers(from: value)
        return isSameObject(new, value) ? nil : new
    }

    /// A copy of the map without markers, or nil when it has none.
    static func stripped(_ map: ValueMap) -> ValueMap? {
        var changed: [Int: Value] = [:]
        var removed: Set<Int> = []
        for i in 0..<map.count {
            let value = map.values[i]
            switch value {
            case .map, .list:
                let new = removingMarkers(from: value)
                if !isSameObject(new, value) { changed[i] = new }
            default:
                if isMarker(value) { removed.insert(i) }
            }
        }
        guard !changed.isEmpty || !removed.isEmpty else { return nil }
        var keys: [Value] = []
        var values: [Value] = []
        var positions: [SourcePosition] = []
        let hasPositions = map.entryPositions.count == 2 * map.count
        for i in 0..<map.count where !removed.contains(i) {
            keys.append(map.keys[i])
            values.append(changed[i] ?? map.values[i])
            if hasPositions {
                positions.append(map.entryPositions[2 * i])
                positions.append(map.entryPositions[2 * i + 1])
            }
        }
        return ValueMap(keys: keys, values: values, entryPositions: positions, position: map.position)
    }

    /// A copy of the list with its elements' markers removed, or nil when none had any.
    static func stripped(_ list: ValueList) -> ValueList? {
        var elements: [Value]?
        for i in 0..<list.count {
            let value = list.elements[i]
            switch value {
            case .map, .list: break
            default: continue
            }
            let new = removingMarkers(from: value)
            if !isSameObject(new, value) {
                if elements == nil { elements = list.elements }
                elements?[i] = new
            }
        }
        guard let elements else { return nil }
        return ValueList(elements, positions: list.positions, position: list.position)
    }

    /// Whether two container values are the same object (no copy was made).
    private static func isSameObject(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.map(let x), .map(let y)): return x === y
        case (.list(let x), .list(let y)): return x === y
        default: return false
        }
    }
}
