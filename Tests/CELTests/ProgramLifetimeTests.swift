import CEL
import StrictYAML
import Testing

/// A compiled program is a tree of closures, and dropping the program must free the whole tree.
///
/// A closure that captured what holds it, such as a comprehension that calls itself through a
/// box, would make a cycle that reference counting never frees, and every program compiled
/// and dropped would leak. Each case gives back the constant `[7, 8]` from deep in its tree,
/// and the test checks through a weak reference that the constant goes with the program.
@Suite struct ProgramLifetimeTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var id: String
        var source: String
        var testDescription: String { id }
    }

    static let cases: [Case] = [
        .init(id: "literal", source: "[7, 8]"),
        .init(id: "conditional", source: "[1, 2].exists(a, a == 2) ? [7, 8] : []"),
        .init(id: "comprehension range", source: "[[7, 8]].map(x, x)[0]"),
        .init(id: "nested comprehensions", source: "[[7, 8]].filter(x, x.all(y, [y].exists_one(z, z == y)))[0]"),
        .init(id: "map literal", source: "{'k': [7, 8]}.k"),
        .init(id: "regular expression", source: "'v1.2'.matches('^v[0-9]+') ? [7, 8] : []"),
        .init(id: "local", source: "item.tags.exists(t, t == 'x') ? [7, 8] : []"),
    ]

    static let activation = CELActivation(
        globals: .empty, locals: [.map([(.string("tags"), .list([.string("x")]))])])

    @Test("a dropped program frees its closures", arguments: cases)
    func programIsFreed(_ testCase: Case) throws {
        weak var constant: ValueList?
        do {
            let cel = CELEnvironment()
            let program = try cel.compile(testCase.source, locals: ["item"])
            let result = cel.evaluate(program, in: Self.activation)
            guard case .value(.list(let list)) = result else {
                Issue.record("\(testCase.source) gave \(result)")
                return
            }
            #expect(Value.list(list).celSource == "[7, 8]")
            constant = list
        }
        #expect(constant == nil)
    }
}
