import ArgumentParser

/// Placeholder for `readiness test` until it lands.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "test", abstract: "Not yet available.")

    func run() throws {
        throw ExitCode(2)
    }
}
