/// A value that writes its own JSON (keys in sorted order, the writer's indentation), for the
/// parts of a report that repeat by the hundred thousand.
protocol DirectJSONWritable {
    func writeJSON(into writer: inout JSONWriter, depth: Int)
}
