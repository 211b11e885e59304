import SourceDiagnostics
import StrictYAML

/// The limits snapshots and rulesets are loaded with, tightened so that a 16 KiB input can reach
/// them: few alias-expanded nodes and bytes (the byte limit is what a long name repeated by
/// aliases meets first), non-finite numbers refused.
let strict = YAMLLoader(
    limits: YAMLLoader.Limits(maxAliasNodes: 2_000, maxAliasBytes: 4_096, allowsNonFiniteNumbers: false))

/// Loads the input as a YAML or JSON document, once with the default limits and once with
/// `strict`: each load must give a document or diagnostics, never crash, hang or run out of
/// memory. A document the strict loader accepts holds no non-finite number, and the default
/// loader (whose limits are all looser) accepts it too, with the same content.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let loose = load(bytes, with: YAMLLoader())
    if let document = load(bytes, with: strict) {
        precondition(isFinite(document.root), "a non-finite number passed the strict loader")
        guard let looseDocument = loose else { preconditionFailure("the strict loader accepted what the default refused") }
        // Compared as text: CEL equality finds no map key that is null or a list.
        precondition(
            looseDocument.root.description == document.root.description, "the two loaders disagree on the content")
    }
    return 0
}

/// The document, or nil after checking the diagnostics are well formed.
func load(_ bytes: [UInt8], with loader: YAMLLoader) -> YAMLDocument? {
    do {
        let document = try loader.load(bytes: bytes, file: "fuzz.yaml")
        _ = document.root.description
        return document
    } catch {
        precondition(!error.diagnostics.isEmpty, "a DiagnosticError without diagnostics")
        for diagnostic in error.diagnostics { _ = diagnostic.description }
        return nil
    }
}

/// Whether every number in the value is finite.
func isFinite(_ value: Value) -> Bool {
    switch value {
    case .double(let d): return d.isFinite
    case .list(let list): return list.elements.allSatisfy(isFinite)
    case .map(let map): return map.keys.allSatisfy(isFinite) && map.values.allSatisfy(isFinite)
    default: return true
    }
}
