import Dispatch
import Foundation
import SourceDiagnostics

/// Parses a large block mapping on several cores: the text is cut into about four parts per
/// core, each parsed by its own libyaml parser, and the parts are joined in order, with every
/// position still counted from the start of the file.
///
/// A part starts at a top-level key (a piece of the root mapping) or, inside a long section,
/// at an entry line (`    - …`) or a key line (`      name: …`) that continues the sequence or
/// mapping an earlier part left open; such a part is spliced into that container — the one
/// that starts in the part's column on the last-entry chain of what came before — so one long
/// list is parsed on every core.
///
/// A container is continued only if it is a plain block container: a flow collection, or one
/// with an anchor or a tag, starts at a bracket, anchor or tag rather than at its entries'
/// column, so no part may continue it.
///
/// It only ever speeds up a document that parses; anything unusual — directives, document
/// markers, flow style at the top, a root not in column 1, line breaks other than `\n` and
/// `\r\n` (libyaml counts a lone CR, NEL, LS and PS as lines too), a line a part would have to
/// start at but cannot, an alias that refers to an anchor in another part, a repeated key, no
/// plain container to continue, any error — makes it return nil, and the caller parses the
/// whole text in one pass, which gives the canonical diagnostics.
enum SplitParse {
    /// Where a part starts: a top-level key (the part is a piece of the root mapping), or a
    /// deeper line that continues a container an earlier part opened: an entry `- ` of a
    /// block sequence or a `key:` of a block mapping, indented `indent` spaces.
    struct Cut: Equatable {
        enum Kind: Equatable {
            case topLevel
            case entry
            case key
        }

        var offset: Int
        /// The 0-based line of `offset`.
        var line: Int
        var kind: Kind
        var indent: Int
    }

    /// One part, parsed.
    struct Part: Sendable {
        var document: YAMLDocument
        var deepest: Int
        var irregular: Set<SourcePosition>
        /// An empty value at the part's end has a position from past its end: only the last
        /// part may have one (one pass ends there too).
        var hasEmptyValueAtEnd: Bool
    }

    /// Parses the text in parts on several cores and joins them; nil when it cannot be split
    /// or the parts do not join as one pass would have read them.
    /// - Parameter parts: How many parts to aim for (default: four per core, so a core that
    ///   finishes early takes the next part; nothing to split on one core).
    static func load(_ bytes: [UInt8], file: String, limits: YAMLLoader.Limits, parts: Int? = nil) -> YAMLDocument? {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let parts = parts ?? (cores > 1 ? cores * 4 : 1)
        guard parts > 1, let cuts = cutPoints(bytes, parts: parts) else { return nil }
        let starts = [Cut(offset: 0, line: 0, kind: .topLevel, indent: 0)] + cuts
        let results = parseParts(bytes, from: starts, file: file, limits: limits)
        var root = RootJoiner(firstCut: starts[0], maxDepth: limits.maxDepth, results: results)
        for (i, start) in starts.enumerated() {
            guard let part = results[i], !part.hasEmptyValueAtEnd || i == starts.count - 1 else { return nil }
            let joined =
                start.kind == .topLevel
                ? root.appendRootPiece(part.document.root, isFirst: i == 0)
                : root.continueContainer(with: part.document.root, deepest: part.deepest, from: start)
            guard joined else { return nil }
        }
        return root.document(file: file)
    }

    /// Parses each part, from its start to the next one's, on its own parser; the alias
    /// limits are shared out evenly between the parts.
    private static func parseParts(
        _ bytes: [UInt8], from starts: [Cut], file: String, limits: YAMLLoader.Limits
    ) -> [Part?] {
        let ends = starts.dropFirst().map(\.offset) + [bytes.count]
        var shared = limits
        shared.maxAliasNodes = limits.maxAliasNodes / starts.count
        shared.maxAliasBytes = limits.maxAliasBytes / starts.count
        let partLimits = shared
        return Parallel.map(starts.count) { i -> Part? in
            var parser = YAMLParser(file: file, limits: partLimits, lineOffset: starts[i].line, isPart: true)
            let document = bytes.withUnsafeBufferPointer { buffer in
                try? parser.parse(UnsafeBufferPointer(rebasing: buffer[starts[i].offset..<ends[i]]))
            }
            return document.map {
                Part(
                    document: $0, deepest: parser.deepest, irregular: parser.irregularContainers,
                    hasEmptyValueAtEnd: parser.hasEmptyValueAtEnd)
            }
        }
    }

