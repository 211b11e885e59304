import ArgumentParser

/// Placeholder for `readiness init` until it lands.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Not yet available.")

    func run() throws {
        throw ExitCode(2)
    }
}
