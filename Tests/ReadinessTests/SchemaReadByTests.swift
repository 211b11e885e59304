import Foundation
import Readiness
import Testing

/// The snapshot schema's `x-read-by` (and the "Read by" column of docs/snapshot.md drawn from it)
/// names exactly the built-in rules whose expressions read each fact, for the facts reached by a
/// path (list elements, read through a `for_each` variable, are not checked).
@Suite struct SchemaReadByTests {
    /// Each fact path (`environment.hosting`) with the rules the schema says read it.
    static func declaredReaders() throws -> [String: Set<String>] {
        let url = Paths.tests.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Rulesets/schemas/snapshot.schema.json")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        var out: [String: Set<String>] = [:]
        func walk(_ node: [String: Any], _ path: String) {
            if let readers = node["x-read-by"] as? [String] { out[path] = Set(readers) }
            for (name, child) in node["properties"] as? [String: Any] ?? [:] {
                if let child = child as? [String: Any] { walk(child, path.isEmpty ? name : "\(path).\(name)") }
            }
            for key in ["anyOf", "oneOf", "allOf"] {
                for child in node[key] as? [[String: Any]] ?? [] { walk(child, path) }
            }
        }
        walk(root, "")
        return out
    }

    @Test("x-read-by names every built-in rule that reads a fact, and no other")
    func readByMatchesTheRules() throws {
        let catalog = try RulesetLoader().load([]).catalog
        let declared = try Self.declaredReaders()
        #expect(declared["environment.hosting"] != nil)
        for (path, readers) in declared.sorted(by: { $0.key < $1.key }) {
            let fact = path.split(separator: ".").map(String.init)
            let actual = Set(
                catalog.rules.filter { rule in
                    rule.expressions.contains { $0.program.referencedPaths.contains { $0.starts(with: fact) } }
                }.map(\.id))
            #expect(actual == readers, "\(path): read by \(actual.sorted()), the schema says \(readers.sorted())")
        }
    }
}
