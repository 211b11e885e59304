import CEL
import Foundation
import Readiness
import SourceDiagnostics
import StrictYAML
import Testing

/// Runs every file of the bad-input corpus through its stage and checks the diagnostic or the
/// evaluation status its index entry records.
@Suite struct CorpusTests {
    @Test("the index has one entry per corpus file")
    func indexCoversCorpus() {
        let indexed = CorpusCase.all.map(\.path)
        #expect(Set(indexed).count == indexed.count, "an index entry is repeated")
        let files = Corpus.files().filter { !$0.hasPrefix(".") && !$0.contains("/.") }
        #expect(Set(files).subtracting(indexed).sorted() == [], "files with no index entry")
        #expect(Set(indexed).subtracting(files).sorted() == [], "index entries with no file")
    }

    @Test("corpus file", arguments: CorpusCase.all)
    func corpusFile(_ testCase: CorpusCase) throws {
        let observation = Corpus.observe(testCase.path)
        switch testCase.expectation {
        case .diagnostic(let code, let message, let position, let other):
            guard case .diagnostics(let diagnostics) = observation else {
                Issue.record("expected a diagnostic [\(code)], but \(testCase.path) gave \(observation)")
                return
            }
            let file =
                other.map { $0.hasPrefix("/") ? $0 : Corpus.path($0) } ?? Corpus.path(testCase.path)
            let matching = diagnostics.filter { $0.code == code }
            let diagnostic = try #require(
                matching.first, "no [\(code)] among \(diagnostics.map(\.description))")
            #expect(diagnostic.severity == .error)
            #expect(Self.relative(diagnostic.message).contains(message), "\(diagnostic.message)")
            let span = try #require(diagnostic.span, "[\(code)] has no position")
            #expect(Self.standardized(span.start.file) == Self.standardized(file))
            #expect("\(span.start.line):\(span.start.column)" == position)
        case .value(let description):
            guard case .result(.value(let value)) = observation else {
                Issue.record("expected the value \(description), but \(testCase.path) gave \(observation)")
                return
            }
            #expect(value.description == description)
        case .evaluationError(let kind, let message, let position):
            guard case .result(.error(let error)) = observation else {
                Issue.record(
                    "expected an evaluation error \(kind), but \(testCase.path) gave \(observation)")
                return
            }
            #expect(error.kind == kind)
            #expect(error.message.contains(message), "\(error.message)")
            if let position {
                #expect(error.location.map { "\($0.line):\($0.column)" } == position)
                #expect(error.location.map { Self.standardized($0.file) } == Corpus.path(testCase.path))
            }
        case .statuses(let expected):
            guard case .statuses(let statuses, let messages) = observation else {
                Issue.record("expected rule statuses, but \(testCase.path) gave \(observation)")
                return
            }
            #expect(Set(statuses.keys) == Set(expected.keys))
            for (rule, (status, message)) in expected {
                #expect(statuses[rule] == status, "\(rule)")
                if !message.isEmpty {
                    #expect(messages[rule]?.contains(message) == true, "\(rule): \(messages[rule] ?? "")")
                }
            }
        case .loads, .support:
            if case .diagnostics(let diagnostics) = observation {
                Issue.record("\(testCase.path) should load, but gave \(diagnostics.map(\.description))")
            }
        case .knownBug:
            break
        }
    }

    /// A message with the corpus folder's absolute path taken out, so index entries can name
    /// files by their path inside the corpus.
    static func relative(_ message: String) -> String {
        message.replacingOccurrences(of: Corpus.root + "/", with: "")
    }

    static func standardized(_ path: String) -> String {
        (path as NSString).standardizingPath
    }
}
