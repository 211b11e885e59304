/// Gathers diagnostics while a stage keeps going, the way cel-go's `common.Errors` does.
public struct DiagnosticCollector: Sendable {
    /// The most diagnostics kept; later ones are counted but dropped.
    public var limit: Int
    /// The diagnostics kept so far.
    public private(set) var diagnostics: [Diagnostic] = []
    /// How many were dropped because of `limit`.
    public private(set) var droppedCount = 0

    /// Creates an empty collector.
    public init(limit: Int = 200) {
        self.limit = limit
    }

    /// Records a diagnostic.
    public mutating func append(_ diagnostic: Diagnostic) {
        if diagnostics.count < limit {
            diagnostics.append(diagnostic)
        } else {
            droppedCount += 1
        }
    }

    /// Records several diagnostics.
    public mutating func append(contentsOf more: [Diagnostic]) {
        for d in more { append(d) }
    }

    /// Whether any error was recorded.
    public var hasErrors: Bool { diagnostics.hasErrors }

    /// Throws `DiagnosticError` when any error was recorded.
    public func throwIfErrors() throws(DiagnosticError) {
        guard hasErrors else { return }
        var all = diagnostics
        if droppedCount > 0 {
            all.append(
                Diagnostic(
                    severity: .note, code: "diagnostics.truncated",
                    message: "\(droppedCount) more diagnostics not shown", span: nil))
        }
        throw DiagnosticError(all)
    }
}
