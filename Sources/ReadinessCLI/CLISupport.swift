import ArgumentParser
import Foundation
import SourceDiagnostics
import Reporting
import StrictYAML

/// Shared plumbing for the subcommands: printing diagnostics and mapping failures to exit codes.
enum CLI {
    /// Exit status for a gate that failed (or an expression whose evaluation failed).
    static let gateFailed = ExitCode(1)
    /// Exit status for bad input or usage.
    static let badInput = ExitCode(2)

    /// Writes text to standard error.
    static func printError(_ text: String) {
        var text = text
        if !text.hasSuffix("\n") { text += "\n" }
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Writes text to standard output without buffering surprises.
    static func printOutput(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes text that quotes input (rule titles, test names) to standard output, each line
    /// made safe for a terminal or CI log (`terminalEscaped`).
    static func printText(_ text: String) {
        printOutput(text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).terminalEscaped }.joined(separator: "\n"))
    }

    /// Writes a report's pieces to standard output, in order.
    static func printOutput(_ report: RenderedReport) {
        report.forEachBuffer { buffer in
            FileHandle.standardOutput.write(Data(buffer))
            return true
        }
    }

    /// Prints diagnostics on standard error, quoting the source line under each. A file is read
    /// for the quote only if it is a regular file within the default input limit, so a huge
    /// file, a device or a FIFO is never read just to show an error about it.
    static func report(_ diagnostics: [Diagnostic]) {
        let diagnostics = diagnostics.map(namingFlags)
        let renderer = DiagnosticRenderer(sourceText: { path in
            guard !path.hasPrefix("<"),
                let bytes = try? YAMLLoader.readFile(path, limit: YAMLLoader.Limits.default.maxInputBytes)
            else { return nil }
            return String(decoding: bytes, as: UTF8.self)
        })
        printError(renderer.render(diagnostics))
    }

    /// The command-line flag of each library setting a diagnostic's note may ask to change.
    static let settingFlags = [
        "maxInputBytes": "--max-input-bytes", "maxDepth": "--max-depth", "maxAliasNodes": "--max-alias-nodes",
        "maxAliasBytes": "--max-alias-bytes", "maxRunSteps": "--max-steps", "asOf": "--as-of",
        "allowedDirectories": "--allow-path",
    ]

    /// A diagnostic whose notes name the flag of the setting they ask to change.
    static func namingFlags(_ diagnostic: Diagnostic) -> Diagnostic {
        var diagnostic = diagnostic
        for i in diagnostic.notes.indices {
            if let setting = diagnostic.notes[i].setting, let flag = settingFlags[setting] {
                diagnostic.notes[i].message += " (\(flag))"
            }
        }
        return diagnostic
    }

    /// Runs a body, turning a `DiagnosticError` into printed diagnostics and exit code 2.
    static func guarding<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DiagnosticError {
            report(error.diagnostics)
            throw badInput
        }
    }
}
