import ArgumentParser

/// Placeholder for `readiness eval` until it lands.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "eval", abstract: "Not yet available.")

    func run() throws {
        throw ExitCode(2)
    }
}
