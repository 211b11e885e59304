import CEL
import StrictYAML
import Testing

/// Bugs the hardening corpus found in code outside this target, disabled until they are fixed.
/// Each test asserts the right behaviour; enable it with the fix.
@Suite struct KnownBugTests {
    /// `Corpus/expressions/bad-timestamp-text.cel`: `timestamp('2027-02-30T00:00:00Z')` gives
    /// 2027-03-02 instead of an error; cel-go refuses a day the month does not have.
    @Test("timestamp() refuses a day the month does not have")
    func timestampAcceptsFebruary30() throws {
        let source = try String(
            contentsOfFile: Corpus.path("expressions/bad-timestamp-text.cel"), encoding: .utf8)
        let result = try CELEnvironment().evaluate(source, in: CELActivation(globals: .empty))
        #expect(result.error?.kind == .invalidArgument)
    }
}
