import Foundation
import SourceDiagnostics

extension JSONWriter {
    /// `[…]` of `count` elements, each written by `element` into the writer it is given. With
    /// `inParallel`, slices are written on all cores and kept as separate pieces.
    mutating func writeArray(
        count: Int, depth: Int, inParallel: Bool, _ element: @escaping @Sendable (inout JSONWriter, Int) -> Void
    ) {
        guard count > 0 else { return append("[]" as StaticString) }
        let chunks = inParallel ? ProcessInfo.processInfo.activeProcessorCount * 4 : 1
        let size = (count + chunks - 1) / chunks
        let (isPretty, colon, keys) = (isPretty, colon, keys)
        let parts = Parallel.map(chunks) { chunk -> [RenderedReport.Piece] in
            let slice = min(chunk * size, count)..<min((chunk + 1) * size, count)
            guard !slice.isEmpty else { return [] }
            var local = JSONWriter(isPretty: isPretty, colon: colon, keys: keys)
            for k in slice {
                if k > 0 { local.append(byte: UInt8(ascii: ",")) }
                local.newline(depth + 1)
                element(&local, k)
                if k == slice.lowerBound {
                    // Room for the whole slice, judged by its first element (and a quarter
                    // more): growing by doubling would copy it and touch twice the memory.
                    local.reserve(local.count * (slice.count - 1) * 5 / 4)
                }
            }
            // All of it, pieces an element spliced in included.
            return local.finish().storage
        }
        append(byte: UInt8(ascii: "["))
        // The parts stay separate buffers, written out in order (a large report is never
        // copied into one).
        splice(parts.flatMap { $0 })
        newline(depth)
        append(byte: UInt8(ascii: "]"))
    }

    /// A value written through the tree encoder (`null` if it cannot be encoded).
    mutating func writeEncoded(_ value: some Encodable, depth: Int) {
        let node = TreeNode()
        if (try? TreeEncoder.encode(value, into: node, codingPath: [], keys: keys)) == nil { node.kind = .null }
        write(node, depth: depth)
    }
}
