import Foundation
import Readiness
import SourceDiagnostics
import StrictYAML

extension SnapshotLoader {
    /// The name a snapshot read from standard input goes by in diagnostics and reports.
    static let standardInputName = "<stdin>"

    /// Loads a snapshot from standard input (the snapshot path `-`), refusing more than
    /// `--max-input-bytes` bytes (it stops reading there, so an endless stream cannot exhaust
    /// memory).
    func loadStandardInput() throws(DiagnosticError) -> Snapshot {
        let limit = yaml.limits.maxInputBytes
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count <= limit {
            let n = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { break }
            bytes.append(contentsOf: chunk[..<n])
        }
        if bytes.count > limit {
            throw DiagnosticError(
                .error(
                    "input.too-large", "standard input has more than the limit of \(limit) bytes",
                    at: SourceLocation(file: Self.standardInputName, line: 1, column: 1),
                    notes: [.init(message: "raise the limit with --max-input-bytes if the snapshot is genuine")]))
        }
        return try load(bytes: bytes, file: Self.standardInputName)
    }
}
