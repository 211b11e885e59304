import Foundation
import SourceDiagnostics
import StrictYAML
import Testing

/// Inputs too big to commit, generated at run time: deep nesting, alias bombs, a 100 MB string.
@Suite struct YAMLLimitTests {
    struct NestingCase: Sendable, CustomTestStringConvertible {
        let id: String
        let text: String
        let position: String
        var testDescription: String { id }
    }

    static let nestingCases: [NestingCase] = [
        .init(
            id: "10,000 flow sequences",
            text: String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000),
            position: "1:257"),
        .init(
            id: "10,000 flow mappings",
            text: String(repeating: "{a: ", count: 10_000) + "1" + String(repeating: "}", count: 10_000),
            position: "1:1025"),
        .init(
            id: "10,000 block sequences", text: String(repeating: "- ", count: 10_000) + "x\n",
            position: "1:513"),
    ]

    @Test("10,000-deep nesting stops at the depth limit", arguments: nestingCases)
    func deepNesting(_ testCase: NestingCase) throws {
        let (diagnostics, _) = Hardening.threadTimed {
            Hardening.diagnostics { () throws(DiagnosticError) in
                try YAMLLoader().load(testCase.text, file: "deep.yaml")
            }
        }
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.code == "yaml.depth-limit")
        #expect(diagnostic.message == "nesting is deeper than 256 levels")
        #expect(diagnostic.span?.start.lineColumn == testCase.position)
    }

    @Test("10,000-deep nesting loads when the limit is raised, and is freed without a stack overflow")
    func deepNestingWithRaisedLimit() throws {
        let text = String(repeating: "[", count: 10_000) + "1" + String(repeating: "]", count: 10_000)
        let loader = YAMLLoader(limits: .with { $0.maxDepth = 10_001 })
        let finished = Hardening.finishes(within: 30) {
            let document = try? loader.load(text, file: "deep.yaml")
            var value = document?.root
            var depth = 0
            while case .list(let list)? = value, let first = list.elements.first {
                value = first
                depth += 1
            }
            precondition(depth == 10_000 && value == .int(1), "the deep document loaded wrongly")
        }
        #expect(finished)
    }

    /// The classic "billion laughs": nine levels of ten aliases each.
    static let billionLaughs: String = {
        var text = "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ")
            text += "l\(level): &l\(level) [\(refs)]\n"
        }
        return text
    }()

    @Test("an alias bomb stops at the alias limit, quickly")
    func billionLaughsStops() throws {
        let (diagnostics, _) = Hardening.threadTimed {
            Hardening.diagnostics { () throws(DiagnosticError) in
                try YAMLLoader().load(Self.billionLaughs, file: "bomb.yaml")
            }
        }
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.code == "yaml.alias-limit")
        #expect(diagnostic.message.contains("more than 1000000 nodes"))
        #expect(diagnostic.span?.start.line == 6)
    }

    @Test("many aliases of one big anchor count every expanded node")
    func wideAliasBomb() throws {
        let anchor = "big: &big [" + (0..<1_000).map(String.init).joined(separator: ", ") + "]\n"
        let uses = "uses: [" + Array(repeating: "*big", count: 1_100).joined(separator: ", ") + "]\n"
        let diagnostics = Hardening.diagnostics { () throws(DiagnosticError) in
            try YAMLLoader().load(anchor + uses, file: "wide.yaml")
        }
        #expect(diagnostics.first?.code == "yaml.alias-limit")
        #expect(diagnostics.first?.span?.start.line == 2)
    }

    @Test("a lower alias limit is honoured")
    func aliasLimitFlag() throws {
        let text = "a: &a [1, 2, 3]\nb: [*a, *a, *a, *a]\n"
        _ = try YAMLLoader(limits: .with { $0.maxAliasNodes = 100 }).load(text, file: "a.yaml")
        let diagnostics = Hardening.diagnostics { () throws(DiagnosticError) in
            try YAMLLoader(limits: .with { $0.maxAliasNodes = 10 }).load(text, file: "a.yaml")
        }
        #expect(diagnostics.first?.code == "yaml.alias-limit")
        #expect(diagnostics.first?.message.contains("more than 10 nodes") == true)
    }

    /// 100,000,000 bytes of string: under the default input limit (256 MiB), so it must load,
    /// in a few seconds and without gigabytes of memory.
    static let hundredMegabytes = 100_000_000

    @Test("a 100 MB string loads under the default input limit")
    func hundredMegabyteString() throws {
        #expect(YAMLLoader.Limits.default.maxInputBytes > Self.hundredMegabytes)
        var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: Self.hundredMegabytes + 4)
        bytes.replaceSubrange(0..<3, with: "s: ".utf8)
        bytes[bytes.count - 1] = UInt8(ascii: "\n")
        let before = Hardening.peakResidentBytes()
        let (document, _) = try Hardening.threadTimed {
            try YAMLLoader().load(bytes: bytes, file: "big.yaml")
        }
        let growth = Hardening.peakResidentBytes() - before
        guard case .map(let map) = document.root, case .string(let s)? = map["s"] else {
            Issue.record("the document is not {s: string}")
            return
        }
        #expect(s.utf8.count == Self.hundredMegabytes)
        #expect(growth < 1_000_000_000, "peak memory grew by \(growth) bytes")
    }

    @Test("a 100 MB file over a lower input limit is refused before it is read")
    func hundredMegabyteFileOverLimit() throws {
        let directory = try Hardening.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/big.yaml"
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(Self.hundredMegabytes))
        try handle.close()
        let loader = YAMLLoader(limits: .with { $0.maxInputBytes = 64 << 20 })
        let (diagnostics, _) = Hardening.threadTimed {
            Hardening.diagnostics { () throws(DiagnosticError) in try loader.load(contentsOf: path) }
        }
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.code == "input.too-large")
        #expect(diagnostic.message == "the file has 100000000 bytes, more than the limit of 67108864")
        #expect(diagnostic.span?.start.lineColumn == "1:1")
    }

    @Test("bytes over the input limit are refused")
    func bytesOverLimit() throws {
        let bytes = Array("s: \(String(repeating: "x", count: 2_000))\n".utf8)
        let diagnostics = Hardening.diagnostics { () throws(DiagnosticError) in
            try YAMLLoader(limits: .with { $0.maxInputBytes = 1_000 }).load(bytes: bytes, file: "x.yaml")
        }
        #expect(diagnostics.first?.code == "input.too-large")
    }

    @Test("a long run of NUL bytes is one diagnostic, not one per byte")
    func manyNULs() throws {
        let bytes = Array("a: ".utf8) + Array(repeating: 0, count: 1_000_000)
        let diagnostics = Hardening.diagnostics { () throws(DiagnosticError) in
            try YAMLLoader().load(bytes: bytes, file: "nul.yaml")
        }
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.code == "yaml.control-character")
        #expect(diagnostics.first?.span?.start.lineColumn == "1:4")
    }

    @Test("a megabyte of invalid UTF-8 is one diagnostic")
    func manyInvalidBytes() throws {
        let bytes = Array("a: ".utf8) + Array(repeating: 0xFF, count: 1_000_000)
        let diagnostics = Hardening.diagnostics { () throws(DiagnosticError) in
            try YAMLLoader().load(bytes: bytes, file: "bad.yaml")
        }
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.code == "yaml.invalid-utf8")
    }
}
