import CEL
public import SourceDiagnostics
public import StrictYAML

/// Locates facts such as `network.sites[3].latency_ms` in a snapshot, for findings to point at.
public enum FactPath {
    /// Splits `a.b[3].c` into steps; nil when the text is not a plain path.
    static func steps(_ path: String) -> [FactStep]? {
        var steps: [FactStep] = []
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

    /// The position of the deepest node along resolved steps that exists, from the root.
    public static func position(of steps: [FactStep], in root: Value) -> SourcePosition? {
        position(of: steps[...], in: root, at: .unknown)
    }

    static func position(of steps: ArraySlice<FactStep>, in value: Value, at position: SourcePosition) -> SourcePosition? {
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

    /// The path from `root` down to the container `value` (`staffing.members[3]`), found by
    /// following source positions; nil when `value` is not a container read from that document.
    ///
    /// Serves elements of computed lists (`members.filter(…)`), whose index in the list is not
    /// their index in the snapshot.
    public static func path(to value: Value, in root: Value) -> String? {
        guard let target = ownPosition(of: value) else { return nil }
        var current = root
        var path = ""
        while !isSameContainer(current, value) {
            switch current {
            case .list(let list):
                guard let i = lastIndex(count: list.count, notAfter: target, position: list.position(at:)) else { return nil }
                path += "[\(i)]"
                current = list.elements[i]
            case .map(let map):
                guard let i = lastIndex(count: map.count, notAfter: target, position: map.valuePosition(at:)),
                    case .string(let key) = map.keys[i]
                else { return nil }
                path += path.isEmpty ? key : Value.celSelector(key)
                current = map.values[i]
            default:
                return nil
            }
        }
        return path.isEmpty ? nil : path
    }

    /// The last of `count` children (in document order) that starts at or before `target`.
    private static func lastIndex(
        count: Int, notAfter target: SourcePosition, position: (Int) -> SourcePosition?
    ) -> Int? {
        var low = 0
        var high = count
        while low < high {
            let mid = (low + high) / 2
            if let p = position(mid), p.isKnown, p <= target { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? nil : low - 1
    }

    private static func isSameContainer(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case let (.list(x), .list(y)): x === y
        case let (.map(x), .map(y)): x === y
        default: false
        }
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
