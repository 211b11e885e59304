import CEL
import Readiness
import StrictYAML
import Testing

/// The loader keeps nothing behind: a catalog that is dropped frees its compiled expressions,
/// so a process that loads many rulesets does not grow. The message's first segment gives
/// back the constant `[7, 8]` from inside a comprehension, watched through a weak reference.
@Suite struct CatalogLifetimeTests {
    static let ruleset = """
        ruleset: lifetime
        title: Lifetime
        version: 1.0.0
        rules:
          - id: LIFE-ONE
            title: Holds a constant in its message
            category: environment
            severity: low
            for_each: s in environment.servers
            check: s.ram_gb > 0
            message: "{{ [[7, 8]].map(x, x)[0] }} on {{ s.name }}"
            action: mitigate
        """

    @Test("a dropped catalog frees its compiled expressions")
    func catalogIsFreed() throws {
        weak var constant: ValueList?
        do {
            let catalog = try RulesetLoader().load(text: Self.ruleset, file: "lifetime.yaml")
            let rule = try #require(catalog.rule(withID: "LIFE-ONE"))
            let segments = try #require(rule.message).segments(for: "en")
            guard case .expression(let expression)? = segments.first else {
                Issue.record("the message starts with \(String(describing: segments.first))")
                return
            }
            let result = CELEnvironment().evaluate(expression.program, in: CELActivation(globals: .empty))
            guard case .value(.list(let list)) = result else {
                Issue.record("the first segment gave \(result)")
                return
            }
            #expect(Value.list(list).celSource == "[7, 8]")
            constant = list
        }
        #expect(constant == nil)
    }
}
