import Testing

@testable import CEL

/// The parser's trees, compared as cel-go-style debug strings.
@Suite struct ParserDebugTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var source: String
        var tree: String
        var testDescription: String { source }
        init(_ source: String, _ tree: String) {
            self.source = source
            self.tree = tree
        }
    }

    @Test(
        "operators bind at CEL's precedence; macros expand",
        arguments: [
            Case("1 + 2 * 3", "_+_(1, _*_(2, 3))"),
            Case("1 - 2 - 3", "_-_(_-_(1, 2), 3)"),
            Case("a || b && c", "(a || (b && c))"),
            Case("a && b && c", "(a && b && c)"),
            Case("a < b == true", "_==_(_<_(a, b), true)"),
            Case("x in [1, 2u, 3.5]", "@in(x, [1, 2u, 3.5])"),
            Case("!!a", "!_(!_(a))"),
            Case("-5", "-5"),
            Case("-x", "-_(x)"),
            Case("a ? b : c ? d : e", "(a ? b : (c ? d : e))"),
            Case("a.b[0].c()", "a.b[0].c()"),
            Case("a.?b[?'k']", "a.?b[?\"k\"]"),
            Case("has(a.b)", "has(a.b)"),
            Case("l.all(x, x > 0)", "l.all~(x, _>_(x, 0))"),
            Case("l.map(x, x > 0, x * 2)", "l.map~(x, _>_(x, 0), _*_(x, 2))"),
            Case("{'a': 1, ?'b': x}", "{\"a\": 1, ?\"b\": x}"),
            Case("[1, ?x,]", "[1, ?x]"),
            Case("b'\\x00' + r'\\n' + '''a\nb'''", "_+_(_+_(b\"\\x00\", \"\\\\n\"), \"a\\nb\")"),
            Case("0x1F + 0x1Fu + 1e3 + .5", "_+_(_+_(_+_(31, 31u), 1000.0), 0.5)"),
            Case("{'content-type': 1}.`content-type`", "{\"content-type\": 1}.content-type"),
            Case("math.least(1, 2)", "math.least(1, 2)"),
        ])
    func trees(_ testCase: Case) {
        var parser = CELParser(testCase.source, maxDepth: 250)
        let expr = parser.parse()
        #expect(parser.problems.isEmpty, "\(parser.problems)")
        #expect(expr.debugDescription == testCase.tree)
    }
}
