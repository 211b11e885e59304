import CEL
import Foundation
import Readiness
import StrictYAML
import Testing

/// The examples and the example template validate against the shipped JSON Schema with a real
/// JSON Schema validator (python's `jsonschema`), not only with ours; the rulesets and their
/// tests against theirs. Skipped, with a message, where python3 or jsonschema is missing.
@Suite struct SchemaConformanceTests {
    /// python3 as found on the PATH (through /usr/bin/env), when it can import jsonschema.
    static let python: String? = {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import jsonschema"]
        probe.standardOutput = FileHandle.nullDevice
        probe.standardError = FileHandle.nullDevice
        do { try probe.run() } catch { return nil }
        probe.waitUntilExit()
        return probe.terminationStatus == 0 ? "/usr/bin/env" : nil
    }()

    /// Validates JSON documents against a schema file; returns the validator's complaints.
    func validate(_ documents: [(name: String, json: String)], schema: String) throws -> String {
        let python = try #require(Self.python)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("readiness-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var paths: [String] = []
        for (i, document) in documents.enumerated() {
            let path = directory.appendingPathComponent("\(i).json").path
            try document.json.write(toFile: path, atomically: true, encoding: .utf8)
            paths.append(path)
        }
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            validator = jsonschema.Draft202012Validator(schema)
            bad = 0
            for name, path in zip(sys.argv[2::2], sys.argv[3::2]):
                for error in validator.iter_errors(json.load(open(path))):
                    bad += 1
                    print(name, list(error.absolute_path), error.message[:200])
            sys.exit(1 if bad else 0)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["python3", "-c", script, Paths.package("Rulesets/schemas/\(schema)")]
            + zip(documents.map(\.name), paths).flatMap { [$0, $1] }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return process.terminationStatus == 0 ? "" : output.isEmpty ? "python exited \(process.terminationStatus)" : output
    }

    /// A YAML file as JSON, read by our own loader (so YAML 1.2 scalars mean what they mean to us).
    func json(_ path: String) throws -> (name: String, json: String) {
        (path, try YAMLLoader().load(contentsOf: Paths.package(path)).root.jsonText)
    }

    @Test("the examples and the example template are valid snapshots", .enabled(if: python != nil, "python3 with jsonschema is not installed"))
    func snapshots() throws {
        let files = ["Examples/small-company-crm.yaml", "Examples/mining-crm-multisite.yaml",
                     "Examples/erp-unrehearsed-migration.yaml", "Rulesets/templates/snapshot.yaml",
                     "Tests/ReadinessTests/Fixtures/typed/unknowns.yaml"]
        #expect(try validate(files.map(json), schema: "snapshot.schema.json") == "")
    }

    @Test("the form init writes is a valid snapshot", .enabled(if: python != nil, "python3 with jsonschema is not installed"))
    func form() throws {
        let catalog = try RulesetLoader().load([]).catalog
        let document = try YAMLLoader().load(SnapshotForm.make(for: catalog), file: "form.yaml")
        #expect(try validate([("form", document.root.jsonText)], schema: "snapshot.schema.json") == "")
    }

    @Test("a wrong type is invalid for the real validator too", .enabled(if: python != nil, "python3 with jsonschema is not installed"))
    func wrongTypeRejected() throws {
        #expect(try validate([json("Tests/ReadinessTests/Fixtures/typed/wrong-types.yaml")], schema: "snapshot.schema.json") != "")
    }

    @Test("the built-in rulesets and their tests are valid", .enabled(if: python != nil, "python3 with jsonschema is not installed"))
    func rulesetsAndTests() throws {
        let names = ["data", "deployment", "environment", "governance", "network", "requirements", "staffing", "training"]
        #expect(try validate(names.map { try json("Rulesets/\($0).yaml") }, schema: "ruleset.schema.json") == "")
        #expect(try validate(names.map { try json("Rulesets/tests/\($0).test.yaml") }, schema: "test.schema.json") == "")
    }

    @Test("readiness schema prints the shipped files byte for byte", arguments: ["snapshot", "ruleset", "test"])
    func embedded(_ name: String) throws {
        let shipped = try String(contentsOfFile: Paths.package("Rulesets/schemas/\(name).schema.json"), encoding: .utf8)
        #expect(SnapshotSchema.text(named: name) == shipped)
    }
}
