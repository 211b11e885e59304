import CEL
import SourceDiagnostics
import StrictYAML
import Testing

/// Mangled input must give diagnostics or errors, never a crash or a hang.
@Suite struct RobustnessTests {
    static let seeds = [
        "a.b[0].c > 1 && has(x.y) || [1, 2u, 3.0].exists(v, v in {'k': 1})",
        "'str\\n' + b'\\x00' + r'''raw''' + string(timestamp('2026-01-01T00:00:00Z'))",
        "l.map(x, x > 0, x * 2).filter(y, y % 3 == 0).size() == -9223372036854775808",
        "m.?k.orValue(optional.none()) ? math.least(1, 2.5) : duration('1h2m3.5s').getSeconds()",
        "'abc'.matches('^(a|b)+c$') && 'x,y'.split(',').join('-').substring(1, 2) != `k`",
    ]

    @Test("mutated expressions never crash")
    func mutations() {
        var random = SplitMix64(seed: 42)
        let alphabet = Array("()[]{}.,?:!-+*/%<>=&|'\"`\\ abcxyz0123456789uUeE\n".unicodeScalars)
        let environment = CELEnvironment(limits: CELLimits(maxSteps: 10_000))
        let globals = ValueMap(
            keys: [.string("a"), .string("l"), .string("m")],
            values: [.map([(.string("b"), .list([.int(1)]))]), .list([.int(1), .int(6)]), .map([])])
        var compiled = 0
        for i in 0..<3_000 {
            var scalars = Array(Self.seeds[i % Self.seeds.count].unicodeScalars)
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                guard !scalars.isEmpty else { break }
                let at = Int.random(in: 0..<scalars.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: scalars.remove(at: at)
                case 1: scalars.insert(alphabet[Int.random(in: 0..<alphabet.count, using: &random)], at: at)
                default: scalars[at] = alphabet[Int.random(in: 0..<alphabet.count, using: &random)]
                }
            }
            let source = String(String.UnicodeScalarView(scalars))
            guard let program = try? environment.compile(source) else { continue }
            compiled += 1
            _ = environment.evaluate(program, in: CELActivation(globals: globals))
        }
        #expect(compiled > 100)
    }
}
