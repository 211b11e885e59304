import Testing

@testable import StrictYAML

/// Inputs that broke `SplitParse.load` (found by an adversarial review): whenever it returns a
/// document, that document must be the one-pass document (values, order and every position),
/// and one pass must succeed. Each now makes the split give up, or agree, in 2 to 6 parts.
@Suite struct SplitAttackTests {
    @Test(
        "inputs that once split differently from one pass",
        arguments: [
            // One pass fails: the root mapping does not start in column 1 …
            "  a: 1\nb: 2\n",
            "  {a: 1}\nb: 2\n",
            // … a flow collection stands where the continued block container should be …
            "s:\n  {a: 1}\n  b: 2\n",
            "s:\n  [a,\n   b]\n  - c\n",
            // … an anchor on its own line gives a map the column of a misplaced key line.
            "s:\n  k:\n   &a\n      x: 1\n   z: 3\n",
            // Values differ: an anchor or tag moves a container's position to another's column.
            "abc: &a\n y:\n     x: 1\n     z: 2\n",
            "abc: !!map\n y:\n     x: 1\n     z: 2\n",
            "defaults: &defaults\n  opts:\n          a: 1\n          b: 2\n",
            "k: &l\n - a:\n   - x\n   - y\n",
            "k: &l\n -\n   - x\n   - y\n",
            // … with a block scalar header that has a comment after `|`.
            "abc: &a\n y: | # c\n     first\n     x: 1\n",
            "k: &l\n - | # c\n   - first\n   - x\n",
            // Positions differ: line breaks libyaml counts besides \n (CR, NEL, LS, PS).
            "x: 1\rz: 2\ny: 3\nw: 4\n",
            "s:\n  - a\r  - b\n  - c\n  - d\n",
            "x: \"a\u{2028}b\"\ny: 3\nw: 4\n",
            "x: \"a\u{85}b\"\ny: 3\nw: 4\n",
            "x: 'a\u{2029}b'\ny: 3\nw: 4\n",
            "# c\u{2028}\ny: 3\nw: 4\n",
            // An explicit key without `:` right before a cut: libyaml places its empty value at
            // the next token, which lies beyond the part (found by a second review).
            "s:\n  ? a\n  : 1\n  ? d\n  e: 4\n",
            "s:\n  k:\n    ? d\n  j: 1\n  i: 2\n",
            "s:\n  - ? d\n  - b\n  - c\n",
            "s:\n  - x: 1\n    ? d\n  - b\n  - c\n",
            "s:\n  ? d\n  # comment\n\n  e: 4\n  f: 5\n",
            "s:\n  ? |\n    blk\n  e: 4\n  f: 5\n",
            "s:\n  ? \"q\n    r\"\n  e: 4\n  f: 5\n",
            "s:\n  k:\n    - ? d\n  j: 1\n  i: 2\n",
            "s:\r\n  ? a\r\n  : 1\r\n  ? d\r\n  e: 4\r\n",
        ])
    func agreesOrGivesUp(text: String) {
        for parts in 2...6 {
            SplitAgreementTests.expectAgreement(Array(text.utf8), parts: parts, name: "\(text.debugDescription) in \(parts)")
        }
    }

    @Test("a block scalar header with a comment after it is still a block scalar to the cutter")
    func commentedBlockScalarHeader() {
        let text = "k:\n  note: | # kept\n    - looks like an entry\n"
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            // The second line, "  note: | # kept\n", after "k:\n".
            #expect(SplitParse.startsBlockScalar(base, from: 3, to: 3 + 17))
        }
    }
}
