import SourceDiagnostics
import StrictYAML

/// Reads one YAML mapping field by field, reporting wrong types and unknown keys with positions.
struct MappingReader {
    let map: ValueMap
    let file: String
    /// What the mapping is, for messages ("rule 'NET-WAN'", "the ruleset header").
    let context: String
    let location: SourceLocation

    init(_ map: ValueMap, file: String, context: String) {
        self.map = map
        self.file = file
        self.context = context
        self.location = SourceLocation(file: file, position: map.position)
    }

    /// Where the value of `key` stands, or where the mapping starts.
    func valueLocation(_ key: String) -> SourceLocation {
        guard let i = map.index(ofString: key), let p = map.valuePosition(at: i) else { return location }
        return SourceLocation(file: file, position: p)
    }

    /// Where `key` itself stands.
    func keyLocation(_ key: String) -> SourceLocation {
        guard let i = map.index(ofString: key), let p = map.keyPosition(at: i) else { return location }
        return SourceLocation(file: file, position: p)
    }

    /// The raw value of a key.
    func value(_ key: String) -> Value? { map[key] }

    /// Reports keys that are not in `allowed` (and non-string keys).
    func checkKeys(_ allowed: [String], into diagnostics: inout DiagnosticCollector) {
        for i in 0..<map.count {
            let position = map.keyPosition(at: i).map { SourceLocation(file: file, position: $0) } ?? location
            guard case .string(let key) = map.keys[i] else {
                diagnostics.append(.error("ruleset.unknown-key", "keys in \(context) must be text, not \(map.keys[i].kindDescription)", at: position))
                continue
            }
            if !allowed.contains(key) {
                diagnostics.append(RulesetDiagnostics.unknownKey(key, in: context, allowed: allowed, at: position))
            }
        }
    }

    /// A required or optional string (numbers and booleans are accepted as their text).
    func string(_ key: String, required: Bool = false, into diagnostics: inout DiagnosticCollector) -> String? {
        guard let value = map[key], !(value == .null && !required) else {
            if required { diagnostics.append(RulesetDiagnostics.missingKey(key, in: context, at: location)) }
            return nil
        }
        switch value {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .bool(let b): return String(b)
        default:
            diagnostics.append(RulesetDiagnostics.wrongType(key, expected: "text", found: value, at: valueLocation(key)))
            return nil
        }
    }

    /// Localised text: a string, or a map from language code to string.
    func text(_ key: String, required: Bool = false, into diagnostics: inout DiagnosticCollector) -> LocalizedText? {
        guard let value = map[key], value != .null else {
            if required { diagnostics.append(RulesetDiagnostics.missingKey(key, in: context, at: location)) }
            return nil
        }
        return Self.text(value, field: key, at: valueLocation(key), file: file, into: &diagnostics)
    }

    static func text(
        _ value: Value, field: String, at location: SourceLocation, file: String, into diagnostics: inout DiagnosticCollector
    ) -> LocalizedText? {
        switch value {
        case .string(let s):
            return LocalizedText(s)
        case .map(let m):
            var pairs: [(String, String)] = []
            for i in 0..<m.count {
                let here = m.valuePosition(at: i).map { SourceLocation(file: file, position: $0) } ?? location
                guard case .string(let language) = m.keys[i], case .string(let text) = m.values[i] else {
                    diagnostics.append(RulesetDiagnostics.wrongType(
                        field, expected: "text or a mapping from language code to text", found: m.values[i], at: here))
                    continue
                }
                pairs.append((language, text))
            }
            return pairs.isEmpty ? nil : LocalizedText(pairs)
        default:
            diagnostics.append(RulesetDiagnostics.wrongType(
                field, expected: "text or a mapping from language code to text ({en: …, zh: …})", found: value, at: location))
            return nil
        }
    }

    /// An optional list of strings (a single string is accepted as a one-element list).
    func strings(_ key: String, into diagnostics: inout DiagnosticCollector) -> [String] {
        guard let value = map[key], value != .null else { return [] }
        switch value {
        case .string(let s): return [s]
        case .list(let list):
            var out: [String] = []
            for (i, element) in list.elements.enumerated() {
                if case .string(let s) = element {
                    out.append(s)
                } else {
                    let here = list.position(at: i).map { SourceLocation(file: file, position: $0) } ?? valueLocation(key)
                    diagnostics.append(RulesetDiagnostics.wrongType(key, expected: "a list of text", found: element, at: here))
                }
            }
            return out
        default:
            diagnostics.append(RulesetDiagnostics.wrongType(key, expected: "a list of text", found: value, at: valueLocation(key)))
            return []
        }
    }

