import Readiness
import Testing

@testable import Reporting

/// A deferred phase that would move items out has no follow-on yet: every human format says the
/// items go to a follow-on once the phase resumes, not that they have already moved.
@Suite struct DeferredMoveWordingTests {
    static func deferredWithMoves() throws -> Evaluation {
        var evaluation = EvaluationFixture.make()
        let index = try #require(evaluation.plan.planned.firstIndex { !$0.moved.isEmpty })
        evaluation.plan.planned[index].decision = .defer
        evaluation.plan.planned[index].followOn = nil
        return evaluation
    }

    @Test("text, Markdown and HTML all say where a deferred phase's moved items go", arguments: ["en", "zh"])
    func pendingFollowOn(language: String) throws {
        var evaluation = try Self.deferredWithMoves()
        evaluation.language = language
        let context = ReportContext(language: language)
        let strings = ReportStrings(language: language)
        let text = TextReporter().render([evaluation], context: context)
        let markdown = MarkdownReporter().render([evaluation], context: context)
        let html = HTMLReporter().render([evaluation], context: context)
        #expect(text.contains(strings.textReport.pendingFollowOn))
        #expect(markdown.contains(strings.movedToPendingFollowOn))
        #expect(html.contains(strings.movedToPendingFollowOn))
    }
}
