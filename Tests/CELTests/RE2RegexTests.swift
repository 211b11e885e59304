import Testing

@testable import CEL

@Suite struct RE2RegexTests {
    /// A pattern, a text, and whether the pattern should match somewhere in the text.
    struct MatchCase: Sendable, CustomTestStringConvertible {
        let id: String
        let pattern: String
        let text: String
        let isMatch: Bool

        init(_ id: String, _ pattern: String, _ text: String, _ isMatch: Bool) {
            self.id = id
            self.pattern = pattern
            self.text = text
            self.isMatch = isMatch
        }

        var testDescription: String { id }
    }

    static let matchCases: [MatchCase] = [
        // Literals and concatenation.
        .init("literal", "abc", "xxabcxx", true),
        .init("literal-missing", "abc", "abxc", false),
        .init("empty-pattern", "", "anything", true),
        .init("empty-pattern-empty-text", "", "", true),
        .init("unicode-literal", "héllo", "say héllo", true),
        .init("astral-literal", "😀+", "x😀😀", true),
        // Dot.
        .init("dot", "a.c", "abc", true),
        .init("dot-scalar", "a.c", "a😀c", true),
        .init("dot-is-one-scalar", "^..$", "e\u{301}", true),
        .init("dot-no-newline", "a.c", "a\nc", false),
        .init("dot-s-flag", "(?s)a.c", "a\nc", true),
        .init("dot-s-group", "(?s:a.)c", "a\nc", true),
        // Bracket classes.
        .init("class", "[abc]", "xxb", true),
        .init("class-miss", "[abc]", "xyz", false),
        .init("class-range", "^[a-f0-9]+$", "deadbeef42", true),
        .init("class-range-miss", "^[a-f0-9]+$", "deadbeefg", false),
        .init("class-negated", "^[^0-9]+$", "abc", true),
        .init("class-negated-miss", "[^0-9]", "123", false),
        .init("class-negated-newline", "[^a]", "\n", true),
        .init("class-leading-bracket", "^[]a]+$", "]a]", true),
        .init("class-negated-leading-bracket", "[^]]", "]", false),
        .init("class-dash-first", "^[-a]+$", "-a-", true),
        .init("class-dash-last", "^[a-]+$", "a--", true),
        .init("class-escape", #"[\]\\]"#, #"\"#, true),
        .init("class-escaped-dash", #"^[a\-z]+$"#, "a-z", true),
        .init("class-escaped-dash-miss", #"[a\-z]"#, "m", false),
        .init("class-perl", #"^[\d\s]+$"#, "1 2\t3", true),
        .init("class-negated-perl", #"^[^\D]+$"#, "123", true),
        .init("class-hex-range", #"[\x{4e00}-\x{9fff}]"#, "中", true),
        .init("class-literal-bracket-open", "[[]", "[", true),
        // POSIX classes.
        .init("posix-alpha", "^[[:alpha:]]+$", "Hello", true),
        .init("posix-alpha-miss", "^[[:alpha:]]+$", "Hello1", false),
        .init("posix-digit", "[[:digit:]]", "a1", true),
        .init("posix-negated", "^[[:^digit:]]+$", "abc", true),
        .init("posix-mixed", "^[[:upper:]_]+$", "A_B", true),
        .init("posix-xdigit", "^[[:xdigit:]]+$", "c0ffee", true),
        .init("posix-space", "[[:space:]]", "a\u{0B}b", true),
        // Perl classes.
        .init("digit", #"\d"#, "abc3", true),
        .init("digit-ascii-only", #"\d"#, "٣", false),
        .init("not-digit", #"^\D+$"#, "abc", true),
        .init("word", #"^\w+$"#, "snake_case9", true),
        .init("word-miss", #"\w"#, "-+-", false),
        .init("not-word", #"\W"#, "a-b", true),
        .init("space", #"a\sb"#, "a\tb", true),
        .init("space-no-vtab", #"a\sb"#, "a\u{0B}b", false),
        .init("not-space", #"^\S+$"#, "abc", true),
        // Unicode classes.
        .init("unicode-letter", #"^\pL+$"#, "Éclair", true),
        .init("unicode-letter-miss", #"\pL"#, "123", false),
        .init("unicode-letter-braces", #"^\p{L}+$"#, "日本", true),
        .init("unicode-upper", #"^\p{Lu}"#, "Ábc", true),
        .init("unicode-upper-miss", #"^\p{Lu}"#, "ábc", false),
        .init("unicode-lower", #"^\p{Ll}+$"#, "ábc", true),
        .init("unicode-number", #"\pN"#, "Ⅻ", true),
        .init("unicode-number-braces", #"^\p{N}+$"#, "٣42", true),
        .init("unicode-han", #"\p{Han}"#, "漢字", true),
        .init("unicode-han-miss", #"\p{Han}"#, "かな", false),
        .init("unicode-greek", #"^\p{Greek}+$"#, "αβγ", true),
        .init("unicode-negated", #"^\PL+$"#, "123", true),
        .init("unicode-negated-braces", #"\P{L}"#, "abc", false),
        .init("unicode-caret-negated", #"\p{^L}"#, "abc1", true),
        .init("unicode-in-class", #"^[\p{Lu}\d]+$"#, "AB12", true),
        .init("unicode-negated-in-class", #"^[\P{L}]+$"#, "12", true),
        .init("unicode-any", #"^\p{Any}$"#, "\n", true),
        // Escapes.
        .init("escape-dot", #"a\.b"#, "a.b", true),
        .init("escape-dot-miss", #"a\.b"#, "axb", false),
        .init("escape-backslash", #"a\\b"#, #"a\b"#, true),
        .init("escape-tab", #"\t"#, "a\tb", true),
        .init("escape-newline", #"\n"#, "a\nb", true),
        .init("escape-return", #"\r"#, "\r", true),
        .init("escape-formfeed", #"\f"#, "\u{0C}", true),
        .init("escape-vtab", #"\v"#, "\u{0B}", true),
        .init("escape-hex", #"\x41"#, "A", true),
        .init("escape-hex-braces", #"\x{263a}"#, "☺", true),
        .init("escape-octal", #"\101"#, "A", true),
        .init("escape-octal-zero", #"\0101"#, "\u{08}1", true),
        .init("escape-octal-two-digits", #"\12"#, "\n", true),
        .init("escape-punctuation", #"^\(\)\[\]\{\}\*\+\?\|\^\$$"#, "()[]{}*+?|^$", true),
        .init("escape-quote", #"\Qa.b*\E+"#, "a.b**", true),
        .init("escape-underscore", #"a\_b"#, "a_b", true),
        .init("escape-quote-unterminated", #"\Q(a"#, "x(a", true),
        .init("escape-quote-miss", #"\Qa.b\E"#, "axb", false),
        // Anchors and boundaries.
        .init("caret", "^abc", "abcd", true),
        .init("caret-miss", "^abc", "xabc", false),
        .init("dollar", "abc$", "xabc", true),
        .init("dollar-miss", "abc$", "abc\n", false),
        .init("caret-no-multiline", "^b", "a\nb", false),
        .init("caret-multiline", "(?m)^b", "a\nb", true),
        .init("dollar-multiline", "(?m)a$", "a\nb", true),
        .init("begin-text", #"\Aab"#, "ab", true),
        .init("begin-text-multiline", #"(?m)\Ab"#, "a\nb", false),
        .init("end-text", #"b\z"#, "ab", true),
        .init("end-text-multiline", #"(?m)a\z"#, "a\nb", false),
        .init("word-boundary", #"\bfoo\b"#, "a foo b", true),
        .init("word-boundary-miss", #"\bfoo\b"#, "afoob", false),
        .init("not-word-boundary", #"\Boo\B"#, "afoob", true),
        .init("not-word-boundary-miss", #"\Bfoo"#, "a foo", false),
        .init("caret-repeated", "^*a", "ba", true),
        .init("caret-long-text", "^b", String(repeating: "a", count: 30_000) + "b", false),
        // Groups and alternation.
        .init("group", "(ab)+c", "ababc", true),
        .init("non-capturing", "(?:ab)+c", "ababc", true),
        .init("named", "(?P<year>[0-9]{4})-(?P<month>[0-9]{2})", "on 2024-05", true),
        .init("named-angle", "(?<word>a+)b", "aab", true),
        .init("named-unicode", "(?P<名前>a)", "a", true),
        .init("alternation", "cat|dog", "hotdog", true),
        .init("alternation-miss", "^(cat|dog)$", "cow", false),
        .init("alternation-empty-branch", "^(|a)$", "", true),
        .init("alternation-anchored", "^a|b$", "xxb", true),
        .init("empty-group", "a()b", "ab", true),
        .init("nested-groups", "^((a|b)(c|d))+$", "acbdad", true),
        // Repetition.
        .init("star", "ab*c", "ac", true),
        .init("plus", "ab+c", "ac", false),
        .init("plus-many", "ab+c", "abbbc", true),
        .init("question", "^ab?c$", "abc", true),
        .init("question-miss", "^ab?c$", "abbc", false),
        .init("lazy-star", "a.*?c", "abcbc", true),
        .init("lazy-plus", "^a+?$", "aaa", true),
        .init("lazy-question", "^ab??c$", "ac", true),
        .init("exact", "^a{3}$", "aaa", true),
        .init("exact-miss", "^a{3}$", "aaaa", false),
        .init("at-least", "^a{2,}$", "aaaaa", true),
        .init("at-least-miss", "^a{2,}$", "a", false),
        .init("range", "^a{2,3}$", "aaa", true),
        .init("range-miss", "^a{2,3}$", "aaaa", false),
        .init("range-zero", "^ba{0}c$", "bc", true),
        .init("range-lazy", "^a{2,3}?$", "aa", true),
        .init("brace-literal", "a{", "a{", true),
        .init("brace-literal-comma", "a{,2}", "a{,2}", true),
        .init("brace-literal-open", "^{$", "{", true),
        .init("brace-literal-leading-zero", "a{01}", "a{01}", true),
        .init("group-repeat", "^(?:ab){2}$", "abab", true),
        .init("star-of-empty", "^(a*)*$", "aaa", true),
        .init("thousand", "^a{1000}$", String(repeating: "a", count: 1000), true),
        .init("nested-counts", "^(?:a{2}){500}$", String(repeating: "a", count: 1000), true),
        .init("counted-star", "^(?:a{1000})*$", String(repeating: "a", count: 3000), true),
        // Flags.
        .init("case-insensitive", "(?i)hello", "HeLLo", true),
        .init("case-sensitive", "hello", "HeLLo", false),
        .init("case-insensitive-group", "(?i:a)b", "Ab", true),
        .init("case-insensitive-group-scope", "(?i:a)b", "AB", false),
        .init("case-insensitive-off", "(?i)a(?-i)b", "AB", false),
        .init("case-insensitive-class", "(?i)^[a-c]+$", "AbC", true),
        .init("case-insensitive-negated-class", "(?i)[^k]", "K", false),
        .init("case-insensitive-kelvin", "(?i)k", "\u{212A}", true),
        .init("case-insensitive-greek", "(?i)σ", "Σ", true),
        .init("case-insensitive-unicode-class", #"(?i)\p{Lu}"#, "a", true),
        .init("case-insensitive-scope-ends", "(?:(?i)a)b", "AB", false),
        .init("ungreedy", "(?U)a+b", "aab", true),
        .init("flag-combination", "(?im)^ab$", "x\nAB", true),
        .init("flags-then-group", "(?i-s:a.)", "A\n", false),
        .init("case-insensitive-micro", "(?i)μ", "\u{B5}", true),
        .init("case-insensitive-sharp-s", "(?i)ß", "ẞ", true),
        .init("case-insensitive-titlecase", "(?i)ǅ", "ǆ", true),
        .init("case-insensitive-dotless-i", "(?i)i", "ı", false),
        .init("case-insensitive-negated-category", #"(?i)\P{Lu}"#, "a", false),
        .init("case-insensitive-negated-category-hit", #"(?i)\P{Lu}"#, "1", true),
        .init("case-insensitive-negated-perl", #"(?i)\W"#, "ſ", false),
        .init("case-insensitive-large-range", #"(?i)[\x{0}-\x{4000}]"#, "\u{212A}", true),
        .init("empty-flags", "a(?)b", "ab", true),
    ]

    @Test("matches and non-matches", arguments: matchCases)
    func matching(_ testCase: MatchCase) throws {
        let regex = try RE2Regex(testCase.pattern)
        #expect(regex.matches(testCase.text) == testCase.isMatch)
    }

    /// A pattern RE2 rejects; `1️⃣` marks the offset of the error and is not part of the pattern.
    struct ErrorCase: Sendable, CustomTestStringConvertible {
        let id: String
        let markedPattern: String
        let message: String

        init(_ id: String, _ markedPattern: String, _ message: String) {
            self.id = id
            self.markedPattern = markedPattern
            self.message = message
        }

        var testDescription: String { id }
    }

    static let errorCases: [ErrorCase] = [
        .init("backreference", #"(a)1️⃣\1"#, #"backreference '\1' is not supported in RE2 syntax"#),
        .init("backreference-8", #"(a)1️⃣\8"#, #"backreference '\8' is not supported in RE2 syntax"#),
        .init(
            "named-backreference", "(?P<x>a)1️⃣(?P=x)",
            "backreference '(?P=' is not supported in RE2 syntax"),
        .init("lookahead", "a1️⃣(?=b)", "lookahead '(?=' is not supported in RE2 syntax"),
        .init("negative-lookahead", "a1️⃣(?!b)", "lookahead '(?!' is not supported in RE2 syntax"),
        .init("lookbehind", "1️⃣(?<=a)b", "lookbehind '(?<=' is not supported in RE2 syntax"),
        .init("negative-lookbehind", "1️⃣(?<!a)b", "lookbehind '(?<!' is not supported in RE2 syntax"),
        .init(
            "atomic", "1️⃣(?>a)", "atomic group '(?>' is not supported in RE2 syntax; use '(?:' instead"),
        .init(
            "possessive-star", "a*1️⃣+",
            "possessive repetition '*+' is not supported in RE2 syntax; use '*'"),
        .init(
            "possessive-brace", "a{2}1️⃣+",
            "possessive repetition '{2}+' is not supported in RE2 syntax; use '{2}'"),
        .init(
            "double-star", "a*1️⃣*",
            "invalid nested repetition operator '**'; wrap the repeated part in '(?:...)' first"
        ),
        .init(
            "stacked-braces", "a{1000}1️⃣{1000}",
            "invalid nested repetition operator '{1000}{1000}'; wrap the repeated part in '(?:...)' first"
        ),
        .init(
            "leading-star", "1️⃣*a",
            #"missing argument to repetition operator '*'; escape it as '\*' to match it literally"#
        ),
        .init(
            "star-after-bar", "a|1️⃣+",
            #"missing argument to repetition operator '+'; escape it as '\+' to match it literally"#
        ),
        .init(
            "star-after-paren", "(1️⃣*)",
            #"missing argument to repetition operator '*'; escape it as '\*' to match it literally"#
        ),
        .init(
            "leading-brace", "1️⃣{2}",
            #"missing argument to repetition operator '{2}'; escape it as '\{' to match it literally"#
        ),
        .init(
            "reversed-count", "a1️⃣{2,1}",
            "invalid repeat count '{2,1}'; the minimum must not exceed the maximum"
        ),
        .init("count-too-large", "a1️⃣{1001}", "repeat count in '{1001}' is over the maximum of 1000"),
        .init(
            "count-max-too-large", "a1️⃣{2,5000}", "repeat count in '{2,5000}' is over the maximum of 1000"),
        .init("unclosed-paren", "a1️⃣(b(c)", "missing closing ')' for this group"),
        .init("unexpected-paren", "ab1️⃣)", #"unexpected ')'; add a matching '(' or escape it as '\)'"#),
        .init("empty-class", "1️⃣[]", "missing closing ']' for character class"),
        .init("unclosed-class", "a1️⃣[bc", "missing closing ']' for character class"),
        .init("reversed-range", "[1️⃣z-a]", "invalid character class range 'z-a'"),
        .init("class-range-to-perl", #"[1️⃣a-\d]"#, #"invalid character class range 'a-\d'"#),
        .init("unknown-escape", #"a1️⃣\q"#, #"invalid escape sequence '\q'"#),
        .init("stray-quote-end", #"a1️⃣\E"#, #"invalid escape sequence '\E'"#),
        .init("unknown-escape-upper", #"1️⃣\Z"#, #"invalid escape sequence '\Z'"#),
        .init("boundary-in-class", #"[1️⃣\b]"#, #"invalid escape sequence '\b'"#),
        .init("bad-hex", #"1️⃣\xZZ"#, #"invalid escape sequence '\xZ'"#),
        .init("hex-too-large", #"1️⃣\x{110000}"#, #"invalid escape sequence '\x{110000}'"#),
        .init(
            "trailing-backslash", #"ab1️⃣\"#,
            #"trailing backslash at end of pattern; write '\\' to match a backslash"#),
        .init("unknown-unicode-class", #"1️⃣\p{Klingon}"#, #"unknown unicode class '\p{Klingon}'"#),
        .init("unknown-posix-class", "[1️⃣[:alpah:]]", "unknown POSIX class '[:alpah:]'"),
        .init(
            "unknown-flag", "1️⃣(?z)",
            "invalid or unsupported group syntax '(?z'; RE2 accepts '(?:', '(?P<name>' and the flags i, m, s, U"
        ),
        .init(
            "negated-nothing", "1️⃣(?-)",
            "invalid or unsupported group syntax '(?-)'; RE2 accepts '(?:', '(?P<name>' and the flags i, m, s, U"
        ),
        .init(
            "dangling-minus", "1️⃣(?i-)",
            "invalid or unsupported group syntax '(?i-)'; RE2 accepts '(?:', '(?P<name>' and the flags i, m, s, U"
        ),
        .init(
            "bad-group-name", "1️⃣(?P<a-b>x)",
            "invalid capture group name in '(?P<a-b>'; use letters, digits and '_', closed by '>'"
        ),
        .init(
            "duplicate-group-name", "(?P<x>a)1️⃣(?P<x>b)",
            "duplicate capture group name 'x'; give each group a distinct name"
        ),
        .init(
            "nested-counts", "(?:a{1000})1️⃣{1000}",
            "repetition '{1000}' with the counts nested inside it repeats more than 1000 times; lower the counts"
        ),
        .init(
            "nested-counts-deep", "(?:(?:a{10}){100})1️⃣{2}",
            "repetition '{2}' with the counts nested inside it repeats more than 1000 times; lower the counts"
        ),
        .init(
            "nested-counts-unbounded", "(?:a{2})1️⃣{501,}",
            "repetition '{501,}' with the counts nested inside it repeats more than 1000 times; lower the counts"
        ),
        .init(
            "program-too-large", String(repeating: "a{1000}", count: 10) + "b1️⃣{1000}",
            "pattern compiles to more than 10000 instructions; lower the repetition counts"
        ),
    ]

    @Test("the compiled-in script table reads whole: every script, every range")
    func scriptTableParses() {
        let text = String(decoding: PackageResources.UnicodeScripts_txt, as: UTF8.self)
        let lines = text.split(separator: "\n").filter { !$0.hasPrefix("#") }
        let scripts = RE2Regex.UnicodeTables.parseScripts(PackageResources.UnicodeScripts_txt)
        #expect(scripts.count == lines.count)
        #expect(scripts.keys.sorted() == ["Cyrillic", "Greek", "Han", "Hangul", "Hebrew", "Hiragana", "Katakana", "Latin", "Thai"])
        for line in lines {
            let fields = line.split(separator: " ")
            #expect(scripts[String(fields[0])]?.count == fields.count - 1, "\(fields[0])")
        }
        #expect(scripts["Thai"] == [0x0E01...0x0E3A, 0x0E40...0x0E5B])
        #expect(scripts["Latin"]?.first == 0x41...0x5A)
        // A malformed range is left out, never a crash.
        #expect(RE2Regex.UnicodeTables.parseScripts(Array("X 10..1 zz 41..5A\n".utf8)) == ["X": [0x41...0x5A]])
    }

    @Test("compile errors with their offsets", arguments: errorCases)
    func compileError(_ testCase: ErrorCase) throws {
        let (pattern, offset) = try #require(Self.unmarked(testCase.markedPattern))
        #expect(throws: RE2Regex.CompileError(message: testCase.message, offset: offset)) {
            try RE2Regex(pattern)
        }
    }

    @Test("nesting deeper than 1000 groups is rejected without overflowing the stack")
    func nestingLimit() throws {
        let deep = String(repeating: "(", count: 1001) + "a" + String(repeating: ")", count: 1001)
        #expect(
            throws: RE2Regex.CompileError(
                message: "groups nest deeper than the limit of 1000", offset: 1000)
        ) {
            try RE2Regex(deep)
        }
        let allowed =
            "^" + String(repeating: "(?:a", count: 1000) + String(repeating: ")*", count: 1000) + "$"
        let regex = try RE2Regex(allowed)
        #expect(regex.matches("aaaa") == true)
        #expect(regex.matches("b") == false)

        let branching =
            String(repeating: "(?:a|b(?:", count: 499) + "c" + String(repeating: ")*)+", count: 499)
        let branchingRegex = try RE2Regex(branching)
        #expect(branchingRegex.matches("bbbc") == true)
        #expect(branchingRegex.matches("xyz") == false)
    }

    @Test("the program size limit bounds what counted repetition can build")
    func programSizeLimit() throws {
        let limits = RE2Regex.Limits(maxProgramSize: 100)
        let message = "pattern compiles to more than 100 instructions; lower the repetition counts"
        #expect(throws: RE2Regex.CompileError(message: message, offset: 6)) {
            try RE2Regex("(?:ab){60}", limits: limits)
        }
        #expect(throws: RE2Regex.CompileError(message: message, offset: 0)) {
            try RE2Regex(String(repeating: "x", count: 101), limits: limits)
        }
        let regex = try RE2Regex("(?:ab){40}", limits: limits)
        #expect(regex.matches(String(repeating: "ab", count: 40)) == true)
    }

    @Test("the pattern length limit")
    func patternLengthLimit() {
        let limits = RE2Regex.Limits(maxPatternLength: 4)
        #expect(
            throws: RE2Regex.CompileError(
                message: "pattern is 5 scalars long, over the limit of 4", offset: 4)
        ) {
            try RE2Regex("abcde", limits: limits)
        }
        #expect((try? RE2Regex("a😀cd", limits: limits)) != nil)
    }

    /// A pattern that backtracking engines take exponential or polynomial time over.
    struct CatastrophicCase: Sendable, CustomTestStringConvertible {
        let id: String
        let pattern: String
        let text: String
        let isMatch: Bool

        var testDescription: String { id }
    }

    static let longA = String(repeating: "a", count: 30_000)
    static let longX = String(repeating: "x", count: 30_000)

    static let catastrophicCases: [CatastrophicCase] = [
        .init(id: "nested-plus", pattern: "(a+)+$", text: longA, isMatch: true),
        .init(id: "nested-plus-miss", pattern: "(a+)+$", text: longA + "!", isMatch: false),
        .init(id: "nested-plus-anchored", pattern: "^(a+)+$", text: longA + "!", isMatch: false),
        .init(id: "alternation-star", pattern: "(a|a)*b", text: longA, isMatch: false),
        .init(id: "double-plus", pattern: "(x+x+)+y", text: longX, isMatch: false),
        .init(id: "dot-star-twenty", pattern: "(.*a){20}", text: longA, isMatch: true),
        .init(
            id: "dot-star-twenty-miss", pattern: "(.*a){20}", text: String(repeating: "b", count: 30_000),
            isMatch: false),
        .init(id: "star-star", pattern: "(a*)*b", text: longA, isMatch: false),
        .init(
            id: "optional-prefix", pattern: "^(a?){30}a{30}$", text: String(repeating: "a", count: 30),
            isMatch: true),
        .init(id: "word-repeat", pattern: #"^(\w+\s?)*$"#, text: longA + "!", isMatch: false),
    ]

    @Test("catastrophic patterns run in linear time", arguments: catastrophicCases)
    func catastrophic(_ testCase: CatastrophicCase) throws {
        let regex = try RE2Regex(testCase.pattern)
        #expect(regex.matches(testCase.text) == testCase.isMatch)
    }

    @Test("the step budget ends a long search with nil")
    func stepBudget() throws {
        let regex = try RE2Regex("(x+x+)+y", limits: .init(maxSteps: 1_000))
        #expect(regex.matches(Self.longX) == nil)
        #expect(regex.matches("xxy") == true)
    }

    @Test("default limits")
    func defaultLimits() {
        let limits = RE2Regex.Limits.default
        #expect(limits.maxPatternLength == 10_000)
        #expect(limits.maxProgramSize == 10_000)
        #expect(limits.maxSteps == 50_000_000)
    }

    /// Removes the `1️⃣` marker, returning the pattern and the marker's scalar offset.
    private static func unmarked(_ marked: String) -> (String, Int)? {
        let marker = Array("1️⃣".unicodeScalars)
        let scalars = Array(marked.unicodeScalars)
        for offset in 0...(scalars.count - marker.count)
        where Array(scalars[offset..<offset + marker.count]) == marker {
            var pattern = ""
            pattern.unicodeScalars.append(contentsOf: scalars[..<offset])
            pattern.unicodeScalars.append(contentsOf: scalars[(offset + marker.count)...])
            return (pattern, offset)
        }
        return nil
    }
}
