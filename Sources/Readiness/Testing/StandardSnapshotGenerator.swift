import Foundation
import SourceDiagnostics
import StrictYAML

/// Synthetic snapshots of the standard schema (the built-in rulesets' facts): the starter
/// snapshot with its lists scaled up, names made unique, and numbers varied deterministically
/// so that a share of the elements fails.
public struct StandardSnapshotGenerator: Sendable {
    /// How many elements each scaled list gets.
    public struct Preset: Sendable {
        var name: String
        var sites: Int
        var servers: Int
        var members: Int
        var requirements: Int
        var sources: Int
        var phases: Int

        public static let small = Preset(name: "small", sites: 8, servers: 12, members: 25, requirements: 300, sources: 6, phases: 3)
        public static let large = Preset(name: "large", sites: 2_000, servers: 20_000, members: 5_000, requirements: 50_000, sources: 500, phases: 12)
    }

    public var preset: Preset
    public var seed: UInt64

    /// Creates a generator of one preset and seed.
    public init(preset: Preset, seed: UInt64) {
        self.preset = preset
        self.seed = seed
    }

    /// The snapshot as YAML text.
    public func yaml() throws -> String {
        let template = try YAMLLoader().load(BuiltinRulesets.snapshotTemplate, file: "template").root
        var random = SplitMix64(seed: seed)
        let scaled = scale(template, path: [], random: &random)
        var out = "# readiness-bench: standard schema, preset \(preset.name), seed \(seed)\n"
        YAMLEmitter.emit(scaled, indent: 0, into: &out)
        return out
    }

    func count(for path: [String]) -> Int? {
        switch path.joined(separator: ".") {
        case "environment.servers": preset.servers
        case "environment.terminals", "staffing.key_users", "training.sites": preset.sites
        case "network.sites": preset.sites
        case "staffing.members": preset.members
        case "requirements.items": preset.requirements
        case "data.sources": preset.sources
        default: nil
        }
    }

    func siteName(_ i: Int) -> String { "site-\(String(i + 1).leftPadded(5))" }

    func scale(_ value: Value, path: [String], random: inout SplitMix64) -> Value {
        switch value {
        case .map(let map):
            var keys: [Value] = []
            var values: [Value] = []
            for i in 0..<map.count {
                guard case .string(let key) = map.keys[i] else { continue }
                keys.append(map.keys[i])
                if path.isEmpty && key == "phases" {
                    values.append(phases())
                } else {
                    values.append(scale(map.values[i], path: path + [key], random: &random))
                }
            }
            return .map(ValueMap(keys: keys, values: values))
        case .list(let list):
            guard let n = count(for: path), !list.elements.isEmpty else { return value }
            var out: [Value] = []
            out.reserveCapacity(n)
            for i in 0..<n {
                let template = list.elements[i % list.count]
                out.append(vary(template, index: i, path: path, random: &random))
            }
            return .list(ValueList(out))
        default:
            return value
        }
    }

    /// An element copied from the template with a unique name and numbers varied by ±50%.
    func vary(_ element: Value, index: Int, path: [String], random: inout SplitMix64) -> Value {
        guard case .map(let map) = element else { return element }
        var values: [Value] = []
        for i in 0..<map.count {
            let key = map.keys[i].stringValue ?? ""
            var v = map.values[i]
            switch (key, v) {
            case ("name", .string(let s)) where path == ["network", "sites"]:
                _ = s
                v = .string(siteName(index))
            case ("site", .string):
                v = .string(siteName(index % preset.sites))
            case ("data_centre", .string):
                // Data centres shared by a few sites each, as in a real network: a server finding
                // acts on the sites of its own data centre, not on every site.
                v = .string("dc-\(index % max(1, preset.sites / 10))")
            case ("name", .string(let s)), ("id", .string(let s)):
                v = .string("\(s)-\(index + 1)")
            case (_, .int(let n)) where n > 0:
                let factor = 0.5 + random.unit()
                v = .int(max(0, Int64((Double(n) * factor).rounded())))
            case (_, .double(let d)):
                let factor = 0.85 + 0.3 * random.unit()
                // Shares stay within 0.0-1.0 and percentages within 0-100, as the schema says.
                let ceiling = d <= 1 ? 1.0 : key.hasSuffix("_pct") ? 100.0 : Double.infinity
                v = .double(min(ceiling, (d * factor * 100).rounded() / 100))
            case (_, .bool(let b)):
                v = .bool(random.unit() < 0.9 ? b : !b)
            default:
                break
            }
            values.append(v)
        }
        return .map(ValueMap(keys: map.keys, values: values))
    }

    func phases() -> Value {
        var out: [Value] = []
        let per = max(1, preset.sites / preset.phases)
        for p in 0..<preset.phases {
            let sites = (p * per..<min(preset.sites, p == preset.phases - 1 ? preset.sites : (p + 1) * per)).map { Value.string(siteName($0)) }
            let month = 1 + p % 12
            let year = 2027 + p / 12
            let start = "\(year)-\(String(month).leftPadded(2))-01"
            let end = "\(year)-\(String(month).leftPadded(2))-25"
            out.append(.map([
                (.string("name"), .string("phase-\(String(p + 1).leftPadded(2))")),
                (.string("start"), .string(start)),
                (.string("end"), .string(end)),
                (.string("scope"), .map([(.string("sites"), .list(sites)), (.string("modules"), .list([.string("finance"), .string("purchasing"), .string("inventory")]))])),
                (.string("depends_on"), .list(p == 0 ? [] : [.string("phase-\(String(p).leftPadded(2))")])),
            ]))
        }
        return .list(out)
    }
}

/// Writes values as block-style YAML (strings single-quoted, so every resolver reads them back).
enum YAMLEmitter {
    static func emit(_ value: Value, indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        switch value {
        case .map(let map):
            for i in 0..<map.count {
                let key = map.keys[i].stringValue ?? map.keys[i].description
                let v = map.values[i]
                if isContainer(v) {
                    out += "\(pad)\(key):\n"
                    emit(v, indent: indent + 2, into: &out)
                } else {
                    out += "\(pad)\(key): \(scalar(v))\n"
                }
            }
        case .list(let list):
            for element in list.elements {
                if case .map(let m) = element, m.count > 0 {
                    var sub = ""
                    emit(element, indent: indent + 2, into: &sub)
                    out += pad + "- " + sub.dropFirst(indent + 2)
                } else if isContainer(element) {
                    out += "\(pad)-\n"
                    emit(element, indent: indent + 2, into: &out)
                } else {
                    out += "\(pad)- \(scalar(element))\n"
                }
            }
        default:
            out += pad + scalar(value) + "\n"
        }
    }

    static func isContainer(_ v: Value) -> Bool {
        switch v {
        case .map(let m): m.count > 0
        case .list(let l): l.count > 0
        default: false
        }
    }

    static func scalar(_ v: Value) -> String {
        switch v {
        case .string(let s): "'" + s.replacingOccurrences(of: "'", with: "''") + "'"
        case .map: "{}"
        case .list: "[]"
        case .double(let d): d == d.rounded() && abs(d) < 1e15 ? "\(Int64(d)).0" : "\(d)"
        default: v.description
        }
    }
}

extension String {
    /// The text padded on the left with zeros to `width` characters.
    public func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

extension SplitMix64 {
    /// A number in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
