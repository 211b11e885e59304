import ArgumentParser

/// Placeholder for `readiness check` until it lands.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Not yet available.")

    func run() throws {
        throw ExitCode(2)
    }
}
