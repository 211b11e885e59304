import Foundation
import SourceDiagnostics

extension RulesetLoader.Session {
    /// Checks that a ruleset declares no parameter another loaded ruleset already declares,
    /// unless it names it in `overrides_params`: a downloaded pack must not quietly relax the
    /// thresholds of the rules it loads beside. An allowed override is marked on the parameter
    /// (`Parameter.overrides`) and reported as a warning; an `overrides_params` entry that
    /// overrides nothing is an error.
    mutating func claimParameters(
        of ruleset: inout Ruleset, overriding allowed: [(name: String, location: SourceLocation)]
    ) {
        var owners: [String: String] = [:]
        for earlier in rulesets {
            for parameter in earlier.parameters { owners[parameter.name] = earlier.id }
        }
        let allowedNames = Set(allowed.map(\.name))
        for i in ruleset.parameters.indices {
            let parameter = ruleset.parameters[i]
            guard let owner = owners[parameter.name] else { continue }
            if allowedNames.contains(parameter.name) {
                ruleset.parameters[i].overrides = owner
                diagnostics.append(RulesetDiagnostics.parameterOverridden(
                    parameter.name, by: ruleset.id, of: owner, at: parameter.location))
            } else {
                diagnostics.append(RulesetDiagnostics.parameterRedeclared(
                    parameter.name, by: ruleset.id, of: owner, at: parameter.location))
            }
        }
        for (name, location) in allowed where owners[name] == nil {
            diagnostics.append(RulesetDiagnostics.overrideOfNothing(name, at: location))
        }
    }
}

extension RulesetLoader.Session {
    /// Whether a file named by `extends` lies inside the folder tree of the ruleset the load
    /// started from (or a folder the loader allows); reports it when not.
    mutating func isConfined(_ path: String, chain: [String], spec: String, at location: SourceLocation) -> Bool {
        let root = chain.first.flatMap { $0.hasPrefix("builtin:") ? nil : ($0 as NSString).deletingLastPathComponent }
        if loader.confinement.allows(path, inside: root.map { $0.isEmpty ? "." : $0 } ?? "/nonexistent/") { return true }
        diagnostics.append(RulesetDiagnostics.outsideFolder(
            key: "extends", spec, folder: root ?? "(a built-in ruleset)", at: location))
        return false
    }
}
