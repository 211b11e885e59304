import SourceDiagnostics
import Testing

@testable import StrictYAML

/// Large files are parsed in parts on several cores; the result must be the one-pass result.
@Suite struct SplitParseTests {
    /// A block mapping of `sections` top-level keys, each a list of `rows` small maps.
    static func document(sections: Int, rows: Int, extra: String = "") -> String {
        var text = "# generated\nproject: {name: split, as_of: '2026-01-01'}\n"
        for s in 0..<sections {
            text += "section\(s):\n  items:\n"
            for r in 0..<rows {
                text += "    - name: item-\(s)-\(r)\n      value: \(r * 7 % 101)\n      ok: \(r % 3 == 0)\n"
            }
        }
        return text + extra
    }

    static func onePass(_ text: String) throws -> YAMLDocument {
        var parser = YAMLParser(file: "big.yaml", limits: .default)
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { buffer throws(DiagnosticError) in try parser.parse(buffer) }
    }

    static func diagnostics(_ body: () throws -> Void) -> [Diagnostic] {
        do {
            try body()
            return []
        } catch let error as DiagnosticError {
            return error.diagnostics
        } catch {
            return []
        }
    }

    @Test("a large file parsed in parts gives the same values and positions as one pass")
    func sameAsOnePass() throws {
        let text = Self.document(sections: 8, rows: 6_000)
        #expect(text.utf8.count > YAMLLoader.splitThreshold)
        #expect(SplitParse.cutPoints(Array(text.utf8), parts: 2) != nil)
        let split = try YAMLLoader().load(text, file: "big.yaml")
        let whole = try Self.onePass(text)
        #expect(split.root == whole.root)
        let a = try #require(split.root.mapValue)
        let b = try #require(whole.root.mapValue)
        #expect(a.entryPositions == b.entryPositions)
        let lastA = try #require(a.values.last?.mapValue?["items"]?.listValue)
        let lastB = try #require(b.values.last?.mapValue?["items"]?.listValue)
        #expect(lastA.positions == lastB.positions)
        #expect(lastA.elements.last?.mapValue?.valuePositions == lastB.elements.last?.mapValue?.valuePositions)
    }

    @Test(
        "what parts cannot parse alone falls back to one pass, with its diagnostics",
        arguments: [
            ("duplicate top-level key", "section0:\n  again: 1\n", "yaml.duplicate-key"),
            ("syntax error at the end", "broken: [1, 2\n", "yaml.syntax"),
        ])
    func fallback(name: String, extra: String, code: String) throws {
        let text = Self.document(sections: 8, rows: 6_000, extra: extra)
        let diagnostics = Self.diagnostics { _ = try YAMLLoader().load(text, file: "big.yaml") }
        let expected = Self.diagnostics { _ = try Self.onePass(text) }
        #expect(diagnostics.map(\.code) == [code])
        #expect(diagnostics.map(\.description) == expected.map(\.description))
    }

    @Test("an alias to an anchor in another part falls back to one pass and resolves")
    func crossPartAlias() throws {
        var text = "defaults: &d {ram_gb: 32}\n" + Self.document(sections: 8, rows: 6_000)
        text += "late: *d\n"
        let document = try YAMLLoader().load(text, file: "big.yaml")
        #expect(document.root.mapValue?["late"]?.mapValue?["ram_gb"] == .int(32))
    }
}
