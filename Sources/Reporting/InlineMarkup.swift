import Readiness

/// How a document format writes text inside a line: plain text escaped, a subject emphasised
/// and a fact's path as code. The HTML and Markdown reports share their lines through it.
struct InlineMarkup: Sendable {
    /// Plain text, escaped.
    let text: @Sendable (String) -> String
    /// An emphasised name (a finding's subject).
    let emphasis: @Sendable (String) -> String
    /// Code (a fact's path).
    let code: @Sendable (String) -> String

    /// HTML: `<strong>` and `<code>`.
    static let html = InlineMarkup(
        text: { $0.htmlEscaped }, emphasis: { "<strong>\($0.htmlEscaped)</strong>" }, code: { "<code>\($0.htmlEscaped)</code>" })

    /// Markdown: `*emphasis*` and code spans.
    static let markdown = InlineMarkup(text: { $0.markdownEscaped }, emphasis: { "*\($0.markdownEscaped)*" }, code: { $0.markdownCode })

    /// What a result says in a list of findings: its subject when the message does not name it,
    /// then the fact it misses or its detail.
    func finding(_ result: RuleResult, in evaluation: Evaluation, strings: ReportStrings) -> String {
        var out = ""
        if let subject = result.subject, !Evaluation.subjectShown(subject, in: result.message ?? "") {
            out += emphasis(subject) + text(strings.colon)
        }
        if result.status == .unknown {
            return out + text(strings.missingFactPrefix) + text(strings.colon) + code(result.missingFact ?? "—")
        }
        return out + text(evaluation.detail(of: result, strings: strings))
    }
}