    /// The root mapping joined from the parsed parts, in order: pieces of the root mapping
    /// are appended, parts that continue a deeper container are spliced into it.
    private struct RootJoiner {
        let maxDepth: Int
        /// Containers that no part may continue (their position is not their indentation).
        let irregular: Set<SourcePosition>
        var keys: [Value] = []
        var values: [Value] = []
        var positions: [SourcePosition] = []
        var seen = Set<MapKey>()
        var rootPosition = SourcePosition.unknown
        /// Consecutive parts that continue the same container, spliced in together.
        var pending: [Value] = []
        var pendingStart: Cut
        var pendingDeepest = 0

        init(firstCut: Cut, maxDepth: Int, results: [Part?]) {
            self.maxDepth = maxDepth
            var irregular = Set<SourcePosition>()
            for case let part? in results { irregular.formUnion(part.irregular) }
            self.irregular = irregular
            pendingStart = firstCut
        }

        /// Appends the entries of a part that is a piece of the root mapping; false when it is
        /// not a block mapping with keys new to the root.
        mutating func appendRootPiece(_ root: Value, isFirst: Bool) -> Bool {
            guard splice(), case .map(let map) = root, map.entryPositions.count == 2 * map.count else { return false }
            if isFirst {
                // The root mapping is a block mapping in column 1, as the cuts assumed.
                guard map.position.column == 1, !irregular.contains(map.position) else { return false }
                rootPosition = map.position
            }
            for k in 0..<map.count {
                guard let key = MapKey(map.keys[k]), seen.insert(key).inserted else { return false }
            }
            keys += map.keys
            values += map.values
            positions += map.entryPositions
            return true
        }

        /// Queues a part that continues a container an earlier part opened; false when there
        /// is nothing to continue or an earlier queue does not splice.
        mutating func continueContainer(with root: Value, deepest: Int, from start: Cut) -> Bool {
            guard !values.isEmpty else { return false }
            if !pending.isEmpty, pendingStart.kind != start.kind || pendingStart.indent != start.indent {
                guard splice() else { return false }
            }
            if pending.isEmpty {
                pendingStart = start
                pendingDeepest = 0
            }
            pending.append(root)
            pendingDeepest = max(pendingDeepest, deepest)
            return true
        }

        /// Splices the queued parts into the container they continue; false when there is no
        /// such container or the result nests too deep.
        mutating func splice() -> Bool {
            guard !pending.isEmpty else { return true }
            defer { pending = [] }
            guard let last = values.last,
                let (value, depth) = SplitParse.appending(
                    pending, to: last, kind: pendingStart.kind, column: pendingStart.indent + 1, except: irregular),
                // The root map, the containers down to the continued one, and the parts' own
                // levels below it: what one pass would have counted.
                1 + depth + pendingDeepest - 1 <= maxDepth
            else { return false }
            values[values.count - 1] = value
            return true
        }

        /// The joined document, after splicing what is still queued.
        mutating func document(file: String) -> YAMLDocument? {
            guard splice() else { return nil }
            return YAMLDocument(
                file: file,
                root: .map(ValueMap(keys: keys, values: values, entryPositions: positions, position: rootPosition)),
                rootPosition: rootPosition)
        }
    }

