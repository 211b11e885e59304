import ArgumentParser
import Reporting

/// How `diff` and `whatif` write the change: the format, and where to.
struct ChangeOutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Output format: text, json, markdown or html.", valueName: "format"))
    var format: String = "text"

    @Option(help: ArgumentHelp("Where to write the output ('-' for standard output).", valueName: "file"))
    var output: String = "-"

    /// The format to render the change in.
    var changeFormat: ChangeFormat { ChangeFormat(rawValue: format) ?? .text }

    func validate() throws {
        guard let format = ChangeFormat(rawValue: format), format != .csv else {
            throw ValidationError("--format must be text, json, markdown or html")
        }
    }
}
