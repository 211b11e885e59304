import Foundation

@testable import ReadinessCLI

/// Helpers for the CLI tests that read what `readiness check` wrote.
enum Reports {
    /// Runs `readiness check` with a report written to a new temporary file; returns the
    /// exit status and the file's text.
    static func check(_ arguments: [String], format: String, name: String) -> (status: Int32, text: String) {
        let output = Paths.temporary(name)
        try? FileManager.default.removeItem(atPath: output)
        let status = exitStatus(["check"] + arguments + ["--format", format, "--output", output])
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        return (status, text)
    }

    /// A JSON document's top level as a dictionary.
    static func object(_ text: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    /// A fresh temporary directory.
    static func directory(_ name: String) throws -> String {
        let path = Paths.temporary(name)
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
