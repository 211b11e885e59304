import CEL
import Foundation
import StrictYAML
import Testing

/// Runs the CEL conformance vectors in `../shared/conformance/cel` (derived from cel-spec's
/// simple tests) when that folder is present, and reports per file.
@Suite struct ConformanceTests {
    /// The vectors this engine does not pass, each with the reason, keyed `file/section/name`
    /// (for example `("parse/section/name", "needs protobuf message types")`).
    /// Empty: every one of the 1,095 vectors passes.
    static let skipped: [(id: String, reason: String)] = []

    struct Vector {
        var id: String
        var file: String
        var expr: String
        var bindings: [String: Value]
        var expected: Value?
        var expectsError: Bool
    }

    static var folder: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/conformance/cel")
    }

    static var hasVectors: Bool { FileManager.default.fileExists(atPath: folder.path) }

    /// Runs every vector in CEL's dynamic mode (calls of unknown functions fail at evaluation,
    /// like cel-spec's `disable_check`), as the vectors expect.
    @Test(
        "conformance vectors pass",
        .enabled(if: hasVectors, "CEL conformance vectors not found in ../shared/conformance/cel; skipping"))
    func conformance() throws {
        let folder = Self.folder
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".json") && $0 != "summary.json" }.sorted()
        var environment = CELEnvironment()
        environment.allowsUnknownFunctions = true
        let skips = Dictionary(uniqueKeysWithValues: Self.skipped.map { ($0.id, $0.reason) })
        var total = 0
        var passed = 0
        var unexpectedFailures: [String] = []
        var stalePasses: [String] = []
        for file in files {
            let data = try Data(contentsOf: folder.appendingPathComponent(file))
            let vectors = try Self.vectors(from: data)
            var filePassed = 0
            var fileFailed = 0
            var fileSkipped = 0
            for vector in vectors {
                total += 1
                let outcome = Self.run(vector, in: environment)
                if outcome == nil {
                    passed += 1
                    filePassed += 1
                    if skips[vector.id] != nil { stalePasses.append(vector.id) }
                } else if skips[vector.id] != nil {
                    fileSkipped += 1
                } else {
                    fileFailed += 1
                    unexpectedFailures.append("\(vector.id): \(vector.expr)\n    \(outcome ?? "")")
                }
            }
            print("conformance \(file): \(filePassed) passed, \(fileFailed) failed, \(fileSkipped) skipped")
        }
        let rate = total == 0 ? 1 : Double(passed) / Double(total)
        print("conformance overall: \(passed)/\(total) passed (\(String(format: "%.1f", rate * 100))%)")
        for failure in unexpectedFailures { print("FAIL \(failure)") }
        #expect(unexpectedFailures.isEmpty, "\(unexpectedFailures.count) vectors failed outside the skip list")
        #expect(rate >= 0.99)
        #expect(stalePasses.isEmpty, "skipped vectors that now pass: \(stalePasses)")
    }

    /// Runs one vector; nil when it passes, else what went wrong.
    static func run(_ vector: Vector, in environment: CELEnvironment) -> String? {
        let program: CELProgram
        do {
            program = try environment.compile(vector.expr)
        } catch {
            return vector.expectsError && vector.expected == nil ? nil : "compile error: \(error)"
        }
        var globals: [(Value, Value)] = []
        var activation = CELActivation(globals: .empty)
        for (name, value) in vector.bindings.sorted(by: { $0.key < $1.key }) {
            if name.contains(".") {
                activation.bind(name, to: value)
            } else {
                globals.append((.string(name), value))
            }
        }
        activation.globals = ValueMap(keys: globals.map(\.0), values: globals.map(\.1))
        switch environment.evaluate(program, in: activation) {
        case .value(let value):
            if vector.expectsError { return "expected an error, got \(value.celSource)" }
            guard let expected = vector.expected else { return "no expectation" }
            return strictlyEqual(value, expected) ? nil : "expected \(expected.celSource), got \(value.celSource)"
        case .error(let error):
            return vector.expectsError
                ? nil : "expected \(vector.expected?.celSource ?? "?"), got error \(error.message)"
        }
    }

    /// Equality that also requires the same types (so `1` does not match `1u`), with NaN matching NaN.
    static func strictlyEqual(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.double(let x), .double(let y)): return (x.isNaN && y.isNaN) || x == y
        case (.list(let x), .list(let y)):
            return x.count == y.count && zip(x.elements, y.elements).allSatisfy { strictlyEqual($0, $1) }
        case (.map(let x), .map(let y)):
            guard x.count == y.count else { return false }
            for (k, v) in zip(x.keys, x.values) {
                guard let i = y.keys.firstIndex(where: { strictlyEqual($0, k) }), strictlyEqual(y.values[i], v) else {
                    return false
                }
            }
            return true
        case (.optional(let x), .optional(let y)):
            switch (x.wrapped, y.wrapped) {
            case (nil, nil): return true
            case (let p?, let q?): return strictlyEqual(p, q)
            default: return false
            }
        default:
            return a.type == b.type && a == b
        }
    }

    static func vectors(from data: Data) throws -> [Vector] {
        guard let array = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] else { return [] }
        return try array.map { item in
            let file = item["file"] as? String ?? ""
            let id = "\(file)/\(item["section"] as? String ?? "")/\(item["name"] as? String ?? "")"
            var bindings: [String: Value] = [:]
            for (name, tagged) in item["bindings"] as? [String: Any] ?? [:] {
                bindings[name] = try decode(tagged)
            }
            let expect = item["expect"] as? [String: Any] ?? [:]
            return Vector(
                id: id, file: file, expr: item["expr"] as? String ?? "", bindings: bindings,
                expected: try expect["value"].map(decode), expectsError: expect["error"] as? Bool ?? false)
        }
    }

    struct DecodingError: Error, CustomStringConvertible {
        var description: String
    }

    /// Decodes the README's tagged value encoding.
    static func decode(_ any: Any) throws -> Value {
        guard let tagged = any as? [String: Any], let (tag, payload) = tagged.first else {
            throw DecodingError(description: "not a tagged value: \(any)")
        }
        switch tag {
        case "null": return .null
        case "bool": return .bool(payload as? Bool ?? false)
        case "int": return .int(Int64(payload as? String ?? "") ?? 0)
        case "uint": return .uint(UInt64(payload as? String ?? "") ?? 0)
        case "double":
            let text = payload as? String ?? ""
            switch text {
            case "NaN": return .double(.nan)
            case "Infinity": return .double(.infinity)
            case "-Infinity": return .double(-.infinity)
            default: return .double(Double(text) ?? .nan)
            }
        case "string": return .string(payload as? String ?? "")
        case "bytes_b64": return .bytes(Array(Data(base64Encoded: payload as? String ?? "") ?? Data()))
        case "list": return .list(try (payload as? [Any] ?? []).map(decode))
        case "map":
            let pairs = try (payload as? [[Any]] ?? []).map { (try decode($0[0]), try decode($0[1])) }
            return .map(pairs)
        case "timestamp", "duration":
            let environment = CELEnvironment()
            let literal = Value.string(payload as? String ?? "").celSource
            guard
                case .value(let value) = try environment.evaluate(
                    "\(tag)(\(literal))", in: CELActivation(globals: .empty))
            else { throw DecodingError(description: "bad \(tag) \(payload)") }
            return value
        case "type": return .type(ValueType(payload as? String ?? ""))
        default: throw DecodingError(description: "unknown tag \(tag)")
        }
    }
}
