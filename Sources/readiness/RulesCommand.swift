import ArgumentParser

/// Placeholder for `readiness rules` until it lands.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "Not yet available.")

    func run() throws {
        throw ExitCode(2)
    }
}
