import Foundation
import SourceDiagnostics
import StrictYAML
import Testing

/// Locates fixture files beside this source file.
enum Fixture {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func path(_ name: String) -> String {
        directory.appendingPathComponent(name).path
    }

    static func load(_ name: String, limits: YAMLLoader.Limits = .default) throws -> YAMLDocument {
        try YAMLLoader(limits: limits).load(contentsOf: path(name))
    }

    /// The diagnostics that loading a fixture throws, or an empty list when it loads.
    static func diagnostics(_ name: String, limits: YAMLLoader.Limits = .default) -> [Diagnostic] {
        do {
            _ = try load(name, limits: limits)
            return []
        } catch let error as DiagnosticError {
            return error.diagnostics
        } catch {
            return [.error("test.unexpected", "\(error)", at: nil)]
        }
    }
}

extension Value {
    subscript(_ key: String) -> Value? { mapValue?[key] }
    subscript(_ index: Int) -> Value? {
        guard let list = listValue, index < list.count else { return nil }
        return list.elements[index]
    }
}

@Suite struct YAMLLoaderTests {
    struct ScalarCase: Sendable, CustomTestStringConvertible {
        var id: String
        var key: String
        var expected: [Value]
        var testDescription: String { id }
    }

    static let scalarCases: [ScalarCase] = [
        .init(id: "nulls", key: "nulls", expected: [.null, .null, .null, .null]),
        .init(id: "bools", key: "bools", expected: [true, true, true, false, false, false].map(Value.bool)),
        .init(
            id: "ints", key: "ints",
            expected: [0, 42, -17, 5, 15, 31, Int64.max, Int64.min].map(Value.int)),
        .init(
            id: "floats", key: "floats",
            expected: [1.5, -0.25, 0.5, 1.0, 1000, 0.025, -100, .infinity, -.infinity, .infinity].map(Value.double)),
        .init(
            id: "strings", key: "strings",
            expected: ["hello", "quoted 1", "42", "true", "1.2.3", "0x", "12abc", "-", "."].map(Value.string)),
    ]

    @Test("core-schema scalars", arguments: scalarCases)
    func scalars(_ c: ScalarCase) throws {
        let document = try Fixture.load("scalars.yaml")
        let list = try #require(document.root[c.key]?.listValue)
        #expect(list.elements == c.expected)
        // Kinds must match exactly, not just compare equal across numeric types.
        #expect(list.elements.map(\.type) == c.expected.map(\.type))
    }

    /// Sibling mappings with the same keys share one key list; keys that only look alike
    /// (canonically equivalent spellings, `-0.0` and `0.0`, `1` and `1.0`) keep their own.
    @Test(
        "every mapping keeps its own keys, byte for byte and type for type, when siblings share key lists",
        arguments: [
            ["a", "b"], ["a", "b"], ["caf\u{E9}"], ["cafe\u{301}"], ["caf\u{E9}"], ["-0.0"], ["0.0"], ["1"], ["1.0"],
            ["a\u{323}\u{307}"], ["a\u{307}\u{323}"], ["\u{212A}"], ["K"], ["a", "b"], ["b", "a"],
        ].map { [$0] })
    func sharedKeysKeepTheirSpelling(_ keys: [[String]]) throws {
        // The same text each time, with one case's mapping between two of the others.
        let maps: [[String]] = [["a", "b"], ["caf\u{E9}"], ["-0.0"], ["1"], ["a\u{323}\u{307}"], ["\u{212A}"]]
        let all = maps + keys + maps
        let text = "items:\n" + all.map { m in "  - {" + m.map { "\($0): 1" }.joined(separator: ", ") + "}\n" }.joined()
        let document = try YAMLLoader().load(text)
        guard case .map(let root) = document.root, case .list(let items)? = root["items"] else {
            Issue.record("not a list of items")
            return
        }
        #expect(items.count == all.count)
        for (element, expected) in zip(items.elements, all) {
            guard case .map(let map) = element else { continue }
            let spelled = map.keys.map { key -> String in
                switch key {
                case .string(let s): s
                case .double(let d): d.sign == .minus ? "-\(d.magnitude)" : "\(d)"
                case .int(let i): "\(i)"
                default: "?"
                }
            }
            #expect(spelled.map { Array($0.utf8) } == expected.map { Array($0.utf8) })
        }
    }

