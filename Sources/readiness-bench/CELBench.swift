import ArgumentParser
import CEL
import Foundation
import Readiness
import StrictYAML

/// Evaluations per second: a ruleset's expressions compiled once, evaluated over a snapshot.
struct CELBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cel", abstract: "Compile a ruleset's checks once and evaluate them over a snapshot: evaluations per second.")

    @Option(help: "The ruleset (file or built-in name).")
    var ruleset: String

    @Argument(help: "The snapshot.")
    var snapshot: String

    @OptionGroup var timing: Timing

    func run() throws {
        let catalog = try RulesetLoader().load([ruleset]).catalog
        let document = try YAMLLoader.anySize.load(contentsOf: snapshot)
        guard case .map(let root) = document.root else { throw BenchError("the snapshot is not a mapping") }
        let params = ValueMap(keys: catalog.parameters.map { .string($0.name) }, values: catalog.parameters.map(\.value))
        let globals = ValueMap(keys: root.keys + [.string("params")], values: root.values + [.map(params)])
        let cel = CELEnvironment()
        var evaluations = 0
        let seconds = Measure.median(runs: timing.runs) {
            evaluations = 0
            for rule in catalog.rules {
                let checks = [rule.when, rule.check].compactMap { $0 } + rule.outcomes.map(\.condition)
                guard let iteration = rule.iteration else {
                    for check in checks { _ = cel.evaluate(check.program, in: CELActivation(globals: globals)); evaluations += 1 }
                    continue
                }
                guard case .value(.list(let list)) = cel.evaluate(iteration.list.program, in: CELActivation(globals: globals)) else { continue }
                var activation = CELActivation(globals: globals, locals: [.null])
                for element in list.elements {
                    activation.locals[0] = element
                    for check in checks { _ = cel.evaluate(check.program, in: activation); evaluations += 1 }
                }
            }
        }
        print(String(format: "%d expressions, %d evaluations in %@: %.2f million evaluations/s",
            catalog.rules.count, evaluations, Measure.format(seconds) as NSString, Double(evaluations) / seconds / 1e6))
    }
}
