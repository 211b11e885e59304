public import SourceDiagnostics
public import StrictYAML

/// Locates facts such as `network.sites[3].latency_ms` in a snapshot, for findings to point at.
public enum FactPath {
    /// A step of a path: a key or a list index.
    enum Step: Equatable {
        case key(String)
        case index(Int)
    }

    /// Splits `a.b[3].c` into steps; nil when the text is not a plain path.
    static func steps(_ path: String) -> [Step]? {
        var steps: [Step] = []
        var current = ""
        var chars = Array(path)[...]
        while let c = chars.first {
            chars = chars.dropFirst()
            switch c {
            case ".":
                if !current.isEmpty { steps.append(.key(current)) }
                current = ""
            case "[":
                if !current.isEmpty { steps.append(.key(current)) }
                current = ""
                var digits = ""
                while let d = chars.first, d != "]" {
                    digits.append(d)
                    chars = chars.dropFirst()
                }
                chars = chars.dropFirst()
                if let n = Int(digits) {
                    steps.append(.index(n))
                } else {
                    let trimmed = digits.trimmingCharacters(in: "\"'")
                    steps.append(.key(trimmed))
                }
            default:
                current.append(c)
            }
        }
        if !current.isEmpty { steps.append(.key(current)) }
        return steps.isEmpty ? nil : steps
    }

    /// The position of the deepest node along `path` that exists, starting from `root`
    /// (whose own position is `rootPosition`).
    public static func position(of path: String, in root: Value, rootPosition: SourcePosition) -> SourcePosition? {
        guard let steps = steps(path) else { return nil }
        return position(of: steps[...], in: root, at: rootPosition)
    }

    static func position(of steps: ArraySlice<Step>, in value: Value, at position: SourcePosition) -> SourcePosition? {
        var value = value
        var best = position.isKnown ? position : nil
        for step in steps {
            switch (step, value) {
            case let (.key(name), .map(map)):
                guard let i = map.index(ofString: name) else { return best }
                if let p = map.valuePosition(at: i), p.isKnown { best = p }
                value = map.values[i]
            case let (.index(n), .list(list)):
                guard n >= 0, n < list.count else { return best }
                if let p = list.position(at: n), p.isKnown { best = p }
                value = list.elements[n]
            default:
                return best
            }
        }
        return best
    }

    /// The position a value itself records (containers know where they start).
    public static func ownPosition(of value: Value) -> SourcePosition? {
        switch value {
        case .map(let m): m.position.isKnown ? m.position : nil
        case .list(let l): l.position.isKnown ? l.position : nil
        default: nil
        }
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