    @Test("an empty value is null and .nan is a NaN double")
    func emptyAndNaN() throws {
        let document = try YAMLLoader().load("empty:\nnan: .nan\n")
        #expect(document.root["empty"] == .null)
        guard case .double(let d) = document.root["nan"] else {
            Issue.record("expected a double")
            return
        }
        #expect(d.isNaN)
    }

    @Test("the Norway problem: yes, no, on, off and NO stay strings")
    func norway() throws {
        let document = try Fixture.load("norway.yaml")
        #expect(document.root["countries"] == .list(["NO", "SE", "DK", "FI"].map(Value.string)))
        let answers = try #require(document.root["answers"]?.listValue)
        #expect(answers.elements.allSatisfy { $0.type == .string })
        #expect(answers.elements.first == .string("yes"))
    }

    @Test("explicit tags are honoured")
    func tags() throws {
        let root = try Fixture.load("tags.yaml").root
        #expect(root["as_string"] == .string("123"))
        #expect(root["as_int"] == .int(42))
        #expect(root["as_float"]?.type == .double)
        #expect(root["as_float"] == .double(7))
        #expect(root["as_bool"] == .bool(true))
        #expect(root["as_null"] == .null)
        #expect(root["bang"] == .string("12"))
        #expect(root["list"] == .list([.int(1)]))
        #expect(root["map"]?["a"] == .int(1))
    }

    @Test("a tagged scalar that does not fit its tag is an error")
    func badTag() {
        let diagnostics = Fixture.diagnostics("bad-tag.yaml")
        #expect(diagnostics.map(\.code) == ["yaml.bad-tagged-scalar"])
        #expect(diagnostics.first?.span?.start.line == 2)
        #expect(diagnostics.first?.message.contains("seven") == true)
    }

    @Test("an unknown tag is an error")
    func unknownTag() {
        let diagnostics = Fixture.diagnostics("unknown-tag.yaml")
        #expect(diagnostics.map(\.code) == ["yaml.unsupported-tag"])
        #expect(diagnostics.first?.span?.start.description.hasSuffix("unknown-tag.yaml:1:7") == true)
    }

    @Test("anchors and aliases resolve to the anchored value")
    func anchors() throws {
        let root = try Fixture.load("anchors.yaml").root
        let servers = try #require(root["servers"]?.listValue)
        #expect(servers.elements[0]["spec"]?["ram_gb"] == .int(32))
        #expect(servers.elements[1]["spec"] == root["defaults"])
        #expect(root["again"] == .string("shared"))
    }

    @Test("an alias bomb stops with a clear error")
    func aliasBomb() {
        let diagnostics = Fixture.diagnostics("bomb.yaml")
        #expect(diagnostics.map(\.code) == ["yaml.alias-limit"])
        #expect(diagnostics.first?.message.contains("alias bomb") == true)
    }

    @Test("aliases within the expansion limit load")
    func aliasesWithinLimit() throws {
        var limits = YAMLLoader.Limits()
        limits.maxAliasNodes = 100_000_000
        let small = "a: &a [1, 2]\nb: [*a, *a, *a]\n"
        let root = try YAMLLoader(limits: limits).load(small).root
        #expect(root["b"]?[2] == .list([.int(1), .int(2)]))
    }

    @Test("nesting deeper than the limit is an error, not a crash")
    func depth() {
        let diagnostics = Fixture.diagnostics("deep.yaml")
        #expect(diagnostics.map(\.code) == ["yaml.depth-limit"])
        var deeper = YAMLLoader.Limits()
        deeper.maxDepth = 1000
        #expect(Fixture.diagnostics("deep.yaml", limits: deeper).isEmpty)
    }

    @Test("ten thousand levels of nesting end in a diagnostic")
    func veryDeep() {
        let text = "[" + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "]"
        #expect(throws: DiagnosticError.self) { try YAMLLoader().load(text) }
    }

    @Test("a duplicate key is an error naming both lines")
    func duplicateKey() throws {
        let diagnostics = Fixture.diagnostics("duplicate.yaml")
        let d = try #require(diagnostics.first)
        #expect(d.code == "yaml.duplicate-key")
        #expect(d.span?.start.line == 4)
        #expect(d.message.contains("line 4") && d.message.contains("line 2"))
        #expect(d.notes.first?.span?.start.line == 2)
    }

