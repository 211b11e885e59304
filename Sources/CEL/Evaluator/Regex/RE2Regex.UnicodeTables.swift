extension RE2Regex {
    /// The named classes RE2 knows: Perl (`\d`), POSIX (`[:alpha:]`) and Unicode (`\p{Lu}`, `\p{Han}`).
    enum UnicodeTables {
        /// The Unicode general categories by their two-letter codes; a category's bit is its index here.
        private static let generalCategories: [(code: String, category: Unicode.GeneralCategory)] = [
            ("Cc", .control), ("Cf", .format), ("Co", .privateUse), ("Cs", .surrogate),
            ("Ll", .lowercaseLetter), ("Lm", .modifierLetter), ("Lo", .otherLetter),
            ("Lt", .titlecaseLetter), ("Lu", .uppercaseLetter),
            ("Mc", .spacingMark), ("Me", .enclosingMark), ("Mn", .nonspacingMark),
            ("Nd", .decimalNumber), ("Nl", .letterNumber), ("No", .otherNumber),
            ("Pc", .connectorPunctuation), ("Pd", .dashPunctuation), ("Pe", .closePunctuation),
            ("Pf", .finalPunctuation), ("Pi", .initialPunctuation), ("Po", .otherPunctuation),
            ("Ps", .openPunctuation),
            ("Sc", .currencySymbol), ("Sk", .modifierSymbol), ("Sm", .mathSymbol), ("So", .otherSymbol),
            ("Zl", .lineSeparator), ("Zp", .paragraphSeparator), ("Zs", .spaceSeparator),
            ("Cn", .unassigned),
        ]

        private static let bitsByCategory: [Unicode.GeneralCategory: UInt32] = Dictionary(
            uniqueKeysWithValues: generalCategories.enumerated().map {
                ($1.category, UInt32(1) << UInt32($0))
            }
        )

        /// The bit standing for `category` in a ``ScalarSet/Item/categoryMask``.
        static func categoryBit(of category: Unicode.GeneralCategory) -> UInt32 {
            bitsByCategory[category] ?? 0
        }

        /// The bit standing for the general category of the scalar `value`; 0 for a surrogate code point.
        static func categoryBit(ofValue value: UInt32) -> UInt32 {
            guard let scalar = Unicode.Scalar(value) else { return 0 }
            return categoryBit(of: scalar.properties.generalCategory)
        }

        /// The set named by `\p{name}`: `Any`, a general category (`L`, `Lu`) or a script (`Han`).
        static func unicodeClass(named name: String) -> ScalarSet.Item? {
            if name == "Any" {
                return ScalarSet.Item(ranges: [0...0x10FFFF])
            }
            var mask: UInt32 = 0
            for (index, entry) in generalCategories.enumerated() {
                // RE2's one-letter groups leave out the unassigned scalars (Cn).
                let isInGroup = name.count == 1 && entry.code.hasPrefix(name) && entry.code != "Cn"
                if entry.code == name || isInGroup {
                    mask |= UInt32(1) << UInt32(index)
                }
            }
            if mask != 0 {
                return ScalarSet.Item(categoryMask: mask)
            }
            return scripts[name].map { ScalarSet.Item(ranges: $0) }
        }

        /// The set for `\d`, `\s` or `\w` (ASCII only, as in RE2); `nil` for other letters.
        static func perlClass(_ letter: Unicode.Scalar) -> ScalarSet.Item? {
            switch letter {
            case "d": ScalarSet.Item(ranges: [0x30...0x39])
            case "s": ScalarSet.Item(ranges: [0x09...0x0A, 0x0C...0x0D, 0x20...0x20])
            case "w": ScalarSet.Item(ranges: [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A])
            default: nil
            }
        }

        /// The set for `[:name:]` inside a bracket class; `nil` for unknown names.
        static func posixClass(named name: String) -> ScalarSet.Item? {
            let ranges: [ClosedRange<UInt32>]? =
                switch name {
                case "alnum": [0x30...0x39, 0x41...0x5A, 0x61...0x7A]
                case "alpha": [0x41...0x5A, 0x61...0x7A]
                case "ascii": [0x00...0x7F]
                case "blank": [0x09...0x09, 0x20...0x20]
                case "cntrl": [0x00...0x1F, 0x7F...0x7F]
                case "digit": [0x30...0x39]
                case "graph": [0x21...0x7E]
                case "lower": [0x61...0x7A]
                case "print": [0x20...0x7E]
                case "punct": [0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E]
                case "space": [0x09...0x0D, 0x20...0x20]
                case "upper": [0x41...0x5A]
                case "word": [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A]
                case "xdigit": [0x30...0x39, 0x41...0x46, 0x61...0x66]
                default: nil
                }
            return ranges.map { ScalarSet.Item(ranges: $0) }
        }

        /// Scripts from Unicode 15's `Scripts.txt`; the standard library exposes no script property.
        private static let scripts: [String: [ClosedRange<UInt32>]] = [
            "Cyrillic": [
                0x0400...0x0484, 0x0487...0x052F, 0x1C80...0x1C88, 0x1D2B...0x1D2B, 0x1D78...0x1D78,
                0x2DE0...0x2DFF, 0xA640...0xA69F, 0xFE2E...0xFE2F, 0x1E030...0x1E06D, 0x1E08F...0x1E08F,
            ],
            "Greek": [
                0x0370...0x0373, 0x0375...0x0377, 0x037A...0x037D, 0x037F...0x037F, 0x0384...0x0384,
                0x0386...0x0386, 0x0388...0x038A, 0x038C...0x038C, 0x038E...0x03A1, 0x03A3...0x03E1,
                0x03F0...0x03FF, 0x1D26...0x1D2A, 0x1D5D...0x1D61, 0x1D66...0x1D6A, 0x1DBF...0x1DBF,
                0x1F00...0x1F15, 0x1F18...0x1F1D, 0x1F20...0x1F45, 0x1F48...0x1F4D, 0x1F50...0x1F57,
                0x1F59...0x1F59, 0x1F5B...0x1F5B, 0x1F5D...0x1F5D, 0x1F5F...0x1F7D, 0x1F80...0x1FB4,
                0x1FB6...0x1FC4, 0x1FC6...0x1FD3, 0x1FD6...0x1FDB, 0x1FDD...0x1FEF, 0x1FF2...0x1FF4,
                0x1FF6...0x1FFE, 0x2126...0x2126, 0xAB65...0xAB65, 0x10140...0x1018E, 0x101A0...0x101A0,
                0x1D200...0x1D245,
            ],
            "Han": [
                0x2E80...0x2E99, 0x2E9B...0x2EF3, 0x2F00...0x2FD5, 0x3005...0x3005, 0x3007...0x3007,
                0x3021...0x3029, 0x3038...0x303B, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFA6D,
                0xFA70...0xFAD9, 0x16FE2...0x16FE3, 0x16FF0...0x16FF1, 0x20000...0x2A6DF, 0x2A700...0x2B739,
                0x2B740...0x2B81D, 0x2B820...0x2CEA1, 0x2CEB0...0x2EBE0, 0x2F800...0x2FA1D,
                0x30000...0x3134A,
                0x31350...0x323AF,
            ],
            "Hangul": [
                0x1100...0x11FF, 0x302E...0x302F, 0x3131...0x318E, 0x3200...0x321E, 0x3260...0x327E,
                0xA960...0xA97C, 0xAC00...0xD7A3, 0xD7B0...0xD7C6, 0xD7CB...0xD7FB, 0xFFA0...0xFFBE,
                0xFFC2...0xFFC7, 0xFFCA...0xFFCF, 0xFFD2...0xFFD7, 0xFFDA...0xFFDC,
            ],
            "Hebrew": [
                0x0591...0x05C7, 0x05D0...0x05EA, 0x05EF...0x05F4, 0xFB1D...0xFB36, 0xFB38...0xFB3C,
                0xFB3E...0xFB3E, 0xFB40...0xFB41, 0xFB43...0xFB44, 0xFB46...0xFB4F,
            ],
            "Hiragana": [
                0x3041...0x3096, 0x309D...0x309F, 0x1B001...0x1B11F, 0x1B132...0x1B132, 0x1B150...0x1B152,
                0x1F200...0x1F200,
            ],
            "Katakana": [
                0x30A1...0x30FA, 0x30FD...0x30FF, 0x31F0...0x31FF, 0x32D0...0x32FE, 0x3300...0x3357,
                0xFF66...0xFF6F, 0xFF71...0xFF9D, 0x1AFF0...0x1AFF3, 0x1AFF5...0x1AFFB, 0x1AFFD...0x1AFFE,
                0x1B000...0x1B000, 0x1B120...0x1B122, 0x1B155...0x1B155, 0x1B164...0x1B167,
            ],
            "Latin": [
                0x0041...0x005A, 0x0061...0x007A, 0x00AA...0x00AA, 0x00BA...0x00BA, 0x00C0...0x00D6,
                0x00D8...0x00F6, 0x00F8...0x02B8, 0x02E0...0x02E4, 0x1D00...0x1D25, 0x1D2C...0x1D5C,
                0x1D62...0x1D65, 0x1D6B...0x1D77, 0x1D79...0x1DBE, 0x1E00...0x1EFF, 0x2071...0x2071,
                0x207F...0x207F, 0x2090...0x209C, 0x212A...0x212B, 0x2132...0x2132, 0x214E...0x214E,
                0x2160...0x2188, 0x2C60...0x2C7F, 0xA722...0xA787, 0xA78B...0xA7CA, 0xA7D0...0xA7D1,
                0xA7D3...0xA7D3, 0xA7D5...0xA7D9, 0xA7F2...0xA7FF, 0xAB30...0xAB5A, 0xAB5C...0xAB64,
                0xAB66...0xAB69, 0xFB00...0xFB06, 0xFF21...0xFF3A, 0xFF41...0xFF5A, 0x10780...0x10785,
                0x10787...0x107B0, 0x107B2...0x107BA, 0x1DF00...0x1DF1E, 0x1DF25...0x1DF2A,
            ],
            "Thai": [0x0E01...0x0E3A, 0x0E40...0x0E5B],
        ]
    }
}
