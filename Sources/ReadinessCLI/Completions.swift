import ArgumentParser
import Foundation
import Readiness
import Reporting

/// Candidates for shell completion: built-in ruleset names, rule ids and report formats.
/// ArgumentParser's completion scripts call back into `readiness` for the custom ones.
enum Completions {
    /// `--ruleset`: the built-in ruleset names, then YAML files under the word typed so far.
    static let rulesets = CompletionKind.custom { _, _, prefix in
        let names = ([BuiltinRulesets.allName] + BuiltinRulesets.names).filter { $0.hasPrefix(prefix) }
        return names + yamlFiles(matching: prefix)
    }

    /// A rule id: the ids of the built-in rules.
    static let ruleIDs = CompletionKind.custom { _, _, prefix in
        let catalog = try? RulesetLoader().load([]).catalog
        return (catalog?.rules.map(\.id) ?? []).filter { $0.hasPrefix(prefix.uppercased()) }
    }

    /// `--format` of `readiness check`.
    static let reportFormats = CompletionKind.list(ReportFormat.allCases.map(\.rawValue))

    /// YAML files (and folders, to descend into) whose path starts with the prefix; hidden
    /// entries only when the prefix's last component starts with a dot.
    static func yamlFiles(matching prefix: String) -> [String] {
        let slash = prefix.lastIndex(of: "/")
        let directory = slash.map { String(prefix[...$0]) } ?? ""
        let typed = slash.map { String(prefix[prefix.index(after: $0)...]) } ?? prefix
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory)) ?? []
        return entries.sorted().compactMap { name in
            guard name.hasPrefix(typed), !name.hasPrefix(".") || typed.hasPrefix(".") else { return nil }
            let path = directory + name
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            if isDirectory.boolValue { return path + "/" }
            return path.hasSuffix(".yaml") || path.hasSuffix(".yml") ? path : nil
        }
    }
}
