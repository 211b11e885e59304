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

        /// Scripts from Unicode 15's `Scripts.txt` (`UnicodeScripts.txt`, compiled in); the
        /// standard library exposes no script property.
        private static let scripts = parseScripts(PackageResources.UnicodeScripts_txt)

        /// Reads `UnicodeScripts.txt`: `#` comments, then a line per script, its name and its
        /// ranges in hex (`0400..0484`, or one code point alone).
        static func parseScripts(_ bytes: [UInt8]) -> [String: [ClosedRange<UInt32>]] {
            var scripts: [String: [ClosedRange<UInt32>]] = [:]
            for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") where !line.hasPrefix("#") {
                let fields = line.split(separator: " ")
                guard let name = fields.first else { continue }
                scripts[String(name)] = fields.dropFirst().compactMap { field in
                    let ends = field.split(separator: ".", omittingEmptySubsequences: true).compactMap { UInt32($0, radix: 16) }
                    guard let first = ends.first, let last = ends.last, first <= last else { return nil }
                    return first...last
                }
            }
            return scripts
        }
    }
}
