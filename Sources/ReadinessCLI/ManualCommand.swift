import ArgumentParser
import Foundation
import Readiness

/// `readiness generate-manual`: prints the man page, built from the commands' own help, so it
/// cannot drift from them (`scripts/package.sh` writes it to `readiness.1`).
struct ManualCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-manual",
        abstract: "Print the readiness(1) man page (roff), generated from the commands' help.",
        shouldDisplay: false)

    func run() throws {
        CLI.printOutput(Self.manual())
    }

    /// The man page: name, synopsis, the top-level help, then each command's help.
    static func manual() -> String {
        let root = ReadinessCommand.configuration
        var out = ".TH READINESS 1 \"\" \"readiness \(ReadinessVersion.current.roffEscaped)\" \"User Commands\"\n"
        out += ".SH NAME\nreadiness \\- \(root.abstract.roffEscaped)\n"
        out += ".SH SYNOPSIS\n"
        for command in root.subcommands where command.configuration.shouldDisplay {
            out += ".B readiness \(command.configuration.commandName ?? "")\n.RI [ options ]\n.br\n"
        }
        out += ".SH DESCRIPTION\n" + preformatted(ReadinessCommand.helpMessage(includeHidden: false, columns: 80))
        for command in root.subcommands where command.configuration.shouldDisplay {
            let name = command.configuration.commandName ?? ""
            out += ".SH \"READINESS \(name.uppercased().roffEscaped)\"\n"
            out += preformatted(ReadinessCommand.helpMessage(for: command, includeHidden: false, columns: 80))
        }
        return out + closingSections
    }

    /// The sections after the commands' help, which no help text carries: exit status, files
    /// and where to read more.
    private static let closingSections = """
        .SH "EXIT STATUS"
        0 the gate passed; 1 the gate failed (test: a case failed; eval: the evaluation failed); \
        2 bad input or usage.
        .SH FILES
        .TP
        .I .readiness.yaml
        default options for readiness check, looked for in the working directory and the directories above it.
        .SH "SEE ALSO"
        The README and docs/ of the Readiness project.

        """

    /// Help text shown as is (no filling), each line escaped for roff.
    private static func preformatted(_ text: String) -> String {
        var out = ".nf\n"
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            out += String(line).roffEscaped + "\n"
        }
        return out + ".fi\n"
    }
}

extension String {
    /// Escaped for a roff text line: backslashes doubled, and a leading `.` or `'` (which roff
    /// would read as a request) protected with `\&`.
    var roffEscaped: String {
        var out = replacingOccurrences(of: "\\", with: "\\e")
        if out.hasPrefix(".") || out.hasPrefix("'") { out = "\\&" + out }
        return out
    }
}
