import StrictYAML
import Testing

/// The one string quoter that JSON text and value descriptions use.
@Suite struct QuotingTests {
    @Test("JSON escapes")
    func json() {
        var out = ""
        out.appendJSONQuoted("a\"b\\c\n\r\t\u{01}\u{1F}\u{7F}é")
        #expect(out == #""a\"b\\c\n\r\t\u0001\u001f"# + "\u{7F}é\"")
    }

    @Test("stops at the limit without the closing quote")
    func limit() {
        var out = ""
        out.appendJSONQuoted("abcdef", limit: 3)
        #expect(out == "\"ab")
    }
}
