extension RE2Regex {
    /// A set of scalars: a bracket class, a Perl, POSIX or Unicode class, or a case-folded literal.
    ///
    /// Under `(?i)` each item folds on its own before any negation, as in RE2: `(?i)\P{Lu}` excludes
    /// the lowercase letters too. Small items fold once, here; large ones fold at match time.
    struct ScalarSet: Sendable, Hashable {
        /// A named class or range, before it joins a set: ranges, general categories, or both.
        struct Item: Sendable, Hashable {
            /// Sorted, disjoint and non-adjacent ranges of scalar values.
            private(set) var ranges: [ClosedRange<UInt32>]
            /// General categories, one bit each as numbered by ``UnicodeTables/categoryBit(of:)``.
            private(set) var categoryMask: UInt32
            /// Whether the item stands for the scalars outside it (`\D`, `\PL`, `[:^alpha:]`).
            var isNegated = false
            /// Whether matching also tries the input scalar's case variants.
            var foldsCase = false

            init(ranges: [ClosedRange<UInt32>] = [], categoryMask: UInt32 = 0) {
                self.ranges = ScalarSet.normalized(ranges)
                self.categoryMask = categoryMask
            }

            /// Whether `value`, whose category bit is `categoryBit`, is in the item, ignoring
            /// ``isNegated`` and ``foldsCase``.
            func contains(_ value: UInt32, categoryBit: @autoclosure () -> UInt32) -> Bool {
                ScalarSet.ranges(ranges, contain: value) || (categoryMask != 0 && categoryBit() & categoryMask != 0)
            }

            func matches(_ probe: Probe) -> Bool {
                var isMember = contains(probe.value, categoryBit: probe.categoryBit)
                if !isMember, foldsCase {
                    isMember = probe.variants.contains {
                        contains($0, categoryBit: UnicodeTables.categoryBit(ofValue: $0))
                    }
                }
                return isMember != isNegated
            }
        }

        /// One input scalar, with what matching may ask about it worked out once per position.
        struct Probe {
            /// The scalar's value.
            let value: UInt32
            /// The scalar's ``UnicodeTables/categoryBit(of:)``, or 0 when no set tests categories.
            let categoryBit: UInt32
            /// The scalar's case variants, or empty when no set folds case at match time.
            let variants: [UInt32]
        }

        /// Scalars matched exactly, already folded where `(?i)` asked.
        private(set) var ranges: [ClosedRange<UInt32>] = []
        /// Items that test categories, or fold case at match time.
        private(set) var items: [Item] = []
        /// Whether the set matches the scalars it does not contain, as `[^...]` does.
        var isNegated = false

        init() {}

        /// The set of the given scalar values.
        init(values: some Sequence<UInt32>) {
            ranges = Self.normalized(values.map { $0...$0 })
        }

        /// The set of one item, folded if `foldingCase`.
        init(_ item: Item, foldingCase: Bool) {
            insert(item, foldingCase: foldingCase)
            normalize()
        }

        /// Whether matching needs the input scalar's case variants.
        var needsCaseVariants: Bool { items.contains { $0.foldsCase } }

        /// Adds a range, with its case variants if `foldingCase`.
        mutating func insert(_ range: ClosedRange<UInt32>, foldingCase: Bool) {
            if foldingCase {
                insert(Item(ranges: [range]), foldingCase: true)
            } else {
                ranges.append(range)
            }
        }

        /// Adds an item, folding it before applying its negation if `foldingCase`.
        mutating func insert(_ item: Item, foldingCase: Bool) {
            guard item.categoryMask == 0 else {
                var item = item
                item.foldsCase = foldingCase
                items.append(item)
                return
            }
            var members = item.ranges
            if foldingCase {
                guard let folded = Self.foldClosure(of: members) else {
                    var item = item
                    item.foldsCase = true
                    items.append(item)
                    return
                }
                members = folded
            }
            ranges += item.isNegated ? Self.complement(of: members) : members
        }

        /// Sorts and merges the ranges.
        mutating func normalize() {
            ranges = Self.normalized(ranges)
        }

        /// Whether the set tests general categories.
        var usesCategories: Bool { items.contains { $0.categoryMask != 0 } }

        /// Whether the set matches the probed scalar.
        func matches(_ probe: Probe) -> Bool {
            let isMember = Self.ranges(ranges, contain: probe.value) || items.contains { $0.matches(probe) }
            return isMember != isNegated
        }

        // MARK: - Range arithmetic

        /// Sets with more scalars than this fold at match time instead of eagerly.
        private static let maxEagerFoldSize = 512

        static func ranges(_ ranges: [ClosedRange<UInt32>], contain value: UInt32) -> Bool {
            var low = 0
            var high = ranges.count
            while low < high {
                let middle = (low + high) / 2
                if ranges[middle].upperBound < value {
                    low = middle + 1
                } else if ranges[middle].lowerBound > value {
                    high = middle
                } else {
                    return true
                }
            }
            return false
        }

        static func normalized(_ ranges: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
            guard ranges.count > 1 else { return ranges }
            var merged: [ClosedRange<UInt32>] = []
            merged.reserveCapacity(ranges.count)
            for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
                if let last = merged.last, range.lowerBound <= last.upperBound &+ 1 {
                    merged[merged.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
                } else {
                    merged.append(range)
                }
            }
            return merged
        }

        /// The ranges with every member's case variants added; `nil` when there are too many members to fold now.
        private static func foldClosure(of ranges: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>]? {
            var size = 0
            for range in ranges {
                size += Int(range.upperBound - range.lowerBound) + 1
                if size > maxEagerFoldSize { return nil }
            }
            var result = ranges
            for range in ranges {
                for value in range {
                    for variant in CaseFolding.variants(of: value) where variant != value {
                        result.append(variant...variant)
                    }
                }
            }
            return normalized(result)
        }

        private static func complement(of ranges: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
            var result: [ClosedRange<UInt32>] = []
            var next: UInt32 = 0
            for range in normalized(ranges) {
                if range.lowerBound > next {
                    result.append(next...(range.lowerBound - 1))
                }
                next = range.upperBound &+ 1
            }
            if next <= 0x10FFFF {
                result.append(next...0x10FFFF)
            }
            return result
        }
    }
}
