import ArgumentParser

/// Placeholder for `readiness validate` until it lands.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "validate", abstract: "Not yet available.")

    func run() throws {
        throw ExitCode(2)
    }
}
