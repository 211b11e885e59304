import ArgumentParser
import CEL
import Foundation
import Readiness
import SourceDiagnostics
import StrictYAML

/// `readiness eval`: evaluates one CEL expression, for rule authors trying out conditions.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate a CEL expression and print its value.",
        discussion: """
            With --snapshot, the expression sees what rules see: the snapshot's facts (explicit \
            unknowns taken out), params (ruleset defaults < the snapshot's params < --param) and \
            as_of (--as-of, or project.as_of); with --rule ID it also sees the rule's for_each \
            variable, bound to the element --subject names (default: the first). Each --var \
            binds a name to the value of a CEL expression (so --var n=1u binds a uint); a dotted name binds that qualified \
            name. Exit codes: 0 the expression evaluated; 1 its evaluation failed (the error is \
            printed on standard error); 2 the expression did not parse or an input was unusable. \
            An expression may start with '-' (readiness eval '-1 < 0'); use '-' alone to read \
            the expression from standard input.
            """)

    /// How the value is printed.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        /// CEL source that evaluates back to the same value and type.
        case cel
        /// JSON.
        case json
    }

    /// Every argument that is not one of the options: the expression must be the only one. An
    /// expression that starts with '-' (`-1 < 0`) is not taken for an option.
    @Argument(
        parsing: .allUnrecognized,
        help: ArgumentHelp("The CEL expression, or '-' to read it from standard input.", valueName: "expression"))
    var words: [String] = []

    /// The expression argument (after a `--`, which older usage put before a leading minus).
    var expression: String { expressionWords.first ?? "" }

    /// The words that make the expression: all of them but a leading `--`.
    var expressionWords: ArraySlice<String> { words.first == "--" ? words.dropFirst() : words[...] }

    @Option(help: "A YAML or JSON snapshot whose top-level keys become variables.")
    var snapshot: String?

    @OptionGroup var inputs: EvaluationInputOptions

    @Option(help: ArgumentHelp("Bind this rule's for_each variable (with --snapshot).", valueName: "id"))
    var rule: String?

    @Option(help: ArgumentHelp("The element of the rule's for_each list to bind, as findings name it.", valueName: "name"))
    var subject: String?

    @Option(
        name: .customLong("var"),
        help: ArgumentHelp("Bind NAME to the value of the CEL expression EXPR.", valueName: "NAME=EXPR"))
    var variables: [String] = []

    @Option(help: "How to print the value: json, or cel (CEL source that round-trips value and type).")
    var format: Format = .json

    func validate() throws {
        if expressionWords.isEmpty { throw ValidationError("missing the expression to evaluate") }
        if expressionWords.count > 1 {
            let extra = expressionWords.dropFirst().map { "'\($0)'" }.joined(separator: ", ")
            throw ValidationError("give one expression (quote it as one argument); also got \(extra)")
        }
    }

    func run() throws {
        let source: String
        if expression == "-" {
            source = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        } else {
            source = expression
        }
        let rulesetOptions = inputs.rulesetOptions
        let environment = rulesetOptions.limits.celEnvironment
        var activation = CELActivation(globals: .empty)
        var locals: [String] = []
        if let snapshot {
            let catalog = try rulesetOptions.loadCatalog()
            let options = try inputs.evaluationOptions()
            let scope = try CLI.guarding { () throws -> Engine.Scope in
                let loaded = try SnapshotLoader(yaml: rulesetOptions.limits.yamlLoader).load(contentsOf: snapshot)
                return try Engine(cel: environment).scope(
                    for: catalog, snapshot: loaded, options: options, ruleID: rule, subject: subject)
            }
            activation = CELActivation(globals: scope.globals, locals: scope.localValues)
            locals = scope.locals
        } else if rule != nil || subject != nil || inputs.isGiven {
            CLI.printError("error: --rule, --subject, --param and --as-of need --snapshot")
            throw CLI.badInput
        }
        for binding in variables {
            guard let equals = binding.firstIndex(of: "="), equals != binding.startIndex else {
                CLI.printError("error: --var expects NAME=EXPR, got '\(binding.terminalEscaped)'")
                throw CLI.badInput
            }
            let name = String(binding[..<equals])
            let text = String(binding[binding.index(after: equals)...])
            let value = try evaluate(text, named: "<var \(name)>", in: activation, locals: locals, environment: environment)
            activation.bind(name, to: value)
        }
        let value = try evaluate(source, named: "<expression>", in: activation, locals: locals, environment: environment)
        switch format {
        case .cel: CLI.printOutput(value.celSource + "\n")
        case .json: CLI.printOutput(value.jsonText + "\n")
        }
    }

    /// Compiles and evaluates, printing a parse error (exit 2) or an evaluation error (exit 1).
    private func evaluate(
        _ source: String, named name: String, in activation: CELActivation, locals: [String],
        environment: CELEnvironment
    ) throws -> Value {
        let renderer = DiagnosticRenderer(sourceText: { path in path == name ? source : nil })
        let program: CELProgram
        do {
            program = try environment.compile(source, locals: locals, origin: SourceLocation(file: name, line: 1, column: 1))
        } catch {
            CLI.printError(renderer.render(error.diagnostics))
            throw CLI.badInput
        }
        switch environment.evaluate(program, in: activation) {
        case .value(let value):
            return value
        case .error(let error):
            CLI.printError(renderer.render(error.diagnostic(code: "cel.evaluation")))
            throw CLI.gateFailed
        }
    }
}
