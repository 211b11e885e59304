import Foundation
import Readiness
import SourceDiagnostics
import StrictYAML
import Testing

/// Inputs that are not regular files: devices, FIFOs, directories, symbolic-link loops.
@Suite struct SpecialFileTests {
    @Test(
        "devices are refused before a byte is read, whatever the limit",
        arguments: [("/dev/zero", Int.max), ("/dev/zero", 1 << 20), ("/dev/null", YAMLLoader.Limits.default.maxInputBytes)])
    func devices(path: String, limit: Int) throws {
        let loader = YAMLLoader(limits: .with { $0.maxInputBytes = limit })
        let diagnostics = Hardening.diagnostics { () throws(DiagnosticError) in try loader.load(contentsOf: path) }
        #expect(diagnostics.first?.code == "input.unreadable")
        #expect(diagnostics.first?.message == "cannot read '\(path)': it is not a regular file")
    }

    @Test("a directory, a missing file and a dangling link are unreadable, with the reason")
    func unreadablePaths() throws {
        let directory = try Hardening.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createSymbolicLink(
            atPath: directory + "/dangling.yaml", withDestinationPath: directory + "/gone.yaml")
        try FileManager.default.createSymbolicLink(
            atPath: directory + "/self.yaml", withDestinationPath: directory + "/self.yaml")
        let cases = [
            (directory, "it is a directory"), (directory + "/missing.yaml", "no such file"),
            (directory + "/dangling.yaml", "no such file"), (directory + "/self.yaml", "cannot read"),
        ]
        for (path, reason) in cases {
            let diagnostics = Hardening.diagnostics { () throws(DiagnosticError) in
                try YAMLLoader().load(contentsOf: path)
            }
            #expect(diagnostics.first?.code == "input.unreadable", "\(path)")
            #expect(diagnostics.first?.message.contains(reason) == true, "\(diagnostics)")
        }
    }

    /// A FIFO with no writer: `open(2)` for reading blocks until a writer comes, so a loader that
    /// opens it without `O_NONBLOCK` (or without checking the file type first) hangs.
    @Test(
        "a FIFO is refused without blocking",)
    func fifo() throws {
        let directory = try Hardening.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/snapshot.yaml"
        #expect(mkfifo(path, 0o600) == 0)
        let finished = Hardening.finishes(within: 120) {
            _ = try? YAMLLoader().load(contentsOf: path)
        }
        if !finished {
            // Unblock the reader: a writer that opens and closes at once gives it end-of-file.
            let fd = open(path, O_WRONLY | O_NONBLOCK)
            if fd >= 0 { close(fd) }
        }
        #expect(finished, "YAMLLoader.load(contentsOf:) blocked on a FIFO")
    }

    @Test("'extends' through a symbolic link to its own folder ends, with a diagnostic")
    func extendsThroughDirectoryLinkLoop() throws {
        let directory = try Hardening.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createSymbolicLink(
            atPath: directory + "/loop", withDestinationPath: ".")
        let text = "ruleset: a\nextends: [loop/a.yaml]\nrules: []\n"
        #expect(
            FileManager.default.createFile(atPath: directory + "/a.yaml", contents: Data(text.utf8)))
        let path = directory + "/a.yaml"
        let outcome = Hardening.result(within: 30) {
            Hardening.diagnostics { () throws(DiagnosticError) in try RulesetLoader().load([path]) }
        }
        let diagnostics = try #require(outcome, "loading did not end")
        #expect(
            diagnostics.contains { $0.code == "ruleset.extends-cycle" || $0.code == "input.unreadable" },
            "\(diagnostics.prefix(3))")
    }

    @Test("'extends' through a symbolic link to the same file is a cycle")
    func extendsThroughFileLink() throws {
        let directory = try Hardening.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let text = "ruleset: a\nextends: [b.yaml]\nrules: []\n"
        #expect(
            FileManager.default.createFile(atPath: directory + "/a.yaml", contents: Data(text.utf8)))
        try FileManager.default.createSymbolicLink(
            atPath: directory + "/b.yaml", withDestinationPath: "a.yaml")
        let diagnostics = Hardening.diagnostics { () throws(DiagnosticError) in
            try RulesetLoader().load([directory + "/a.yaml"])
        }
        #expect(diagnostics.contains { $0.code == "ruleset.extends-cycle" }, "\(diagnostics)")
    }

    /// A ruleset anyone can edit in a pull request names any file in `extends`, and the
    /// diagnostic for a file that is not a ruleset quotes its first line (the message quotes the
    /// text; the renderer prints the source line under it), so a CI log shows, say, the first line
    /// of a credentials file on the runner.
    @Test(
        "'extends' naming a file outside the rulesets does not quote its contents",)
    func extendsDoesNotDiscloseContents() throws {
        let directory = try Hardening.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(
            atPath: directory + "/rules", withIntermediateDirectories: true)
        let secret = "ghp_SECRET-TOKEN-1234"
        #expect(
            FileManager.default.createFile(
                atPath: directory + "/token.txt", contents: Data("\(secret)\n".utf8)))
        let text = "ruleset: a\nextends: [../token.txt]\nrules: []\n"
        #expect(
            FileManager.default.createFile(atPath: directory + "/rules/a.yaml", contents: Data(text.utf8))
        )
        let diagnostics = Hardening.diagnostics { () throws(DiagnosticError) in
            try RulesetLoader().load([directory + "/rules/a.yaml"])
        }
        #expect(!diagnostics.isEmpty)
        #expect(!diagnostics.contains { $0.description.contains(secret) }, "\(diagnostics)")
    }
}
