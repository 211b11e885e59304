public import StrictYAML

/// Reads and replaces values along a path of keys and list indices in an immutable value tree.
/// A replacement rebuilds only the maps and lists on the path and keeps every source position,
/// so findings on an edited snapshot still point at its lines.
public enum FactEdit {
    /// The value at `steps`, or nil when a step cannot be followed.
    public static func value(at steps: some Collection<FactStep>, in root: Value) -> Value? {
        var value = root
        for step in steps {
            switch (step, value) {
            case let (.key(name), .map(map)):
                guard let v = map[name] else { return nil }
                value = v
            case let (.index(n), .list(list)):
                guard n >= 0, n < list.count else { return nil }
                value = list.elements[n]
            default:
                return nil
            }
        }
        return value
    }

    /// `root` with the value at `steps` replaced by `new`. A missing key is added (with maps
    /// created for missing keys before it); nil when an index is out of range or a step meets
    /// a value that is not a container of the right kind.
    public static func setting(_ new: Value, at steps: ArraySlice<FactStep>, in root: Value?) -> Value? {
        guard let step = steps.first else { return new }
        let rest = steps.dropFirst()
        switch (step, root) {
        case let (.key(name), .map(map)?):
            var values = map.values
            if let i = map.index(ofString: name) {
                guard let child = setting(new, at: rest, in: values[i]) else { return nil }
                values[i] = child
                return .map(ValueMap(keys: map.keys, values: values, entryPositions: map.entryPositions, position: map.position))
            }
            guard let child = setting(new, at: rest, in: nil) else { return nil }
            let positions = map.entryPositions.isEmpty ? [] : map.entryPositions + [.unknown, .unknown]
            return .map(ValueMap(
                keys: map.keys + [.string(name)], values: values + [child], entryPositions: positions, position: map.position))
        case let (.key(name), nil), let (.key(name), .null?):
            guard let child = setting(new, at: rest, in: nil) else { return nil }
            return .map(ValueMap(keys: [.string(name)], values: [child]))
        case let (.index(n), .list(list)?):
            guard n >= 0, n < list.count, let child = setting(new, at: rest, in: list.elements[n]) else { return nil }
            var elements = list.elements
            elements[n] = child
            return .list(ValueList(elements, positions: list.positions, position: list.position))
        default:
            return nil
        }
    }
}
