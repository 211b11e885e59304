import StrictYAML

/// The work of a call that the sizes of its arguments and result do not show, charged before
/// the call runs.
///
/// `CELCost` charges a call after it returns, by the top-level sizes of its arguments and
/// result (a list costs 8 bytes per element, whatever its elements hold). That bounds most
/// calls, but not those whose work or result grows with what the elements hold or with a
/// product of the arguments: `join` over many references to one long string, `replace` of the
/// empty string by a long one, `countIn` over many references to one long list, and `==` or
/// `in` comparing long strings or deep lists element by element. For these an estimate — the
/// bytes the call will read or add, at most `cap` — is charged first, so the budget ends the
/// call before it allocates gigabytes or scans for minutes.
enum CELPreflight {
    /// A call that needs an estimate.
    enum Estimate: Sendable {
        case join, replace, countIn, comparison, membership

        /// The calls that need one, by function name (member and global functions share no
        /// such name).
        static let byFunction: [String: Estimate] = [
            "join": .join, "replace": .replace, "countIn": .countIn, "_==_": .comparison, "_!=_": .comparison,
            "@in": .membership,
        ]

        /// The bytes the call will read below its arguments' top level or add to its result,
        /// from its (up to four) arguments, `.null` standing for an argument not given;
        /// counting stops at `cap`.
        @inline(__always)
        func bytes(_ a: Value, _ b: Value, _ c: Value, _ d: Value, cap: Int) -> Int {
            switch self {
            case .join: CELPreflight.joinedBytes(a, separator: b, cap: cap)
            case .replace: CELPreflight.replacementGrowth(a, b, c, limit: d, cap: cap)
            case .countIn: CELPreflight.innerElementBytes(b, cap: cap)
            case .comparison: CELPreflight.comparedBytes(a, b, cap: cap)
            case .membership: CELPreflight.membershipBytes(a, b, cap: cap)
            }
        }
    }

    /// The text `join` builds: every element and the separators between them.
    static func joinedBytes(_ list: Value, separator: Value, cap: Int) -> Int {
        guard case .list(let l) = list else { return 0 }
        var separatorBytes = 0
        if case .string(let s) = separator { separatorBytes = s.utf8.count }
        var total = 0
        for element in l.elements {
            guard case .string(let s) = element else { continue }
            total &+= s.utf8.count &+ separatorBytes
            if total >= cap { return cap }
        }
        return total
    }

    /// What `replace` adds to the text: each replacement's length beyond the text it replaces.
    static func replacementGrowth(_ text: Value, _ old: Value, _ new: Value, limit: Value, cap: Int) -> Int {
        guard case .string(let t) = text, case .string(let o) = old, case .string(let n) = new else { return 0 }
        let growth = n.utf8.count - o.utf8.count
        guard growth > 0 else { return 0 }
        var most = Int.max
        if case .int(let l) = limit, l >= 0 { most = Int(clamping: l) }
        let scalars = Array(t.unicodeScalars)
        let needle = Array(o.unicodeScalars)
        var count = 0
        if needle.isEmpty {
            count = min(most, scalars.count + 1)
        } else {
            let search = SubstringSearch(needle)
            var from = 0
            while count < most, let at = search.firstIndex(in: scalars, from: from) {
                count += 1
                from = at + needle.count
            }
        }
        let (bytes, overflow) = count.multipliedReportingOverflow(by: growth)
        return overflow ? cap : min(bytes, cap)
    }

    /// The elements `countIn` hashes: those of every inner list.
    static func innerElementBytes(_ lists: Value, cap: Int) -> Int {
        guard case .list(let outer) = lists else { return 0 }
        var total = 0
        for element in outer.elements {
            if case .list(let inner) = element { total &+= inner.count &* 8 }
            if total >= cap { return cap }
        }
        return total
    }

    /// What `==` reads comparing two lists or two maps of the same length: at most the smaller
    /// one, element by element. Strings and other values cost what their sizes show.
    @inline(__always)
    static func comparedBytes(_ a: Value, _ b: Value, cap: Int) -> Int {
        switch (a, b) {
        case (.list(let x), .list(let y)):
            guard x !== y, x.count == y.count else { return 0 }
        case (.map(let x), .map(let y)):
            guard x !== y, x.count == y.count else { return 0 }
        default:
            return 0
        }
        return deepSize(a, cap: deepSize(b, cap: cap))
    }

    /// What `in` reads looking for an element in a list: at most the element's size per entry.
    static func membershipBytes(_ element: Value, _ container: Value, cap: Int) -> Int {
        guard case .list(let list) = container, list.count > 0 else { return 0 }
        let each = max(deepSize(element, cap: cap), 8)
        let (bytes, overflow) = list.count.multipliedReportingOverflow(by: each)
        return overflow ? cap : min(bytes, cap)
    }

    /// The bytes a value holds at every level, as `CELCost.size` counts each level (a list
    /// holding one string a thousand times holds it a thousand times); counting stops at `cap`.
    static func deepSize(_ value: Value, cap: Int) -> Int {
        var total = 0
        add(value, to: &total, cap: cap)
        return min(total, cap)
    }

    private static func add(_ value: Value, to total: inout Int, cap: Int) {
        switch value {
        case .list(let list):
            total &+= list.count &* 8
            for element in list.elements {
                if total >= cap { return }
                add(element, to: &total, cap: cap)
            }
        case .map(let map):
            total &+= map.count &* 16
            for i in 0..<map.count {
                if total >= cap { return }
                add(map.keys[i], to: &total, cap: cap)
                add(map.values[i], to: &total, cap: cap)
            }
        case .optional(let optional):
            if let wrapped = optional.wrapped { add(wrapped, to: &total, cap: cap) }
        default:
            total &+= CELCost.size(value)
        }
    }
}

extension CELFrame {
    /// Charges a call's arguments before it runs: their sizes (`CELCost`), so that a call that
    /// fails part-way through a long argument has still paid for reading it, and the estimate
    /// of the call, if it has one (see `CELPreflight`). The result is charged after the call.
    @inline(__always)
    func chargeArguments(
        _ estimate: CELPreflight.Estimate?, _ a: Value, _ b: Value = .null, _ c: Value = .null, _ d: Value = .null,
        at offset: Int
    ) throws(CELEvaluationError) {
        try charge(CELCost.of(a, b, c, d), at: offset)
        guard let estimate else { return }
        // Counting beyond what the whole per-expression budget pays for changes nothing.
        let cap = (maxSteps &+ 1) &* CELCost.bytesPerStep
        try charge(estimate.bytes(a, b, c, d, cap: cap) / CELCost.bytesPerStep, at: offset)
    }

    /// Charges the arguments of a call with any number of them.
    func chargeArguments(
        _ estimate: CELPreflight.Estimate?, arguments: [Value], at offset: Int
    ) throws(CELEvaluationError) {
        guard arguments.count <= 4 else {
            try charge(CELCost.of(.null, arguments: arguments), at: offset)
            return
        }
        func argument(_ i: Int) -> Value { i < arguments.count ? arguments[i] : .null }
        try chargeArguments(estimate, argument(0), argument(1), argument(2), argument(3), at: offset)
    }
}

extension CELFrame {
    /// Charges the steps a regular-expression search took (`CELCost.regex`). A search that ran
    /// out of its own step limit is charged too, but its timeout, not the budget, is the error.
    @inline(__always)
    func chargeSearch(_ machineSteps: Int, timedOut: Bool, at offset: Int) throws(CELEvaluationError) {
        do {
            try charge(CELCost.regex(machineSteps), at: offset)
        } catch {
            if !timedOut { throw error }
        }
    }
}
