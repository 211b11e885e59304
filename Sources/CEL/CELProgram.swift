public import SourceDiagnostics
import StrictYAML

/// A compiled CEL expression: evaluate it many times, from any thread, with different activations.
///
/// Compilation turns the syntax tree into a tree of closures (closure compilation, as in
/// cel-go's `interpreter` planner): each node is resolved once — identifiers to slots or
/// global lookups, calls to their implementation, constant regexes compiled — so evaluation
/// never re-dispatches on the syntax tree.
public final class CELProgram: Sendable {
    /// The expression's source text.
    public let source: String
    /// The static member chains rooted at free identifiers, in source order, such as
    /// `["training", "completion_pct"]`.
    public let referencedPaths: [[String]]
    /// The static member chains rooted at the program's locals (its `for_each` variable), such
    /// as `["site", "wan_mbps"]`, in source order.
    public let localPaths: [[String]]
    /// The string literals the expression holds, in source order, without repeats.
    public let stringLiterals: [String]
    /// The member chain when the whole expression is one, rooted at a free identifier
    /// (`network.sites` gives `["network", "sites"]`), so that the elements of a `for_each`
    /// list can be named `network.sites[3]`; nil for any other expression.
    public let memberPath: [String]?
    /// Where the expression's first character stands in its file, when known.
    public let origin: SourceLocation?
    /// The names of the locals, in slot order.
    public let locals: [String]

    let root: CELEval
    let slotCount: Int
    /// The source's line table, for placing evaluation errors.
    let text: SourceText
    /// The checked syntax tree, kept for type checking against declarations.
    let syntax: CELExpr

    init(
        source: String, referencedPaths: [[String]], localPaths: [[String]] = [], stringLiterals: [String] = [],
        memberPath: [String]?, origin: SourceLocation?, locals: [String],
        root: @escaping CELEval, slotCount: Int, text: SourceText, syntax: CELExpr
    ) {
        self.syntax = syntax
        self.source = source
        self.referencedPaths = referencedPaths
        self.localPaths = localPaths
        self.stringLiterals = stringLiterals
        self.memberPath = memberPath
        self.origin = origin
        self.locals = locals
        self.root = root
        self.slotCount = slotCount
        self.text = text
    }

    /// The line and column (1-based, in scalars) of an offset inside the expression.
    func position(ofOffset offset: Int) -> SourcePosition {
        text.position(ofScalarOffset: offset)
    }

    /// Maps a position inside the expression to its place in the origin's file.
    static func location(of position: SourcePosition, origin: SourceLocation?) -> SourceLocation {
        guard let origin else { return SourceLocation(file: "<expression>", position: position) }
        if position.line == 1 {
            return SourceLocation(
                file: origin.file, line: origin.line, column: origin.column + Int(position.column) - 1)
        }
        return SourceLocation(
            file: origin.file, line: origin.line + Int(position.line) - 1, column: Int(position.column))
    }
}
