import CEL
import SourceDiagnostics

/// Parses, checks and compiles the input as a CEL expression, with one local bound, placed at
/// an origin inside a file as conditions in rulesets are.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCELCompile(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let origin = SourceLocation(file: "rules.yaml", line: 12, column: 12)
    do {
        let program = try CELEnvironment().compile(source, locals: ["site"], origin: origin)
        _ = program.referencedPaths
    } catch {
        precondition(!error.diagnostics.isEmpty, "a DiagnosticError without diagnostics")
        for diagnostic in error.diagnostics {
            precondition(diagnostic.span.map { $0.start.line >= 12 } ?? true, "a span before the origin")
            _ = diagnostic.description
        }
    }
    return 0
}
