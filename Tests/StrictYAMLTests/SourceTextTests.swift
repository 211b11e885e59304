import SourceDiagnostics
import Testing

/// The one source-text type: byte and scalar offsets to line:column (columns in Unicode
/// scalars) and back, over text that may hold invalid UTF-8.
@Suite struct SourceTextTests {
    static let text = SourceText("ab\né𝄞x\n\nend")

    @Test(
        "byte offsets to positions",
        arguments: [
            (0, 1, 1), (2, 1, 3), (3, 2, 1), (5, 2, 2), (9, 2, 3), (10, 2, 4), (11, 3, 1), (12, 4, 1),
            (15, 4, 4), (99, 4, 4),
        ])
    func byteOffsets(offset: Int, line: Int, column: Int) {
        #expect(Self.text.position(ofOffset: offset) == SourcePosition(line: line, column: column))
    }

    @Test(
        "scalar offsets to positions",
        arguments: [(0, 1, 1), (2, 1, 3), (3, 2, 1), (4, 2, 2), (5, 2, 3), (7, 3, 1), (8, 4, 1), (10, 4, 3)])
    func scalarOffsets(offset: Int, line: Int, column: Int) {
        #expect(Self.text.position(ofScalarOffset: offset) == SourcePosition(line: line, column: column))
    }

    @Test("positions back to byte offsets, nil past the end")
    func offsets() {
        for offset in [0, 1, 2, 3, 5, 9, 10, 11, 12, 14] {
            #expect(Self.text.offset(of: Self.text.position(ofOffset: offset)) == offset)
        }
        #expect(Self.text.offset(of: SourcePosition(line: 4, column: 4)) == nil)
        #expect(Self.text.offset(of: SourcePosition(line: 5, column: 1)) == nil)
        #expect(Self.text.offset(of: .unknown) == nil)
    }

    @Test("line ranges exclude the newline")
    func lineRanges() {
        #expect(Self.text.lineCount == 4)
        #expect(Self.text.byteRange(ofLine: 1) == 0..<2)
        #expect(Self.text.byteRange(ofLine: 3) == 11..<11)
        #expect(Self.text.byteRange(ofLine: 4) == 12..<15)
        #expect(Self.text.byteRange(ofLine: 5) == nil)
        #expect(Self.text.byteRange(ofLine: 0) == nil)
    }

    @Test("invalid UTF-8 counts a column at every byte that does not continue a scalar")
    func invalidBytes() {
        let text = SourceText(bytes: [0x61, 0xFF, 0x80, 0x62, 0x0A, 0x63])
        #expect(text.position(ofOffset: 3) == SourcePosition(line: 1, column: 3))
        #expect(text.location(ofOffset: 6, file: "f").description == "f:2:2")
    }
}
