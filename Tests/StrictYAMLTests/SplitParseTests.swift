import Foundation
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
        Self.expectOnePassDiagnostics(Self.document(sections: 8, rows: 6_000, extra: extra), code: code)
    }

    /// Loading gives exactly one diagnostic, `code`, worded as the one-pass parse words it.
    static func expectOnePassDiagnostics(_ text: String, code: String) {
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

/// Parts that start inside a section: entries of a long list, keys of an entry's mapping.
@Suite struct NestedSplitTests {
    static func compare(_ text: String) throws {
        let bytes = Array(text.utf8)
        #expect(bytes.count > YAMLLoader.splitThreshold)
        let cuts = SplitParse.cutPoints(bytes, parts: 8) ?? []
        #expect(cuts.contains { $0.kind != .topLevel }, "no cut inside a section")
        let loaded = SplitParse.load(bytes, file: "big.yaml", limits: .default)
        #expect(loaded != nil, "the parts did not join")
        guard let split = loaded else { return }
        let whole = try SplitParseTests.onePass(text)
        #expect(split.root == whole.root)
        #expect(Self.positions(split.root) == Self.positions(whole.root))
    }

    /// Every position in a value, depth first.
    static func positions(_ value: Value) -> [SourcePosition] {
        switch value {
        case .list(let list): [list.position] + list.positions + list.elements.flatMap(positions)
        case .map(let map): [map.position] + map.entryPositions + map.values.flatMap(positions)
        default: []
        }
    }

    static func rows(_ count: Int, indent: String, tail: (Int) -> String = { _ in "" }) -> String {
        var text = ""
        for r in 0..<count {
            text += "\(indent)- name: item-\(r)\n\(indent)  value: \(r * 7 % 101)\n\(indent)  tags:\n"
            text += "\(indent)    - t\(r % 5)\n\(indent)    # a comment\n\(indent)  note: |\n\(indent)    - not an entry\n"
            text += tail(r)
        }
        return text
    }

    @Test("one long list, cut between entries and inside them, parses as in one pass")
    func oneLongList() throws {
        let text = "project: {name: split}\nrequirements:\n  items:\n" + Self.rows(30_000, indent: "    ")
            + "data:\n  owner: x\n"
        try Self.compare(text)
    }

    @Test("a list followed by more keys of its section, then an indentless list, parses as in one pass")
    func listThenKeys() throws {
        var text = "environment:\n  servers:\n" + Self.rows(15_000, indent: "    ")
        text += "  terminals:\n" + Self.rows(15_000, indent: "  ")
        text += "  count: 3\nnetwork:\n  sites:\n" + Self.rows(5_000, indent: "    ")
        try Self.compare(text)
    }

    @Test(
        "what parts cannot continue falls back to one pass, with its diagnostics",
        arguments: [
            ("a key repeated in a list's entry", "      name: again\n", "yaml.duplicate-key"),
            ("a bad indentation", "   - odd: 1\n", "yaml.syntax"),
        ])
    func fallback(name: String, insert: String, code: String) throws {
        let head = "project: {name: split}\nrequirements:\n  items:\n"
        let text = head + Self.rows(15_000, indent: "    ") + "    - name: last\n" + insert + Self.rows(15_000, indent: "    ")
        SplitParseTests.expectOnePassDiagnostics(text, code: code)
    }

    @Test("a list nested deeper than the depth limit in the parts is still refused")
    func depthAcrossParts() throws {
        // 250 levels of maps, then a long list: within the limit in each part, not in all.
        var text = ""
        var indent = ""
        for level in 0..<250 {
            text += "\(indent)k\(level):\n"
            indent += " "
        }
        text += "\(indent)items:\n" + Self.rows(20_000, indent: indent + " ") {
            r in r == 19_000 ? "\(indent) - [[[[[[[[[[1]]]]]]]]]]\n" : ""
        }
        let diagnostics = SplitParseTests.diagnostics { _ = try YAMLLoader().load(text, file: "big.yaml") }
        let expected = SplitParseTests.diagnostics { _ = try SplitParseTests.onePass(text) }
        #expect(diagnostics.map(\.code) == expected.map(\.code))
        #expect(!diagnostics.isEmpty)
    }
}

/// Random documents of the shapes snapshots take — nested maps and lists, indentless lists,
/// block and quoted scalars, comments, flow collections — split or not, must load the same.
@Suite struct RandomSplitTests {
    static let keys = ["name", "id", "ram_gb", "os", "site", "users", "notes", "tags", "owner", "status"]

    static func scalar(_ g: inout SplitMix64) -> String {
        switch g.next(7) {
        case 0: String(g.next(1000))
        case 1: "'quoted: text \(g.next(9))'"
        case 2: "\"double \\\" quoted\""
        case 3: "[\(g.next(9)), \(g.next(9))]"
        case 4: "{a: \(g.next(9)), b: x}"
        case 5: "plain text \(g.next(99))  # a comment"
        default: "true"
        }
    }

    /// A block mapping's lines at `indent`, its first key already placed by the caller when
    /// `first` is given (the `- ` of a list entry).
    static func map(_ g: inout SplitMix64, indent: Int, depth: Int, first: String? = nil) -> String {
        let pad = String(repeating: " ", count: indent)
        var out = ""
        for k in 0..<(1 + g.next(4)) {
            let lead = k == 0 ? (first ?? pad) : pad
            let key = keys[(k + g.next(3)) % keys.count] + "_\(k)"
            if g.next(9) == 0 { out += pad + "# comment \(k)\n" }
            switch depth > 0 ? g.next(6) : 0 {
            case 1:
                out += lead + key + ":\n" + map(&g, indent: indent + 2, depth: depth - 1)
            case 2:
                out += lead + key + ":\n" + list(&g, indent: indent + (g.next(3) == 0 ? 0 : 2), depth: depth - 1)
            case 3:
                out += lead + key + ": |\n" + pad + "  - looks like an entry\n" + pad + "  key: looks like a key\n\n"
                    + pad + "  last line\n"
            default:
                out += lead + key + ": " + scalar(&g) + "\n"
            }
        }
        return out
    }

    static func list(_ g: inout SplitMix64, indent: Int, depth: Int, count: Int? = nil) -> String {
        let pad = String(repeating: " ", count: indent)
        var out = ""
        for _ in 0..<(count ?? (1 + g.next(4))) {
            switch depth > 0 ? g.next(4) : 3 {
            case 0, 1: out += map(&g, indent: indent + 2, depth: depth - 1, first: pad + "- ")
            case 2: out += pad + "-\n" + map(&g, indent: indent + 2, depth: depth - 1)
            default: out += pad + "- " + scalar(&g) + "\n"
            }
            if g.next(20) == 0 { out += "\n" + pad + "# between entries\n" }
        }
        return out
    }

    static func document(seed: UInt64) -> String {
        var g = SplitMix64(seed: seed)
        var text = "# generated, seed \(seed)\nproject: {name: random}\n"
        var section = 0
        while text.utf8.count < 3 * YAMLLoader.splitThreshold / 2 {
            text += "section\(section):\n"
            if g.next(2) == 0 {
                text += "  items:\n" + list(&g, indent: 4, depth: 3, count: 2_000)
                text += "  after: " + scalar(&g) + "\n"
            } else {
                text += list(&g, indent: 2, depth: 3, count: 2_000)
            }
            section += 1
        }
        return text
    }

    @Test("split or not, random documents load the same", arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func sameAsOnePass(seed: UInt64) throws {
        let text = Self.document(seed: seed)
        let bytes = Array(text.utf8)
        let split = SplitParse.load(bytes, file: "big.yaml", limits: .default)
        let whole = try SplitParseTests.onePass(text)
        #expect(SplitParse.cutPoints(bytes, parts: 8)?.contains { $0.kind != .topLevel } == true)
        // Each of these seeds joins its parts (a document where they cannot would fall back).
        #expect(split != nil)
        if let split {
            #expect(split.root == whole.root)
            #expect(NestedSplitTests.positions(split.root) == NestedSplitTests.positions(whole.root))
        }
    }
}

/// Whenever the parts join, the document is the one-pass document: checked on every YAML file
/// the project holds (examples, rulesets, the bad-input corpus, fixtures) and on small random
/// documents, cut into many parts.
@Suite struct SplitAgreementTests {
    static let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func yamlFiles() -> [String] {
        let folders = ["Examples", "Rulesets", "Tests/HardeningTests/Corpus", "Tests/StrictYAMLTests/Fixtures"]
        var files: [String] = []
        for folder in folders {
            let base = projectRoot.appendingPathComponent(folder).path
            guard let walker = FileManager.default.enumerator(atPath: base) else { continue }
            while let item = walker.nextObject() as? String {
                if item.hasSuffix(".yaml") || item.hasSuffix(".yml") { files.append(folder + "/" + item) }
            }
        }
        return files.sorted()
    }

    /// The split result, when there is one, equals the one-pass result (values and positions).
    static func expectAgreement(_ bytes: [UInt8], parts: Int, name: String) {
        guard let split = SplitParse.load(bytes, file: "f.yaml", limits: .default, parts: parts) else { return }
        var parser = YAMLParser(file: "f.yaml", limits: .default)
        let whole = try? bytes.withUnsafeBufferPointer { buffer throws(DiagnosticError) in try parser.parse(buffer) }
        #expect(whole != nil, "\(name): the parts joined, one pass failed")
        guard let whole else { return }
        #expect(split.root == whole.root, "\(name): values differ")
        #expect(Self.dump(split) == Self.dump(whole), "\(name): order or positions differ")
    }

    /// A strict dump: kinds, key order, container and entry positions.
    static func dump(_ v: Value, _ out: inout String) {
        switch v {
        case .list(let l):
            out += "L@\(l.position)\(l.positions)("
            for e in l.elements { dump(e, &out); out += "," }
            out += ")"
        case .map(let m):
            out += "M@\(m.position)\(m.entryPositions){"
            for i in 0..<m.count { dump(m.keys[i], &out); out += "="; dump(m.values[i], &out); out += ";" }
            out += "}"
        case .string(let s): out += "S(\(s.debugDescription))"
        default: out += "\(v)"
        }
    }

    static func dump(_ d: YAMLDocument) -> String {
        var s = "root@\(d.rootPosition) "
        dump(d.root, &s)
        return s
    }

    @Test("every YAML file of the project, cut into 2 to 16 parts")
    func projectFiles() throws {
        let files = Self.yamlFiles()
        #expect(files.count > 50)
        for file in files {
            // (Not FileManager.contents: it leaks its read buffer for an empty file.)
            guard let bytes = try? YAMLLoader.readFile(Self.projectRoot.appendingPathComponent(file).path, limit: 1 << 24)
            else { continue }
            for parts in [2, 3, 5, 16] { Self.expectAgreement(bytes, parts: parts, name: "\(file) in \(parts)") }
        }
    }

    @Test("small random documents, cut into many parts", arguments: 0..<8)
    func randomDocuments(batch: Int) {
        for seed in 0..<25 {
            var g = SplitMix64(seed: UInt64(batch * 1000 + seed))
            var text = "top: 1\n"
            for s in 0..<(1 + g.next(3)) {
                text += "s\(s):\n" + RandomSplitTests.list(&g, indent: 2, depth: 3, count: 5 + g.next(20))
                if g.next(2) == 0 { text += "  tail_\(s): " + RandomSplitTests.scalar(&g) + "\n" }
            }
            Self.expectAgreement(Array(text.utf8), parts: 2 + g.next(30), name: "seed \(batch)/\(seed)")
        }
    }
}

extension SplitMix64 {
    /// A number in 0..<bound (by remainder, so the documents stay those the seeds were chosen for).
    mutating func next(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
