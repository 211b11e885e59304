import Foundation
import Readiness
import SourceDiagnostics
import StrictYAML

/// Paths of the test fixtures and of the package's own folders.
enum Paths {
    static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let package = tests.deletingLastPathComponent().deletingLastPathComponent()

    static func fixture(_ name: String) -> String { tests.appendingPathComponent("Fixtures/\(name)").path }
    static func package(_ name: String) -> String { package.appendingPathComponent(name).path }
}

/// Loads rulesets and snapshots and evaluates them, as the CLI does.
struct Harness {
    var loader = RulesetLoader()
    var snapshots = SnapshotLoader()
    var engine = Engine()

    func catalog(_ specs: [String]) throws -> RuleCatalog {
        try loader.load(specs).catalog
    }

    func evaluate(
        rulesets: [String], snapshot: String, options: EvaluationOptions = EvaluationOptions()
    ) throws -> Evaluation {
        let catalog = try catalog(rulesets)
        let snapshot = try snapshots.load(contentsOf: snapshot)
        return try engine.evaluate(catalog, against: snapshot, options: options).evaluation
    }

    /// The diagnostics an operation throws, or none.
    static func diagnostics(_ body: () throws -> Void) -> [Diagnostic] {
        do {
            try body()
            return []
        } catch let error as DiagnosticError {
            return error.diagnostics
        } catch {
            return [.error("test.unexpected", "\(error)", at: nil)]
        }
    }
}

extension Evaluation {
    func status(of ruleID: String) -> ResultStatus? {
        rules.first { $0.rule.id == ruleID }?.status
    }

    func results(of ruleID: String) -> [RuleResult] {
        guard let index = rules.firstIndex(where: { $0.rule.id == ruleID }) else { return [] }
        return results.filter { $0.ruleIndex == index }
    }
}
