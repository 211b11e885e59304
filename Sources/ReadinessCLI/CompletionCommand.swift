import ArgumentParser

/// `readiness completion SHELL`: prints a completion script.
struct CompletionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "completion",
        abstract: "Print a shell completion script (bash, zsh or fish).",
        discussion: """
            Completes commands, options, built-in ruleset names, rule ids and formats. Install:
              bash:  readiness completion bash > /etc/bash_completion.d/readiness
                     (or: source <(readiness completion bash) in ~/.bashrc)
              zsh:   readiness completion zsh > "${fpath[1]}/_readiness"
              fish:  readiness completion fish > ~/.config/fish/completions/readiness.fish
            """)

    @Argument(help: ArgumentHelp("The shell: bash, zsh or fish.", valueName: "shell"))
    var shell: String

    func validate() throws {
        guard CompletionShell(rawValue: shell) != nil else {
            throw ValidationError("unknown shell '\(shell)'; use bash, zsh or fish")
        }
    }

    func run() throws {
        guard let shell = CompletionShell(rawValue: shell) else { throw CLI.badInput }
        CLI.printOutput(ReadinessCommand.completionScript(for: shell))
    }
}