    /// `value` with the parts' entries appended to the container of `kind` that starts in
    /// `column` on its last-entry chain (the last value of each map, the last element of each
    /// list) and is a plain block container (not in `irregular`), and the number of containers
    /// down to it; nil when there is none, or when the parts are not such containers
    /// themselves, or a key would repeat.
    static func appending(
        _ parts: [Value], to value: Value, kind: Cut.Kind, column: Int, except irregular: Set<SourcePosition>
    ) -> (Value, Int)? {
        switch value {
        case .list(let list):
            if kind == .entry, list.position.column == column, list.position.isKnown, !irregular.contains(list.position) {
                var elements = list.elements
                var positions = list.positions
                guard positions.count == elements.count else { return nil }
                // Sized once for every part: growing by doubling would copy a long list again
                // and again.
                let total = elements.count + parts.reduce(0) { sum, part in
                    if case .list(let more) = part { sum + more.count } else { sum }
                }
                elements.reserveCapacity(total)
                positions.reserveCapacity(total)
                for part in parts {
                    guard case .list(let more) = part, more.position.column == column, !irregular.contains(more.position),
                        more.positions.count == more.elements.count
                    else { return nil }
                    elements += more.elements
                    positions += more.positions
                }
                return (.list(ValueList(elements, positions: positions, position: list.position)), 1)
            }
            guard let last = list.elements.last, let (inner, depth) = appending(parts, to: last, kind: kind, column: column, except: irregular)
            else { return nil }
            var elements = list.elements
            elements[elements.count - 1] = inner
            return (.list(ValueList(elements, positions: list.positions, position: list.position)), depth + 1)
        case .map(let map):
            if kind == .key, map.position.column == column, map.position.isKnown, !irregular.contains(map.position) {
                var keys = map.keys
                var values = map.values
                var positions = map.entryPositions
                guard positions.count == 2 * keys.count else { return nil }
                let total = keys.count + parts.reduce(0) { sum, part in
                    if case .map(let more) = part { sum + more.count } else { sum }
                }
                keys.reserveCapacity(total)
                values.reserveCapacity(total)
                positions.reserveCapacity(2 * total)
                var seen = Set<MapKey>()
                for key in keys {
                    guard let k = MapKey(key) else { return nil }
                    seen.insert(k)
                }
                for part in parts {
                    guard case .map(let more) = part, more.position.column == column, !irregular.contains(more.position),
                        more.entryPositions.count == 2 * more.count
                    else { return nil }
                    for key in more.keys {
                        guard let k = MapKey(key), seen.insert(k).inserted else { return nil }
                    }
                    keys += more.keys
                    values += more.values
                    positions += more.entryPositions
                }
                return (.map(ValueMap(keys: keys, values: values, entryPositions: positions, position: map.position)), 1)
            }
            guard let last = map.values.last, let (inner, depth) = appending(parts, to: last, kind: kind, column: column, except: irregular)
            else { return nil }
            var values = map.values
            values[values.count - 1] = inner
            return (.map(ValueMap(keys: map.keys, values: values, entryPositions: map.entryPositions, position: map.position)), depth + 1)
        default:
            return nil
        }
    }

