import Foundation
import Readiness
import Testing

/// Report writing: never over an input, never through a symbolic link onto one, never partial.
@Suite struct OutputPathTests {
    /// A folder with an input file, `snapshot.yaml`, holding `original`.
    struct Folder {
        let path: String
        let input: String
        static let original = "project: {name: x}\n"

        init() throws {
            path = try Hardening.temporaryDirectory()
            input = path + "/snapshot.yaml"
            _ = FileManager.default.createFile(atPath: input, contents: Data(Self.original.utf8))
        }

        func remove() { try? FileManager.default.removeItem(atPath: path) }

        /// Every file in the folder, so a test can see that no temporary file was left behind.
        var contents: [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
        }

        var inputText: String? { try? String(contentsOfFile: input, encoding: .utf8) }
    }

    @Test(
        "the output path is an input, spelled several ways",
        arguments: ["snapshot.yaml", "./snapshot.yaml", "sub/../snapshot.yaml", ".//snapshot.yaml"])
    func outputIsInput(_ spelling: String) throws {
        let folder = try Folder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(
            atPath: folder.path + "/sub", withIntermediateDirectories: true)
        let output = folder.path + "/" + spelling
        #expect(throws: AtomicFile.WriteError.self) {
            try AtomicFile.write("report", to: output, protecting: [folder.input])
        }
        #expect(folder.inputText == Folder.original)
        #expect(folder.contents == ["snapshot.yaml", "sub"])
    }

    @Test("a temporary file left by a dead run with this process id is replaced, not an error")
    func staleTemporaryFile() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let stale = folder.path + "/.report.json.tmp-\(getpid())"
        #expect(FileManager.default.createFile(atPath: stale, contents: Data("half a report".utf8)))
        try AtomicFile.write("report", to: folder.path + "/report.json", protecting: [folder.input])
        #expect(try String(contentsOfFile: folder.path + "/report.json", encoding: .utf8) == "report")
        #expect(folder.contents == ["report.json", "snapshot.yaml"])
    }

    @Test("the output path is a symbolic link to an input")
    func outputLinksToInput() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try FileManager.default.createSymbolicLink(
            atPath: folder.path + "/report.json", withDestinationPath: "snapshot.yaml")
        do {
            try AtomicFile.write("report", to: folder.path + "/report.json", protecting: [folder.input])
            Issue.record("wrote through a link onto an input")
        } catch {
            #expect(error.description.contains("it is one of the inputs"))
        }
        #expect(folder.inputText == Folder.original)
    }

    @Test("an input given through a symbolic link is still protected")
    func inputGivenThroughLink() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try FileManager.default.createSymbolicLink(
            atPath: folder.path + "/link.yaml", withDestinationPath: "snapshot.yaml")
        #expect(throws: AtomicFile.WriteError.self) {
            try AtomicFile.write("report", to: folder.input, protecting: [folder.path + "/link.yaml"])
        }
        #expect(folder.inputText == Folder.original)
    }

    @Test("a symbolic link at the output path to a non-input is replaced, not followed")
    func outputLinkIsReplaced() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let elsewhere = folder.path + "/elsewhere.txt"
        _ = FileManager.default.createFile(atPath: elsewhere, contents: Data("keep".utf8))
        try FileManager.default.createSymbolicLink(
            atPath: folder.path + "/report.json", withDestinationPath: "elsewhere.txt")
        try AtomicFile.write("report", to: folder.path + "/report.json", protecting: [folder.input])
        #expect(try String(contentsOfFile: elsewhere, encoding: .utf8) == "keep")
        let attributes = try FileManager.default.attributesOfItem(atPath: folder.path + "/report.json")
        #expect(attributes[.type] as? FileAttributeType == .typeRegular)
        #expect(try String(contentsOfFile: folder.path + "/report.json", encoding: .utf8) == "report")
    }

    @Test("a failed write leaves no file behind", arguments: ["missing/report.json", "sub", ""])
    func failedWriteLeavesNothing(_ name: String) throws {
        let folder = try Folder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(
            atPath: folder.path + "/sub", withIntermediateDirectories: true)
        #expect(throws: AtomicFile.WriteError.self) {
            try AtomicFile.write("report", to: folder.path + "/" + name, protecting: [folder.input])
        }
        #expect(folder.contents == ["snapshot.yaml", "sub"])
    }

    @Test("a successful write replaces the old report whole")
    func replacesWhole() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let output = folder.path + "/report.txt"
        try AtomicFile.write(String(repeating: "long old report\n", count: 1_000), to: output)
        try AtomicFile.write("short", to: output)
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "short")
        #expect(folder.contents == ["report.txt", "snapshot.yaml"])
    }

    @Test("pieces are written one after another, empty ones included, and never over an input")
    func pieces() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let output = folder.path + "/report.json"
        let pieces: [[UInt8]] = [Array("{\"a\": ".utf8), [], Array("[1, 2]".utf8), Array("}\n".utf8)]
        try AtomicFile.write(pieces: pieces, to: output, protecting: [folder.input])
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "{\"a\": [1, 2]}\n")
        #expect(throws: AtomicFile.WriteError.self) {
            try AtomicFile.write(pieces: pieces, to: folder.input, protecting: [folder.input])
        }
        #expect(folder.inputText == Folder.original)
        #expect(folder.contents == ["report.json", "snapshot.yaml"])
    }
}
