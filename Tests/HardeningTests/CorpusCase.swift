import CEL
import Readiness
import Testing

/// One file of the bad-input corpus and what running it must give.
struct CorpusCase: Sendable, CustomTestStringConvertible {
    /// What a corpus file must give when run through its stage.
    enum Expectation: Sendable {
        /// An error diagnostic with this code, whose message contains `message`, at `line:column`
        /// of the case's own file, or of `file` (a path inside the corpus, or an absolute path).
        case diagnostic(_ code: String, _ message: String, at: String, in: String? = nil)
        /// The expression evaluates to a value whose description is this.
        case value(String)
        /// The expression compiles, and its evaluation fails with this kind of error, whose
        /// message contains `message`, at `line:column` of the expression (when given).
        case evaluationError(CELEvaluationError.Kind, _ message: String, at: String? = nil)
        /// Every rule of the ruleset ends in this status, with a message (error, missing fact
        /// or rendered message) containing the text.
        case statuses([String: (ResultStatus, String)])
        /// The file loads: it looks suspicious but is valid, for the reason given.
        case loads(_ reason: String)
        /// The file is read by other cases, for the reason given.
        case support(_ reason: String)
        /// The file reproduces a known bug; the named disabled test asserts the right behaviour.
        case knownBug(_ test: String)
    }

    /// The file's path inside the corpus.
    let path: String
    /// What it must give.
    let expectation: Expectation

    init(_ path: String, _ expectation: Expectation) {
        self.path = path
        self.expectation = expectation
    }

    var testDescription: String { path }
}
