import ArgumentParser
import CEL
import Foundation
import Readiness
import SourceDiagnostics
import StrictYAML

/// Options shared by the commands that load rulesets.
struct RulesetOptions: ParsableArguments {
    @Option(
        name: .customLong("ruleset"),
        help: ArgumentHelp(
            "A ruleset file, a built-in ruleset by name, or all (every built-in) (repeatable; default: every built-in ruleset).",
            valueName: "file|name"),
        completion: Completions.rulesets)
    var rulesets: [String] = []

    @OptionGroup var limits: LimitOptions

    /// Loads the rulesets, printing warnings; input errors exit with status 2.
    func loadCatalog() throws -> RuleCatalog {
        let loader = limits.rulesetLoader
        let (catalog, warnings) = try CLI.guarding { try loader.load(rulesets) }
        if !warnings.isEmpty { CLI.report(warnings) }
        return catalog
    }
}

/// Resource limits, with defaults that let real snapshots through.
struct LimitOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Largest input file accepted, in bytes.", valueName: "bytes"))
    var maxInputBytes: Int = YAMLLoader.Limits.default.maxInputBytes

    @Option(help: ArgumentHelp("Deepest nesting of lists and maps accepted.", valueName: "levels"))
    var maxDepth: Int = YAMLLoader.Limits.default.maxDepth

    @Option(help: ArgumentHelp("Most nodes that YAML aliases may add by expansion.", valueName: "nodes"))
    var maxAliasNodes: Int = YAMLLoader.Limits.default.maxAliasNodes

    @Option(help: ArgumentHelp("Most bytes of text that YAML aliases may add by expansion.", valueName: "bytes"))
    var maxAliasBytes: Int = YAMLLoader.Limits.default.maxAliasBytes

    @Option(
        help: ArgumentHelp(
            "Evaluation step budget of a whole run: all rules against one snapshot, on every core (an expression alone gets at most 10,000,000).",
            valueName: "steps"))
    var maxSteps: Int = CELLimits.default.maxRunSteps ?? 2_000_000_000

    @Option(
        name: .customLong("allow-path"),
        help: ArgumentHelp(
            "A folder that 'extends' and test 'snapshot_file' may also read from (repeatable; default: only the ruleset's own folder tree).",
            valueName: "dir"))
    var allowedPaths: [String] = []

    /// A ruleset loader with these limits and allowed folders.
    var rulesetLoader: RulesetLoader {
        var loader = RulesetLoader(cel: celEnvironment, yaml: yamlLoader)
        loader.confinement = PathConfinement(allowedDirectories: allowedPaths)
        return loader
    }

    var yamlLoader: YAMLLoader {
        var limits = YAMLLoader.Limits()
        limits.maxInputBytes = maxInputBytes
        limits.maxDepth = maxDepth
        limits.maxAliasNodes = maxAliasNodes
        limits.maxAliasBytes = maxAliasBytes
        return YAMLLoader(limits: limits)
    }

    var celEnvironment: CELEnvironment {
        var limits = CELLimits.default
        limits.maxRunSteps = maxSteps
        limits.maxSteps = min(limits.maxSteps, maxSteps)
        return CELEnvironment(limits: limits)
    }

    func validate() throws {
        guard maxInputBytes > 0, maxDepth > 0, maxAliasNodes >= 0, maxAliasBytes >= 0, maxSteps > 0 else {
            throw ValidationError("limits must be positive")
        }
    }
}

extension CLI {
    /// The report languages: `en` and `zh`; anything else is a usage error.
    static func checkLanguage(_ lang: String) throws {
        guard ["en", "zh"].contains(lang) else { throw ValidationError("--lang must be en or zh") }
    }

    /// Parses `--param name=value`; the value is read as a YAML scalar or flow collection.
    static func parseParameters(_ texts: [String]) throws -> [(name: String, value: Value)] {
        var out: [(String, Value)] = []
        for text in texts {
            guard let eq = text.firstIndex(of: "="), eq != text.startIndex else {
                report([.error("cli.invalid-param", "--param '\(text)' must read NAME=VALUE", at: nil)])
                throw badInput
            }
            let name = String(text[..<eq])
            let raw = String(text[text.index(after: eq)...])
            do {
                let document = try YAMLLoader().load("v: \(raw)\n", file: "--param \(name)")
                out.append((name, document.root.mapValue?["v"] ?? .string(raw)))
            } catch {
                out.append((name, .string(raw)))
            }
        }
        return out
    }

    /// Parses an `--as-of` date.
    static func parseDate(_ text: String?, option: String) throws -> Timestamp? {
        guard let text else { return nil }
        guard let date = CalendarDate.parse(text) else {
            report([.error("cli.invalid-date", "\(option) '\(text)' is not a date; write YYYY-MM-DD", at: nil)])
            throw badInput
        }
        return date
    }

    /// Loads waivers from a file: a list, or a mapping with a `waivers` list.
    static func loadWaivers(_ path: String?, loader: YAMLLoader) throws -> [Waiver] {
        guard let path else { return [] }
        return try guarding {
            let document = try loader.load(contentsOf: path)
            var diagnostics = DiagnosticCollector()
            var value = document.root
            var location = document.location(document.rootPosition)
            if case .map(let m) = value, let list = m["waivers"] {
                value = list
                if let i = m.index(ofString: "waivers"), let p = m.valuePosition(at: i) { location = document.location(p) }
            }
            let waivers = SnapshotLoader.waivers(value, at: location, file: path, into: &diagnostics)
            try diagnostics.throwIfErrors()
            return waivers
        }
    }
}
