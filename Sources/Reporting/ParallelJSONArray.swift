import SourceDiagnostics

/// An array whose elements are encoded and written on all cores, in slices, when it is long;
/// the same JSON as the array itself. A property wrapper, so that a type holding such a list
/// (`@ParallelJSONArray var results: [Result]`) keeps its synthesized encoding.
@propertyWrapper
struct ParallelJSONArray<Element: Encodable & Sendable>: Encodable, DirectJSONWritable, Sendable {
    var wrappedValue: [Element]

    init(wrappedValue: [Element]) {
        self.wrappedValue = wrappedValue
    }

    /// Arrays at least this long are written on several cores.
    static var parallelThreshold: Int { 1024 }

    func encode(to encoder: any Encoder) throws {
        if let tree = encoder as? TreeEncoder {
            tree.node.kind = .direct(self)
            return
        }
        var c = encoder.unkeyedContainer()
        for element in wrappedValue { try c.encode(element) }
    }

    func writeJSON(into w: inout JSONWriter, depth: Int) {
        let elements = wrappedValue
        w.writeArray(count: elements.count, depth: depth, inParallel: elements.count >= Self.parallelThreshold) { local, k in
            local.writeEncoded(elements[k], depth: depth + 1)
        }
    }
}
