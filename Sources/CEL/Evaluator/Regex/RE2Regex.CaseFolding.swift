extension RE2Regex {
    /// Simple case folding for `(?i)`: scalars match case-insensitively when they share an orbit.
    ///
    /// An orbit is a set of scalars with the same simple case fold, such as `k`, `K` and the Kelvin
    /// sign, or `µ`, `Μ` and `μ`. The standard library has case mappings but no case folding, so the
    /// fold is taken as the lowercase of the uppercase, and the orbits are gathered once, on first use.
    enum CaseFolding {
        /// The scalar values that match `value` case-insensitively, `value` first.
        static func variants(of value: UInt32) -> [UInt32] {
            guard let orbit = orbits[value] else { return [value] }
            return [value] + orbit.filter { $0 != value }
        }

        /// Every scalar in a non-trivial orbit, mapped to its orbit.
        private static let orbits: [UInt32: [UInt32]] = {
            var membersByFold: [UInt32: [UInt32]] = [:]
            // Every cased scalar lies in the first two planes.
            for value: UInt32 in 0...0x1_FFFF {
                guard let scalar = Unicode.Scalar(value), scalar.properties.changesWhenCaseMapped else { continue }
                membersByFold[fold(of: scalar).value, default: []].append(value)
            }
            var orbits: [UInt32: [UInt32]] = [:]
            for (fold, members) in membersByFold {
                let orbit = members.contains(fold) ? members : [fold] + members
                guard orbit.count > 1 else { continue }
                for member in orbit {
                    orbits[member] = orbit
                }
            }
            return orbits
        }()

        /// The simple case fold of `scalar`, approximated by the lowercase of its uppercase.
        private static func fold(of scalar: Unicode.Scalar) -> Unicode.Scalar {
            // Turkic dotless ı folds to nothing in CaseFolding.txt, though it uppercases to I.
            guard scalar != "\u{0131}" else { return scalar }
            let upper = single(scalar.properties.uppercaseMapping) ?? scalar
            return single(upper.properties.lowercaseMapping) ?? upper
        }

        private static func single(_ mapping: String) -> Unicode.Scalar? {
            var iterator = mapping.unicodeScalars.makeIterator()
            guard let first = iterator.next(), iterator.next() == nil else { return nil }
            return first
        }
    }
}
