public import ArgumentParser
import Foundation

extension ReadinessCommand {
    /// Runs the command line as the `readiness` executable does, and exits.
    ///
    /// ArgumentParser exits with 64 (`EX_USAGE`) on a usage error; Readiness keeps the exit
    /// contract of the tools CI pipelines already run (conftest, Checkov, Spectral): 0 the gate
    /// passed, 1 the gate failed, 2 bad input *or usage*. The usage message is printed as
    /// ArgumentParser prints it, on standard error.
    /// - Parameter arguments: The arguments (default: the process's own).
    public static func runAsMain(_ arguments: [String]? = nil) -> Never {
        do {
            var command = try parseCommandLine(arguments ?? Array(CommandLine.arguments.dropFirst()))
            try command.run()
            exit()
        } catch {
            let status = exitStatus(for: error)
            guard status != exitCode(for: error).rawValue else { exit(withError: error) }
            let message = fullMessage(for: error)
            if !message.isEmpty { CLI.printError(message) }
            Foundation.exit(status)
        }
    }

    /// Parses a command line as the executable does: `readiness check` takes its defaults from
    /// the configuration file (see `ConfigFile`) first.
    public static func parseCommandLine(_ arguments: [String]) throws -> any ParsableCommand {
        let expanded = try CLI.guarding {
            try ConfigFile.expand(arguments, in: FileManager.default.currentDirectoryPath)
        }
        return try parseAsRoot(expanded)
    }

    /// The exit status for an error thrown while parsing or running a command: a usage error
    /// (ArgumentParser's 64) and any error that is not an exit code are 2; help and version
    /// requests are 0; an `ExitCode` is itself.
    public static func exitStatus(for error: any Error) -> Int32 {
        if let code = error as? ExitCode { return code.rawValue }
        let code = exitCode(for: error)
        if code == .validationFailure { return CLI.badInput.rawValue }
        if code == .failure, !(error is CleanExit) { return CLI.badInput.rawValue }
        return code.rawValue
    }
}
