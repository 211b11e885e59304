import ArgumentParser
import CEL
import Foundation
import SourceDiagnostics
import StrictYAML

/// `.readiness.yaml`: default options for `readiness check`, so a pipeline's command line stays
/// short.
///
/// The file is found in the working directory or the nearest directory above it (or named with
/// `--config FILE`). Its keys are the options' names: `rulesets`, `params`, `formats`, `outputs`,
/// `fail-on`, `lang`, `min-coverage`, `waivers`, `strict`, `baseline`, `base-dir`, `junit-warn`.
/// The command line wins: an option given there replaces the file's (all `--format`/`--output`
/// pairs together, all `--ruleset`s together; `--param`s merge, the command line's last). Paths
/// in the file are relative to the file's directory.
struct ConfigFile: Sendable {
    /// The file name looked for.
    static let name = ".readiness.yaml"

    /// Each key, the option it stands for, and whether its values are paths.
    static let keys: [(key: String, option: String, isPath: Bool)] = [
        ("rulesets", "--ruleset", true), ("params", "--param", false), ("formats", "--format", false),
        ("outputs", "--output", true), ("fail-on", "--fail-on", false), ("lang", "--lang", false),
        ("min-coverage", "--min-coverage", false), ("waivers", "--waivers", true), ("strict", "--strict", false),
        ("baseline", "--baseline", true), ("base-dir", "--base-dir", true), ("junit-warn", "--junit-warn", false),
    ]

    /// The path the file was read from.
    var path: String
    /// The options it gives, as (option, values) in the file's order.
    var options: [(option: String, values: [String])]

    /// The arguments of `readiness check` with the configuration's defaults put in front of
    /// those the command line does not give; other commands' arguments are returned as they are.
    /// - Throws: `DiagnosticError` for a configuration file that cannot be read or is invalid.
    static func expand(_ arguments: [String], in directory: String) throws(DiagnosticError) -> [String] {
        guard arguments.first == "check" else { return arguments }
        let given = arguments.dropFirst().prefix { $0 != "--" }
        var path: String?
        for (i, argument) in given.enumerated() {
            if argument == "--config", i + 1 < given.count { path = given[given.startIndex + i + 1] }
            if argument.hasPrefix("--config=") { path = String(argument.dropFirst("--config=".count)) }
        }
        guard let file = path ?? discover(from: directory) else { return arguments }
        let config = try load(file)
        let present = Set(given.compactMap { $0.hasPrefix("--") ? String($0.split(separator: "=", maxSplits: 1)[0]) : nil })
        var defaults: [String] = []
        for (option, values) in config.options {
            let replaced: Bool
            switch option {
            case "--param": replaced = false
            case "--format", "--output": replaced = present.contains("--format") || present.contains("--output")
            default: replaced = present.contains(option)
            }
            guard !replaced else { continue }
            if option == "--strict" {
                if values == ["true"] { defaults.append(option) }
                continue
            }
            for value in values { defaults += [option, value] }
        }
        return ["check"] + defaults + arguments.dropFirst()
    }

    /// The configuration file in `directory` or the nearest directory above it.
    static func discover(from directory: String) -> String? {
        var url = URL(fileURLWithPath: directory, isDirectory: true).standardizedFileURL
        while true {
            let candidate = url.appendingPathComponent(name).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
        }
    }

    /// Reads and checks a configuration file.
    static func load(_ path: String) throws(DiagnosticError) -> ConfigFile {
        let document = try YAMLLoader().load(contentsOf: path)
        let base = URL(fileURLWithPath: path).deletingLastPathComponent()
        var diagnostics: [Diagnostic] = []
        var options: [(option: String, values: [String])] = []
        guard case .map(let map) = document.root else {
            if case .null = document.root { return ConfigFile(path: path, options: []) }
            throw DiagnosticError(
                .error("config.not-mapping", "the configuration must be a mapping of option names to values",
                       at: document.location(document.rootPosition)))
        }
        for i in 0..<map.count {
            let at = document.location(map.keyPosition(at: i) ?? map.position)
            guard case .string(let key) = map.keys[i], let entry = keys.first(where: { $0.key == key }) else {
                let known = keys.map(\.key).joined(separator: ", ")
                let name = map.keys[i].stringValue ?? "\(map.keys[i])"
                diagnostics.append(.error("config.unknown-key", "unknown key '\(name)'; use one of \(known)", at: at))
                continue
            }
            let valueAt = document.location(map.valuePosition(at: i) ?? map.position)
            guard let values = strings(map.values[i], key: key) else {
                diagnostics.append(
                    .error("config.invalid-value", "'\(key)' must be \(key == "params" ? "a mapping of names to values" : "a value or a list of values")", at: valueAt))
                continue
            }
            options.append((entry.option, entry.isPath ? values.map { resolve($0, against: base, key: key) } : values))
        }
        if !diagnostics.isEmpty { throw DiagnosticError(diagnostics) }
        return ConfigFile(path: path, options: options)
    }

    /// A key's values as command-line text, or nil when the value has the wrong shape.
    private static func strings(_ value: Value, key: String) -> [String]? {
        if key == "params" {
            guard case .map(let params) = value else { return nil }
            var out: [String] = []
            for i in 0..<params.count {
                guard case .string(let name) = params.keys[i] else { return nil }
                out.append("\(name)=\(params.values[i].jsonText)")
            }
            return out
        }
        func scalar(_ value: Value) -> String? {
            switch value {
            case .string(let s): s
            case .bool(let b): String(b)
            case .int(let i): String(i)
            case .uint(let u): String(u)
            case .double(let d): String(d)
            default: nil
            }
        }
        if case .list(let list) = value {
            let items = list.elements.map(scalar)
            return items.contains(where: { $0 == nil }) ? nil : items.compactMap { $0 }
        }
        return scalar(value).map { [$0] }
    }

    /// A path from the file, relative to the file's directory (built-in ruleset names and '-'
    /// stay as they are).
    private static func resolve(_ value: String, against base: URL, key: String) -> String {
        if value == "-" || value.hasPrefix("/") { return value }
        if key == "rulesets", !value.contains("/"), !value.hasSuffix(".yaml"), !value.hasSuffix(".yml") { return value }
        return base.appendingPathComponent(value).standardizedFileURL.path
    }
}