    /// Where to cut the text into about `parts` equal parts, or nil when it is not a plain
    /// top-level block mapping (or a line where a part must end is not one a part can start
    /// at).
    ///
    /// A part may start at a top-level key, or at an entry or key line inside a section. A part
    /// that starts at indentation `w` continues one container, so it must end before the next
    /// line indented less than `w`, or indented `w` but of the other kind: such a line is cut
    /// too.
    static func cutPoints(_ bytes: [UInt8], parts: Int) -> [Cut]? {
        bytes.withUnsafeBufferPointer { buffer -> [Cut]? in
            guard let base = buffer.baseAddress else { return nil }
            let n = buffer.count
            // Parts start counting lines where the cuts say; only `\n` is counted here.
            guard !hasOtherLineBreaks(base, n) else { return nil }
            var cuts: [Cut] = []
            var current = Cut(offset: 0, line: 0, kind: .topLevel, indent: 0)
            var nextIdeal = 1
            var line = 0
            var offset = 0
            var sections = 0
            var ideal = n / parts
            var blockScalarIndent: Int?
            // The last line with content (not blank, not a comment, not inside a block scalar).
            var previous: (start: Int, indent: Int)?
            // The next `#` at or after the line being read (`n` when there is none): most
            // lines have none, and need no search of their own for a comment.
            var nextHash = -1
            while offset < n {
                let start = offset
                offset = nextLine(base, n, after: start)
                defer { line += 1 }
                // Most lines need only their indentation looked at.
                var i = start
                while i < offset, base[i] == UInt8(ascii: " ") { i += 1 }
                let isBlank = i == offset || base[i] == UInt8(ascii: "\n") || base[i] == UInt8(ascii: "\r")
                if let scalar = blockScalarIndent {
                    // The lines of a block scalar (`|`, `>`) are text, whatever they look like.
                    if isBlank || i - start > scalar { continue }
                    blockScalarIndent = nil
                }
                if isBlank || base[i] == UInt8(ascii: "#") { continue }
                let before = previous
                previous = (start, i - start)
                if nextHash < i {
                    nextHash = memchr(base + i, Int32(UInt8(ascii: "#")), n - i)
                        .map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? n
                }
                if startsBlockScalar(base, from: i, to: offset, mayHaveComment: nextHash < offset) {
                    blockScalarIndent = i - start
                }
                let isPastIdeal = nextIdeal < parts && start >= ideal
                guard i - start == 0 || isPastIdeal || (current.kind != .topLevel && i - start <= current.indent),
                    let (kind, indent) = classify(base, from: start, to: offset)
                else { continue }
                let cut = kind.map { Cut(offset: start, line: line, kind: $0, indent: indent) }
                if indent == 0 {
                    // Column 1: only top-level keys (markers, directives, flow or sequence
                    // tops, tags, anchors, a BOM are not ours).
                    guard let cut, cut.kind == .topLevel else { return nil }
                    sections += 1
                    if current.kind != .topLevel {
                        cuts.append(cut)
                        current = cut
                    }
                } else if current.kind != .topLevel,
                    indent < current.indent || (indent == current.indent && current.kind == .entry && kind != .entry)
                {
                    // (A key part may hold entries at its own indentation: an indentless list.)
                    // The container this part continues ends here: so does the part.
                    guard let cut else { return nil }
                    cuts.append(cut)
                    current = cut
                }
                guard isPastIdeal, let cut, start > 0, let before,
                    continuesContainer(cut, after: before.start, indent: before.indent, base, n)
                else { continue }
                if cut.offset != cuts.last?.offset { cuts.append(cut) }
                current = cut
                while nextIdeal < parts, start >= ideal {
                    nextIdeal += 1
                    ideal = n * nextIdeal / parts
                }
            }
            return sections >= 1 && !cuts.isEmpty ? cuts : nil
        }
    }

    /// Whether a part starting at `cut` continues a container the text before it opened, judged
    /// by the line with content before it: an entry continues a list whose entry (or an entry's
    /// content) came before; a key continues a mapping whose key came before at its column.
    static func continuesContainer(
        _ cut: Cut, after start: Int, indent: Int, _ base: UnsafePointer<UInt8>, _ n: Int
    ) -> Bool {
        switch cut.kind {
        case .topLevel:
            return true
        case .entry:
            if indent > cut.indent { return true }
            return indent == cut.indent && classify(base, from: start, to: nextLine(base, n, after: start))?.0 == .entry
        case .key:
            // The column where the line's content starts, past any `- ` indicators.
            var i = start + indent
            while i + 1 < n, base[i] == UInt8(ascii: "-"), base[i + 1] == UInt8(ascii: " ") {
                i += 2
                while i < n, base[i] == UInt8(ascii: " ") { i += 1 }
            }
            guard i < n, base[i] != UInt8(ascii: "\n"), base[i] != UInt8(ascii: "\r"), base[i] != UInt8(ascii: "#") else {
                return indent >= cut.indent
            }
            return i - start >= cut.indent
        }
    }

    /// Whether the text holds a line break libyaml counts besides `\n` and `\r\n`: a lone `\r`,
    /// NEL (U+0085), LS (U+2028) or PS (U+2029).
    static func hasOtherLineBreaks(_ base: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        func find(_ byte: UInt8, then isBreak: (Int) -> Bool) -> Bool {
            var offset = 0
            while offset < n, let hit = memchr(base + offset, Int32(byte), n - offset) {
                let i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if isBreak(i) { return true }
                offset = i + 1
            }
            return false
        }
        return find(0x0D) { $0 + 1 >= n || base[$0 + 1] != 0x0A }
            || find(0xC2) { $0 + 1 < n && base[$0 + 1] == 0x85 }
            || find(0xE2) { $0 + 2 < n && base[$0 + 1] == 0x80 && (base[$0 + 2] == 0xA8 || base[$0 + 2] == 0xA9) }
    }

