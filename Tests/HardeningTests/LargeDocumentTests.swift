import SourceDiagnostics
import StrictYAML
import Testing

/// Documents over the loader's 2 MiB threshold are parsed in parts on several cores. Problems
/// that span parts (an alias of an anchor in another part, a key repeated in another part) and
/// problems deep in a later part must give the same result and position as one pass.
@Suite struct LargeDocumentTests {
    /// About 3 MB of top-level keys, `k0` to `k<n>`, each a small mapping; `insert` is placed
    /// before key `at` (0-based), and the first line holds `first`.
    static func document(first: String = "k: 0", insert: String = "", at index: Int = -1) -> String {
        var text = first + "\n"
        text.reserveCapacity(3_200_000)
        for i in 0..<60_000 {
            if i == index { text += insert }
            text += "k\(i):\n  name: item \(i)\n  size: \(i % 97)\n"
        }
        return text
    }

    /// The line `k<index>:` stands on (1-based), before any insertion.
    static func line(ofKey index: Int) -> Int { 2 + 3 * index }

    @Test("a large valid document loads to the same value as in one pass")
    func sameValue() throws {
        let text = Self.document()
        #expect(text.utf8.count > 2 << 20)
        let split = try YAMLLoader().load(text, file: "big.yaml")
        // A directive disqualifies the parallel parse: the same document in one pass.
        let single = try YAMLLoader().load("%YAML 1.2\n---\n" + text, file: "big.yaml")
        #expect(split.root == single.root)
        guard case .map(let map) = split.root else {
            Issue.record("not a mapping")
            return
        }
        let last = try #require(map.index(ofString: "k59999"))
        #expect(map.keyPosition(at: last)?.line == UInt32(Self.line(ofKey: 59_999)))
    }

    @Test("an alias of an anchor defined in an earlier part resolves")
    func aliasAcrossParts() throws {
        let text = Self.document(first: "base: &base {shared: true}", insert: "late: *base\n", at: 59_000)
        let document = try YAMLLoader().load(text, file: "big.yaml")
        guard case .map(let map) = document.root, case .map(let late)? = map["late"] else {
            Issue.record("'late' is not the anchored mapping")
            return
        }
        #expect(late["shared"] == .bool(true))
    }

    @Test("a key repeated in a later part is a duplicate key at its own line")
    func duplicateAcrossParts() throws {
        let text = Self.document(insert: "k3:\n  name: again\n", at: 59_000)
        let diagnostics = Hardening.diagnostics { () throws(DiagnosticError) in
            try YAMLLoader().load(text, file: "big.yaml")
        }
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.code == "yaml.duplicate-key")
        #expect(diagnostic.span?.start.line == Self.line(ofKey: 59_000))
        #expect(diagnostic.message.contains("first defined on line \(Self.line(ofKey: 3))"))
    }

    struct LateProblem: Sendable, CustomTestStringConvertible {
        let id: String
        let insert: String
        let code: String
        let column: Int
        var testDescription: String { id }
    }

    static let lateProblems: [LateProblem] = [
        .init(id: "tab", insert: "bad:\n\tname: x\n", code: "yaml.tab-indentation", column: 1),
        .init(id: "unterminated quote", insert: "bad: \"open\n", code: "yaml.unterminated-quote", column: 6),
        .init(id: "huge integer", insert: "bad: 99999999999999999999999\n", code: "yaml.integer-range", column: 6),
        .init(id: "undefined alias", insert: "bad: *nowhere\n", code: "yaml.undefined-alias", column: 6),
        .init(id: "NUL", insert: "bad: a\u{0}b\n", code: "yaml.control-character", column: 7),
    ]

    @Test("a problem deep in a later part is reported at its line", arguments: lateProblems)
    func lateProblem(_ problem: LateProblem) throws {
        let text = Self.document(insert: problem.insert, at: 50_000)
        let diagnostics = Hardening.diagnostics { () throws(DiagnosticError) in
            try YAMLLoader().load(text, file: "big.yaml")
        }
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.code == problem.code, "\(diagnostic)")
        let line = Self.line(ofKey: 50_000) + (problem.code == "yaml.tab-indentation" ? 1 : 0)
        #expect(diagnostic.span?.start.lineColumn == "\(line):\(problem.column)")
    }

    @Test("an alias bomb in one part is still refused")
    func aliasBombInAPart() throws {
        var bomb = "l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...7 {
            bomb +=
                "l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ")
                + "]\n"
        }
        let text = Self.document(insert: bomb, at: 45_000)
        let diagnostics = Hardening.diagnostics { () throws(DiagnosticError) in
            try YAMLLoader().load(text, file: "big.yaml")
        }
        #expect(diagnostics.first?.code == "yaml.alias-limit")
    }
}
