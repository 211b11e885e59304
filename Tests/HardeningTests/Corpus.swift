import CEL
import Foundation
import Readiness
import SourceDiagnostics
import StrictYAML

/// The bad-input corpus on disk: one file per case under `Corpus/<kind>/`, each run through the
/// stage of the pipeline its folder names.
enum Corpus {
    /// The folder the corpus lives in, located through this file's path.
    static let root: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")
            .path
    }()

    /// The absolute path of a corpus file, from its path inside the corpus.
    static func path(_ relative: String) -> String {
        root + "/" + relative
    }

    /// Every file in the corpus, as paths inside it, sorted.
    static func files() -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        var files: [String] = []
        while let item = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path(item), isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                files.append(item)
            }
        }
        return files.sorted()
    }

    /// What running one corpus file gives: every diagnostic, or an expression's result, or the
    /// statuses of a ruleset's rules.
    enum Observation {
        case diagnostics([Diagnostic])
        case result(CELResult)
        case statuses([String: ResultStatus], [String: String])
        case loaded
    }

    /// The facts corpus expressions are evaluated over.
    static let facts: ValueMap = {
        let big = (0..<200).map(String.init).joined(separator: ", ")
        let text = """
            network:
              sites:
                - {name: HQ, users: 80, wan_mbps: 100, latency_ms: 20}
                - {name: Mine, users: 40, wan_mbps: 4.5, latency_ms: 400}
            big: [\(big)]
            long_a: \(String(repeating: "a", count: 5_000))b
            pattern: '(x+x+)+y'
            """
        guard case .map(let map)? = try? YAMLLoader().load(text, file: "facts.yaml").root else {
            fatalError("the corpus facts do not load")
        }
        return map
    }()

    /// Runs a corpus file through the stage its folder names.
    static func observe(_ relative: String) -> Observation {
        let file = path(relative)
        let kind = relative.split(separator: "/").first.map(String.init) ?? ""
        do {
            switch kind {
            case "yaml":
                _ = try YAMLLoader().load(contentsOf: file)
            case "rulesets":
                _ = try RulesetLoader().load([file])
            case "snapshots":
                _ = try SnapshotLoader().load(contentsOf: file)
            case "waivers":
                _ = try loadWaivers(file)
            case "expressions":
                let source = try String(contentsOfFile: file, encoding: .utf8)
                let cel = CELEnvironment()
                let program = try cel.compile(
                    source, origin: SourceLocation(file: file, line: 1, column: 1))
                return .result(cel.evaluate(program, in: CELActivation(globals: facts)))
            case "evaluation":
                guard relative.hasSuffix("statuses.yaml") else { return .loaded }
                let catalog = try RulesetLoader().load([file]).catalog
                let snapshot = try SnapshotLoader().load(contentsOf: path("evaluation/snapshot.yaml"))
                let evaluation = try Engine().evaluate(catalog, against: snapshot).evaluation
                var statuses: [String: ResultStatus] = [:]
                var messages: [String: String] = [:]
                for result in evaluation.results {
                    let rule = catalog.rules[result.ruleIndex]
                    let previous = statuses[rule.id]
                    if previous == nil || result.status.severityRank > previous!.severityRank {
                        statuses[rule.id] = result.status
                        messages[rule.id] = result.errorMessage ?? result.missingFact ?? result.message ?? ""
                    }
                }
                return .statuses(statuses, messages)
            default:
                return .loaded
            }
        } catch let error as DiagnosticError {
            return .diagnostics(error.diagnostics)
        } catch {
            return .diagnostics([.error("test.unexpected", "\(error)", at: nil)])
        }
        return .loaded
    }

    /// Loads a waivers file the way `readiness check --waivers` does: a list, or a mapping with
    /// a `waivers` list.
    static func loadWaivers(_ file: String) throws(DiagnosticError) -> [Waiver] {
        let document = try YAMLLoader().load(contentsOf: file)
        var value = document.root
        var location = document.location(document.rootPosition)
        if case .map(let map) = value, let list = map["waivers"] {
            value = list
            if let i = map.index(ofString: "waivers"), let p = map.valuePosition(at: i) {
                location = document.location(p)
            }
        }
        var diagnostics = DiagnosticCollector()
        let waivers = SnapshotLoader.waivers(value, at: location, file: file, into: &diagnostics)
        try diagnostics.throwIfErrors()
        return waivers
    }
}