    @Test("keys compare as YAML scalars: 1 and 1.0 are two keys, 1 and 0x1 one")
    func numericKeys() throws {
        let document = try YAMLLoader().load("1: integer\n1.0: float\n")
        #expect(document.root.mapValue?.count == 2)
        #expect(throws: DiagnosticError.self) { try YAMLLoader().load("1: a\n0x1: b\n") }
        // Past the index threshold, the same holds.
        let many = (0..<20).map { "k\($0): \($0)\n" }.joined() + "1: integer\n1.0: float\n"
        #expect(try YAMLLoader().load(many).root.mapValue?.count == 22)
    }

    @Test("a non-scalar key is an error")
    func nonScalarKey() {
        let diagnostics = Fixture.diagnostics("nonscalar-key.yaml")
        #expect(diagnostics.map(\.code) == ["yaml.non-scalar-key"])
        #expect(diagnostics.first?.span?.start.line == 2)
    }

    struct ErrorCase: Sendable, CustomTestStringConvertible {
        var file: String
        var code: String
        var line: Int
        var column: Int
        var testDescription: String { file }
    }

    static let errorCases: [ErrorCase] = [
        .init(file: "tab.yaml", code: "yaml.tab-indentation", line: 2, column: 1),
        .init(file: "unterminated.yaml", code: "yaml.unterminated-quote", line: 2, column: 9),
        .init(file: "multi.yaml", code: "yaml.multiple-documents", line: 2, column: 1),
        .init(file: "empty.yaml", code: "yaml.empty", line: 1, column: 1),
        .init(file: "comments-only.yaml", code: "yaml.empty", line: 1, column: 1),
        .init(file: "invalid-utf8.yaml", code: "yaml.invalid-utf8", line: 2, column: 6),
        .init(file: "nul.yaml", code: "yaml.control-character", line: 1, column: 8),
        .init(file: "bigint.yaml", code: "yaml.integer-range", line: 2, column: 7),
        .init(file: "syntax.yaml", code: "yaml.syntax", line: 3, column: 2),
    ]

    @Test("each malformed input has its own message and position", arguments: errorCases)
    func malformed(_ c: ErrorCase) throws {
        let diagnostics = Fixture.diagnostics(c.file)
        let d = try #require(diagnostics.first, "\(c.file) loaded without error")
        #expect(d.code == c.code, "\(d)")
        #expect(d.span?.start.line == c.line, "\(d)")
        #expect(d.span?.start.column == c.column, "\(d)")
        #expect(d.span?.start.file == Fixture.path(c.file))
        #expect(d.description.hasPrefix("\(Fixture.path(c.file)):\(c.line):\(c.column): error: "))
    }

    @Test("every value keeps its line and column")
    func positions() throws {
        let document = try Fixture.load("positions.yaml")
        let root = try #require(document.root.mapValue)
        #expect(root.keyPositions.map(\.description) == ["1:1", "3:1"])
        let sites = try #require(document.root["network"]?["sites"]?.listValue)
        #expect(sites.position.description == "5:5")
        #expect(sites.positions.map(\.description) == ["5:7", "7:7"])
        let kalgoorlie = try #require(sites.elements[1].mapValue)
        #expect(kalgoorlie.valuePositions.map(\.description) == ["7:14", "7:33"])
        #expect(document.location(kalgoorlie.valuePositions[1]).description.hasSuffix("positions.yaml:7:33"))
    }

    @Test("maps keep key order")
    func keyOrder() throws {
        let root = try YAMLLoader().load("z: 1\na: 2\nm: 3\n").root
        #expect(root.mapValue?.keys == ["z", "a", "m"].map(Value.string))
    }

    @Test("the same document as YAML and as JSON gives equal values")
    func jsonParity() throws {
        let yaml = try Fixture.load("scalars.yaml").root
        let json = try Fixture.load("scalars.json").root
        #expect(yaml == json)
        #expect(yaml.mapValue?.keys == json.mapValue?.keys)
    }

    @Test("a missing file is a diagnostic")
    func missingFile() {
        let diagnostics = Fixture.diagnostics("no-such-file.yaml")
        #expect(diagnostics.map(\.code) == ["input.unreadable"])
    }

    @Test("input over the size limit is refused before parsing")
    func sizeLimit() {
        var limits = YAMLLoader.Limits()
        limits.maxInputBytes = 10
        let diagnostics = Fixture.diagnostics("positions.yaml", limits: limits)
        #expect(diagnostics.map(\.code) == ["input.too-large"])
    }
}
