public import SourceDiagnostics
import StrictYAML

/// The façade of the CEL engine: compile an expression once, then evaluate it many times.
///
/// ```swift
/// let cel = CELEnvironment()
/// let program = try cel.compile("training.completion_pct >= 80")
/// let result = cel.evaluate(program, in: CELActivation(globals: snapshot))
/// ```
public struct CELEnvironment: Sendable {
    /// The bounds applied to compilation and evaluation.
    public var limits: CELLimits
    /// When true, calls of unknown functions compile and fail at evaluation instead (CEL's
    /// dynamic mode, used by the conformance vectors); by default they are compile errors.
    public var allowsUnknownFunctions = false
    /// The budget every evaluation in this environment draws on, shared by a whole run (the
    /// engine sets a fresh one, of `limits.maxRunSteps`, for each snapshot it evaluates).
    public var runBudget: CELRunBudget?

    /// Creates an environment.
    public init(limits: CELLimits = .default) {
        self.limits = limits
    }

    /// Parses, checks and compiles an expression.
    ///
    /// - Parameters:
    ///   - source: The CEL source text.
    ///   - locals: Names bound per evaluation by slot (a rule's `for_each` variable, template
    ///     variables); an activation supplies their values in this order.
    ///   - origin: Where the expression's first character stands in a file, so diagnostics
    ///     point there (line 1's columns are shifted by `origin.column - 1`; later lines keep
    ///     their own columns).
    /// - Returns: The compiled program.
    /// - Throws: `DiagnosticError` with every syntax and checking error found, sorted by position.
    public func compile(
        _ source: String, locals: [String] = [], origin: SourceLocation? = nil
    ) throws(DiagnosticError) -> CELProgram {
        let text = SourceText(source)
        func diagnostic(_ code: String, _ message: String, at offset: Int, notes: [String] = []) -> Diagnostic {
            let position = text.position(ofScalarOffset: offset)
            let location = CELProgram.location(of: position, origin: origin)
            return Diagnostic(
                severity: .error, code: code, message: message, span: SourceSpan(location),
                notes: notes.map { Diagnostic.Note(message: $0) })
        }
        let length = source.unicodeScalars.count
        if length > limits.maxExpressionLength {
            throw DiagnosticError(
                diagnostic(
                    CELDiagnostics.tooLongCode,
                    CELDiagnostics.expressionTooLong(length: length, limit: limits.maxExpressionLength),
                    at: 0))
        }
        var parser = CELParser(source, maxDepth: limits.maxParseDepth)
        let expr = parser.parse()
        var collector = DiagnosticCollector(limit: 50)
        for problem in parser.problems {
            collector.append(diagnostic(CELDiagnostics.syntaxCode, problem.message, at: problem.offset))
        }
        try collector.throwIfErrors()

        var checker = CELChecker(
            locals: locals, allowsUnknownFunctions: allowsUnknownFunctions, regexLimits: limits.regex)
        checker.check(expr)
        for problem in checker.problems {
            collector.append(diagnostic(problem.code, problem.message, at: problem.offset, notes: problem.notes))
        }
        try collector.throwIfErrors()

        var compiler = CELCompiler(locals: locals, limits: limits)
        let root = compiler.compile(expr)
        return CELProgram(
            source: source, referencedPaths: checker.referencedPaths, localPaths: checker.localPaths,
            stringLiterals: checker.stringLiterals,
            memberPath: expr.memberChain.flatMap { chain in chain.first.map(locals.contains) == false ? chain : nil },
            origin: origin, locals: locals,
            root: root, slotCount: compiler.slotCount, text: text, syntax: expr)
    }

    /// Type-checks a compiled program against declared variable types, as cel-go's checker
    /// does with declarations: misspelt fields of declared types, comparisons and arithmetic
    /// between incompatible types, and integer division where a double is meant.
    /// - Returns: the expression's type (`dyn` when it depends on undeclared values) and the
    ///   problems, located in the program's file.
    public func typeCheck(_ program: CELProgram, declarations: CELDeclarations) -> (type: CELType, diagnostics: [Diagnostic]) {
        var checker = CELTypeChecker(declarations: declarations)
        let type = checker.infer(program.syntax)
        let diagnostics = checker.problems.map { problem in
            Diagnostic(
                severity: problem.isError ? .error : .warning, code: problem.code, message: problem.message,
                span: SourceSpan(CELProgram.location(of: program.position(ofOffset: problem.offset), origin: program.origin)),
                notes: problem.notes.map { Diagnostic.Note(message: $0) })
        }
        return (type, diagnostics)
    }

    /// Evaluates a compiled program against an activation.
    ///
    /// Safe to call concurrently from several threads with separate activations.
    public func evaluate(_ program: CELProgram, in activation: CELActivation) -> CELResult {
        let frame = CELFrame(
            activation: activation, slotCount: program.slotCount, maxSteps: limits.maxSteps, budget: runBudget)
        return program.run(in: frame)
    }

    /// Compiles and evaluates in one step: a convenience for tools and tests.
    public func evaluate(_ source: String, in activation: CELActivation) throws(DiagnosticError) -> CELResult {
        evaluate(try compile(source), in: activation)
    }
}

/// Evaluates compiled programs one after another against one activation whose locals change,
/// reusing one frame: a loop over the elements of a `for_each` list allocates nothing per
/// evaluation.
///
/// ```swift
/// let evaluator = CELEvaluator(cel, activation: CELActivation(globals: snapshot, locals: [.null]))
/// for server in servers {
///     evaluator.setLocal(0, to: server)
///     let result = evaluator.evaluate(program)
/// }
/// ```
///
/// An evaluator serves one thread at a time; make one per thread.
public final class CELEvaluator {
    private let maxSteps: Int
    private let budget: CELRunBudget?
    private let localCount: Int
    private var frame: CELFrame

    /// Creates an evaluator for programs compiled with the activation's locals.
    public init(_ environment: CELEnvironment, activation: CELActivation, slotCount: Int = 0) {
        maxSteps = environment.limits.maxSteps
        budget = environment.runBudget
        localCount = activation.locals.count
        frame = CELFrame(activation: activation, slotCount: slotCount, maxSteps: maxSteps, budget: budget)
    }

    /// Sets the value of local `slot` for the evaluations that follow.
    public func setLocal(_ slot: Int, to value: Value) {
        precondition(slot >= 0 && slot < localCount, "local slot \(slot) out of range")
        frame.slots[slot] = value
    }

    /// Evaluates a program with the current locals.
    public func evaluate(_ program: CELProgram) -> CELResult {
        if program.slotCount > frame.slotCount {
            // A program with more comprehension variables than any before: a larger frame.
            let locals = (0..<localCount).map { frame.slots[$0] }
            var activation = CELActivation(globals: frame.globals, locals: locals)
            for (name, value) in frame.bindings { activation.bind(name, to: value) }
            frame = CELFrame(activation: activation, slotCount: program.slotCount, maxSteps: maxSteps, budget: budget)
        }
        frame.resetSteps()
        return program.run(in: frame)
    }
}

extension CELProgram {
    /// Runs the program on a frame; an error gets its position in the source.
    func run(in frame: CELFrame) -> CELResult {
        do throws(CELEvaluationError) {
            return .value(try root(frame))
        } catch {
            var error = error
            if error.offset >= 0 {
                error.position = position(ofOffset: error.offset)
                error.location = CELProgram.location(of: error.position, origin: origin)
            }
            return .error(error)
        }
    }
}
