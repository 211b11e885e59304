import SourceDiagnostics
import StrictYAML

/// Loads the input as a YAML or JSON document: it must give a document or diagnostics, never
/// crash, hang or run out of memory.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let document = try YAMLLoader().load(bytes: bytes, file: "fuzz.yaml")
        _ = document.root.description
    } catch {
        precondition(!error.diagnostics.isEmpty, "a DiagnosticError without diagnostics")
        for diagnostic in error.diagnostics { _ = diagnostic.description }
    }
    return 0
}