    /// An optional integer in a range.
    func integer(_ key: String, in range: ClosedRange<Int>, into diagnostics: inout DiagnosticCollector) -> Int? {
        guard let value = map[key], value != .null else { return nil }
        guard case .int(let i) = value else {
            diagnostics.append(RulesetDiagnostics.wrongType(key, expected: "a whole number", found: value, at: valueLocation(key)))
            return nil
        }
        guard i >= range.lowerBound && i <= range.upperBound else {
            diagnostics.append(RulesetDiagnostics.outOfRange(key, i, range: range, at: valueLocation(key)))
            return nil
        }
        return Int(i)
    }

    /// An enumeration value by its raw string.
    func enumeration<E: RawRepresentable & CaseIterable>(
        _ key: String, as type: E.Type, required: Bool, into diagnostics: inout DiagnosticCollector
    ) -> E? where E.RawValue == String {
        guard let text = string(key, required: required, into: &diagnostics) else { return nil }
        if let e = E(rawValue: text) { return e }
        diagnostics.append(RulesetDiagnostics.invalidEnum(
            text, field: key, allowed: E.allCases.map(\.rawValue), at: valueLocation(key)))
        return nil
    }
}

extension MappingReader {
    /// The mapping under `key`: nil when the key is absent or null, and reported when its value
    /// is not a mapping.
    /// - Parameter expected: What the value should be, for the message.
    func mapping(_ key: String, expected: String, into diagnostics: inout DiagnosticCollector) -> ValueMap? {
        guard let value = map[key], value != .null else { return nil }
        return Self.mapping(value, field: key, expected: expected, at: valueLocation(key), into: &diagnostics)
    }

    /// A reader of the mapping under `key` (nil when absent or null, reported when not a mapping).
    /// - Parameter context: What the inner mapping is, for messages.
    func submapping(
        _ key: String, expected: String, context: String, into diagnostics: inout DiagnosticCollector
    ) -> MappingReader? {
        mapping(key, expected: expected, into: &diagnostics).map { MappingReader($0, file: file, context: context) }
    }

    /// The keys that are text, in order (others are left to `checkKeys`).
    var textKeys: [String] {
        map.keys.compactMap { if case .string(let key) = $0 { key } else { nil } }
    }

    /// `value` as a mapping, or nil after reporting that the field should be `expected`.
    static func mapping(
        _ value: Value, field: String, expected: String, at location: SourceLocation,
        into diagnostics: inout DiagnosticCollector
    ) -> ValueMap? {
        guard case .map(let map) = value else {
            diagnostics.append(RulesetDiagnostics.wrongType(field, expected: expected, found: value, at: location))
            return nil
        }
        return map
    }

    /// The entries of the mapping under `key` (`params: {NAME: VALUE}`), each with where its
    /// value stands; a key that is not text is reported and skipped.
    func namedValues(
        _ key: String, expected: String, into diagnostics: inout DiagnosticCollector
    ) -> [(name: String, value: Value, location: SourceLocation)] {
        guard let entries = mapping(key, expected: expected, into: &diagnostics) else { return [] }
        var out: [(name: String, value: Value, location: SourceLocation)] = []
        for i in 0..<entries.count {
            let here = entries.valuePosition(at: i).map { SourceLocation(file: file, position: $0) } ?? valueLocation(key)
            guard case .string(let name) = entries.keys[i] else {
                diagnostics.append(RulesetDiagnostics.wrongType(key, expected: "named by text", found: entries.keys[i], at: here))
                continue
            }
            out.append((name, entries.values[i], here))
        }
        return out
    }

    /// Reads a list of mappings (`waivers`, `phases`, `overrides`): a value that is not a list
    /// and an element that is not a mapping are reported; `read` turns each mapping, with its
    /// index and where it stands, into an item or nil.
    static func mappings<Item>(
        _ value: Value, field: String, expected: String, at location: SourceLocation, file: String,
        into diagnostics: inout DiagnosticCollector,
        _ read: (_ index: Int, _ map: ValueMap, _ location: SourceLocation, inout DiagnosticCollector) -> Item?
    ) -> [Item] {
        guard case .list(let list) = value else {
            diagnostics.append(RulesetDiagnostics.wrongType(field, expected: expected, found: value, at: location))
            return []
        }
        var out: [Item] = []
        for (i, element) in list.elements.enumerated() {
            let here = list.position(at: i).map { SourceLocation(file: file, position: $0) } ?? location
            guard case .map(let map) = element else {
                diagnostics.append(RulesetDiagnostics.wrongType("\(field)[\(i)]", expected: "a mapping", found: element, at: here))
                continue
            }
            if let item = read(i, map, here, &diagnostics) { out.append(item) }
        }
        return out
    }
}
