import Dispatch
import Foundation
import SourceDiagnostics

/// Parses a large block mapping on several cores: the text is cut at top-level keys (lines that
/// start in column 1), each part is parsed by its own libyaml parser, and the parts' mappings
/// are joined in order, with every position still counted from the start of the file.
///
/// It only ever speeds up a document that parses; anything unusual — directives, document
/// markers, flow style at the top, an alias that refers to an anchor in another part, a
/// duplicate top-level key, any error — makes it return nil, and the caller parses the whole
/// text in one pass, which gives the canonical diagnostics.
enum SplitParse {
    static func load(_ bytes: [UInt8], file: String, limits: YAMLLoader.Limits) -> YAMLDocument? {
        let parts = ProcessInfo.processInfo.activeProcessorCount
        guard parts > 1, let cuts = cutPoints(bytes, parts: parts) else { return nil }
        var ranges: [(start: Int, end: Int, line: Int)] = []
        var previous = (offset: 0, line: 0)
        for cut in cuts {
            ranges.append((previous.offset, cut.offset, previous.line))
            previous = cut
        }
        ranges.append((previous.offset, bytes.count, previous.line))
        var shared = limits
        shared.maxAliasNodes = limits.maxAliasNodes / ranges.count
        let partLimits = shared
        let jobs = ranges
        let results = Parallel.map(jobs.count) { i -> YAMLDocument? in
            let range = jobs[i]
            var parser = YAMLParser(file: file, limits: partLimits, lineOffset: range.line)
            return bytes.withUnsafeBufferPointer { buffer in
                try? parser.parse(UnsafeBufferPointer(rebasing: buffer[range.start..<range.end]))
            }
        }
        var keys: [Value] = []
        var values: [Value] = []
        var positions: [SourcePosition] = []
        var seen = Set<MapKey>()
        var rootPosition = SourcePosition.unknown
        for i in 0..<ranges.count {
            guard let document = results[i], case .map(let map) = document.root,
                map.entryPositions.count == 2 * map.count
            else { return nil }
            if i == 0 { rootPosition = map.position }
            for k in 0..<map.count {
                guard let key = MapKey(map.keys[k]), seen.insert(key).inserted else { return nil }
            }
            keys += map.keys
            values += map.values
            positions += map.entryPositions
        }
        return YAMLDocument(
            file: file,
            root: .map(ValueMap(keys: keys, values: values, entryPositions: positions, position: rootPosition)),
            rootPosition: rootPosition)
    }

    /// Byte offsets (and the 0-based line there) of top-level keys that cut the text into about
    /// `parts` equal parts, or nil when the text is not a plain top-level block mapping.
    static func cutPoints(_ bytes: [UInt8], parts: Int) -> [(offset: Int, line: Int)]? {
        var starts: [(offset: Int, line: Int)] = []
        var line = 0
        var offset = 0
        let n = bytes.count
        // The search runs before the parts can start: memchr finds each line's end.
        let isPlain = bytes.withUnsafeBufferPointer { buffer -> Bool in
            guard let base = buffer.baseAddress else { return false }
            while offset < n {
                switch base[offset] {
                case UInt8(ascii: " "), UInt8(ascii: "#"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                    break
                case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "%"), UInt8(ascii: "{"), UInt8(ascii: "["),
                    UInt8(ascii: "?"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"),
                    UInt8(ascii: ">"), UInt8(ascii: "\t"), UInt8(ascii: "@"), UInt8(ascii: "`"), 0xEF, 0xFE, 0xFF, 0:
                    // Markers, directives, flow or block-sequence tops, tags, anchors, a BOM: not ours.
                    return false
                default:
                    starts.append((offset, line))
                }
                // To the next line.
                guard let newline = memchr(base + offset, Int32(UInt8(ascii: "\n")), n - offset) else { break }
                offset = base.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1
                line += 1
            }
            return true
        }
        guard isPlain, starts.count >= 2 else { return nil }
        // For each ideal boundary, the top-level key nearest to it (a key can only be cut once).
        var cuts: [(offset: Int, line: Int)] = []
        for k in 1..<parts {
            let ideal = n * k / parts
            let candidates = starts.dropFirst().filter { start in !cuts.contains { $0.offset >= start.offset } }
            guard let nearest = candidates.min(by: { abs($0.offset - ideal) < abs($1.offset - ideal) }) else { break }
            cuts.append(nearest)
        }
        return cuts.isEmpty ? nil : cuts
    }
}
