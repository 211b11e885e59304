import Foundation
import Reporting
import StrictYAML
import Testing

/// The tree encoder's snake-case keys are Foundation's `convertToSnakeCase`, so that the reports
/// read back with `convertFromSnakeCase`; the keys of dictionaries and snapshot maps are data and
/// stay as they are.
@Suite struct KeyStrategyTests {
    /// A key of any spelling, so that names no Swift property could have are tried too.
    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// An object with one member, `name`.
    struct Named: Encodable {
        var name: String
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: AnyKey.self)
            try c.encode(0, forKey: AnyKey(stringValue: name))
        }
    }

    static let names = [
        "", "a", "A", "asOf", "sha256", "followOnStart", "copiesOf", "isStrict", "helpURL", "myURLValue", "URLValue",
        "ruleID", "ABC", "aBc", "version2Name", "oneTwo3Four", "a1B", "x9Y9z", "_private", "trailing_", "_oneTwoThree_",
        "__two__", "_", "a__b", "snake_caseMixed", "problem.severity", "$schema", "étudeÉlève", "straßeGroß", "aǅb",
    ]

    @Test("snake case is what Foundation's convertToSnakeCase writes", arguments: names)
    func matchesFoundation(_ name: String) throws {
        let foundation = JSONEncoder()
        foundation.keyEncodingStrategy = .convertToSnakeCase
        let object = try JSONSerialization.jsonObject(with: foundation.encode(Named(name: name))) as? [String: Int]
        #expect(JSONTreeEncoder.KeyStrategy.snakeCase.key(name) == object?.keys.first)
    }

    @Test("names with digits, acronyms and underscores")
    func examples() {
        let expected = [
            "asOf": "as_of", "sha256": "sha256", "followOnStart": "follow_on_start", "version2Name": "version2_name",
            "helpURL": "help_url", "myURLValue": "my_url_value", "ruleID": "rule_id", "x9Y9z": "x9_y_9z",
            "_oneTwoThree_": "_one_two_three_", "__two__": "__two__", "already_snake": "already_snake",
        ]
        for (name, snake) in expected {
            #expect(JSONTreeEncoder.KeyStrategy.snakeCase.key(name) == snake, "\(name)")
        }
    }

    struct Inner: Codable, Equatable {
        var copiesOf: String?
        var followOnStart: String
    }

    struct Outer: Codable, Equatable {
        var asOf: String
        var sha256: String
        var byName: [String: Inner]
        var lines: [Inner]
    }

    static let outer = Outer(
        asOf: "2025-01-31", sha256: "ab12", byName: [
            "camelKey": Inner(copiesOf: "x", followOnStart: "2025-02-01"),
            // A scope kind such as business_units: the reader must not turn it into businessUnits.
            "by_region": Inner(copiesOf: nil, followOnStart: "2025-02-02"),
        ],
        lines: [Inner(copiesOf: nil, followOnStart: "2025-03-01")])

    @Test("snake-case JSON is Foundation's byte for byte, dictionary keys left as they are")
    func documentMatchesFoundation() throws {
        let foundation = JSONEncoder()
        foundation.keyEncodingStrategy = .convertToSnakeCase
        foundation.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let expected = String(decoding: try foundation.encode(Self.outer), as: UTF8.self) + "\n"
        let written = try JSONTreeEncoder(keys: .snakeCase, spacesAroundColon: true).encode(Self.outer)
        #expect(written == expected)
        #expect(written.contains("\"camelKey\"") && written.contains("\"follow_on_start\"") && written.contains("\"as_of\""))
    }

    @Test("snake-case JSON reads back with convertFromSnakeCase")
    func roundTrips() throws {
        let written = try JSONTreeEncoder(keys: .snakeCase).encode(Self.outer)
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        #expect(try decoder.decode(Outer.self, from: Data(written.utf8)) == Self.outer)
    }

    @Test("a snapshot map's keys are data: written as they are")
    func mapKeysStay() throws {
        let map = Value.map(ValueMap(keys: [.string("siteCount"), .string("by_region")], values: [.int(2), .string("eu")]))
        let written = try JSONTreeEncoder(keys: .snakeCase, isPretty: false).encode(["paramValue": JSONValue(map)])
        #expect(written == "{\"paramValue\":{\"by_region\":\"eu\",\"siteCount\":2}}\n")
    }

    @Test("bytes are two hex digits each, so different byte strings never read the same")
    func bytesArePadded() throws {
        let a = try JSONTreeEncoder(isPretty: false).encode([JSONValue(.bytes([0x1, 0x23]))])
        let b = try JSONTreeEncoder(isPretty: false).encode([JSONValue(.bytes([0x12, 0x3]))])
        #expect(a == "[\"0123\"]\n")
        #expect(b == "[\"1203\"]\n")
    }
}