    /// Whether a line ends in a block scalar's header (`|`, `>-`, `|2+` …) after a space.
    /// (`mayHaveComment` false: the line holds no `#`, so no comment needs looking for.)
    static func startsBlockScalar(
        _ base: UnsafePointer<UInt8>, from start: Int, to end: Int, mayHaveComment: Bool = true
    ) -> Bool {
        // A comment after the header (`key: | # note`) ends the line's content.
        var end = end
        var from = start
        while mayHaveComment, from < end, let hash = memchr(base + from, Int32(UInt8(ascii: "#")), end - from) {
            let h = base.distance(to: hash.assumingMemoryBound(to: UInt8.self))
            if h > start, base[h - 1] == UInt8(ascii: " ") {
                end = h
                break
            }
            from = h + 1
        }
        var j = end - 1
        while j > start, base[j] == UInt8(ascii: "\n") || base[j] == UInt8(ascii: "\r") || base[j] == UInt8(ascii: " ") {
            j -= 1
        }
        while j > start, base[j] == UInt8(ascii: "+") || base[j] == UInt8(ascii: "-")
            || (base[j] >= UInt8(ascii: "1") && base[j] <= UInt8(ascii: "9"))
        {
            j -= 1
        }
        guard j > start, base[j] == UInt8(ascii: "|") || base[j] == UInt8(ascii: ">") else { return false }
        return base[j - 1] == UInt8(ascii: " ")
    }

    /// The offset just after the next newline, or `n`.
    static func nextLine(_ base: UnsafePointer<UInt8>, _ n: Int, after offset: Int) -> Int {
        guard let newline = memchr(base + offset, Int32(UInt8(ascii: "\n")), n - offset) else { return n }
        return base.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1
    }

    /// What a line can start: a part (its kind) or nothing (nil kind), with its indentation;
    /// nil for a blank or comment line.
    static func classify(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> (Cut.Kind?, Int)? {
        var i = start
        while i < end, base[i] == UInt8(ascii: " ") { i += 1 }
        let indent = i - start
        guard i < end else { return nil }
        let first = base[i]
        if first == UInt8(ascii: "\n") || first == UInt8(ascii: "\r") || first == UInt8(ascii: "#") { return nil }
        if indent == 0 {
            switch first {
            case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "%"), UInt8(ascii: "{"), UInt8(ascii: "["),
                UInt8(ascii: "?"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"),
                UInt8(ascii: ">"), UInt8(ascii: "\t"), UInt8(ascii: "@"), UInt8(ascii: "`"), 0xEF, 0xFE, 0xFF, 0:
                return (nil, 0)
            default:
                return (.topLevel, 0)
            }
        }
        if first == UInt8(ascii: "-") {
            let next = i + 1 < end ? base[i + 1] : UInt8(ascii: "\n")
            let isEntry = next == UInt8(ascii: " ") || next == UInt8(ascii: "\n") || next == UInt8(ascii: "\r")
            return (isEntry ? .entry : nil, indent)
        }
        // A plain key: a letter, digit or underscore, then name characters up to `: ` or `:`
        // at the line's end. Anything else (quoted keys, flow, tags, anchors, tabs, scalar
        // text) starts no part.
        guard isKeyStart(first) else { return (nil, indent) }
        var j = i + 1
        while j < end, isKeyCharacter(base[j]) { j += 1 }
        guard j < end, base[j] == UInt8(ascii: ":") else { return (nil, indent) }
        let after = j + 1 < end ? base[j + 1] : UInt8(ascii: "\n")
        let isKey = after == UInt8(ascii: " ") || after == UInt8(ascii: "\n") || after == UInt8(ascii: "\r")
        return (isKey ? .key : nil, indent)
    }

    static func isKeyStart(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
            || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c == UInt8(ascii: "_")
    }

    static func isKeyCharacter(_ c: UInt8) -> Bool {
        isKeyStart(c) || c == UInt8(ascii: "-") || c == UInt8(ascii: ".")
    }
}
