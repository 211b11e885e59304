import ArgumentParser

/// Placeholder for `readiness explain` until it lands.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "explain", abstract: "Not yet available.")

    func run() throws {
        throw ExitCode(2)
    }
}
