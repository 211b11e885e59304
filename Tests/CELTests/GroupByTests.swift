import CEL
import StrictYAML
import Testing

/// `list.groupBy('field')`: one group per value, in the order values first appear.
@Suite struct GroupByTests {
    static func evaluate(_ source: String) throws -> String {
        let environment = CELEnvironment()
        switch environment.evaluate(try environment.compile(source), in: CELActivation(globals: .empty)) {
        case .value(let v): return v.celSource
        case .error(let e): return e.missingFactPath.map { "missing:\($0)" } ?? "error:\(e.kind)"
        }
    }

    @Test(
        "groups keep first-seen order and their elements' order",
        arguments: [
            ("[{'m': 'b', 'x': 1}, {'m': 'a', 'x': 2}, {'m': 'b', 'x': 3}].groupBy('m').map(g, [g.key, g.items.map(i, i.x)])",
             "[[\"b\", [1, 3]], [\"a\", [2]]]"),
            ("[].groupBy('m')", "[]"),
            ("[{'m': 1}, {'m': 1.0}, {'m': 2}].groupBy('m').map(g, size(g.items))", "[2, 1]"),
            ("[{'m': 'a'}, {'x': 2}].groupBy('m')", "missing:[1].m"),
            ("[1, 2].groupBy('m')", "error:noMatchingOverload"),
        ])
    func groups(_ source: String, _ expected: String) throws {
        #expect(try Self.evaluate(source) == expected)
    }
}
