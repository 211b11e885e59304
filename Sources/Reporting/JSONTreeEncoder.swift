import Foundation
import SourceDiagnostics

/// A fast JSON encoder for the reports: `Encodable` values become a tree, written in one
/// buffered pass with sorted keys (as declared, or in snake case: `KeyStrategy`) and two-space
/// indentation.
///
/// Foundation's `JSONEncoder` on Linux takes seconds for a report with a hundred thousand
/// findings; this writes the same JSON (sorted keys, unescaped slashes) in a fraction of that.
public struct JSONTreeEncoder: Sendable {
    /// Whether to indent (two spaces) and put each member on its own line.
    public var isPretty: Bool
    /// Whether a pretty key is followed by ` : ` (as Foundation's `JSONEncoder` writes it)
    /// rather than `: `.
    public var spacesAroundColon: Bool
    /// How the keys that types declare are written.
    public var keys: KeyStrategy

    /// Creates an encoder.
    public init(keys: KeyStrategy = .asDeclared, isPretty: Bool = true, spacesAroundColon: Bool = false) {
        self.keys = keys
        self.isPretty = isPretty
        self.spacesAroundColon = spacesAroundColon
    }

    /// The JSON text of a value, ending in a newline.
    public func encode<T: Encodable>(_ value: T) throws -> String {
        try encodePieces(value).text
    }

    /// The JSON text of a value, ending in a newline, as pieces to be written in order: large
    /// lists rendered in parallel stay separate buffers instead of being copied into one.
    public func encodePieces<T: Encodable>(_ value: T) throws -> RenderedReport {
        var writer = JSONWriter(isPretty: isPretty, spacesAroundColon: spacesAroundColon, keys: keys)
        writer.write(try tree(of: value), depth: 0)
        writer.append(byte: UInt8(ascii: "\n"))
        return writer.finish()
    }

    /// The JSON text of a value as it reads nested `depth` levels deep (no final newline), so
    /// that parts rendered separately, even in parallel, can be spliced into one document.
    public func encode<T: Encodable>(_ value: T, depth: Int) throws -> String {
        try encodePieces(value, depth: depth, after: "").text
    }

    /// The same JSON as pieces, after `prefix` (a separator to splice it in with).
    func encodePieces<T: Encodable>(_ value: T, depth: Int, after prefix: StaticString) throws -> RenderedReport {
        let root = try tree(of: value)
        var writer = JSONWriter(isPretty: isPretty, spacesAroundColon: spacesAroundColon, keys: keys)
        writer.append(prefix)
        writer.write(root, depth: depth)
        return writer.finish()
    }

    /// The tree of a value; a value that cannot be encoded is a `DiagnosticError`
    /// (`report.unencodable`), so that a command says so instead of writing a partial report.
    private func tree<T: Encodable>(of value: T) throws -> TreeNode {
        let root = TreeNode()
        do {
            try TreeEncoder.encode(value, into: root, codingPath: [], keys: keys)
        } catch let error as DiagnosticError {
            throw error
        } catch {
            throw DiagnosticError(ReportDiagnostics.unencodable(error))
        }
        return root
    }
}
