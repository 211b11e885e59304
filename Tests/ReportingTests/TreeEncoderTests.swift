import Foundation
import Reporting
import SourceDiagnostics
import Testing

/// The tree encoder writes SARIF in place of Foundation's `JSONEncoder`: with spaces around the
/// colon it must write what Foundation writes (pretty, sorted keys, unescaped slashes), except
/// that an empty list or object is `[]` or `{}`.
@Suite struct TreeEncoderTests {
    struct Sample: Encodable {
        var text: String
        var number: Double
        var count: Int
        var flag: Bool
        var missing: String?
        var nested: [String: [Int]]
    }

    static let texts: [String] = [
        "plain", "a/b \\ \"quoted\"", "tab\tnew\nline\rreturn", "\u{8}\u{C}\u{1}\u{1F}\u{7F}",
        "中文 é e\u{301} \u{2028} \u{1F600}", "",
    ]

    @Test("with spaces around the colon, the tree encoder writes what JSONEncoder writes", arguments: texts)
    func matchesFoundation(_ text: String) throws {
        let samples = [
            Sample(text: text, number: 87.5, count: -3, flag: true, missing: nil, nested: ["b": [1, 2], "a": [3]]),
            Sample(text: text, number: 100, count: 0, flag: false, missing: text, nested: ["only": [0]]),
        ]
        let foundation = JSONEncoder()
        foundation.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let expected = String(decoding: try foundation.encode(samples), as: UTF8.self) + "\n"
        let written = try JSONTreeEncoder(spacesAroundColon: true).encode(samples)
        #expect(written == expected)
    }

    /// A value whose encoding fails, as a report's would on a value JSON cannot hold.
    struct Unencodable: Encodable {
        func encode(to encoder: any Encoder) throws {
            throw EncodingError.invalidValue(self, .init(codingPath: [], debugDescription: "cannot be encoded"))
        }
    }

    @Test("a value that cannot be encoded is a report.unencodable diagnostic, not partial JSON")
    func unencodableValueThrowsDiagnostic() {
        #expect {
            try JSONTreeEncoder().encode(["report": Unencodable()])
        } throws: { error in
            (error as? DiagnosticError)?.diagnostics.map(\.code) == ["report.unencodable"]
        }
    }
}
