import Foundation
import Readiness
import Reporting
import Testing

/// Validates SARIF and JUnit output against the official schemas in `../shared/schemas` with
/// Python's jsonschema and xmlschema (JUnit's schema extended with `<testcase file line>`), as `scripts/validate-reports.sh` does for the built binary.
/// Skips, saying why, when the schemas or the Python modules are missing.
@Suite struct SchemaValidationTests {
    static let schemas = ExampleReportTests.package.deletingLastPathComponent().appendingPathComponent("shared/schemas")

    static let unavailability: String? = {
        let sarif = schemas.appendingPathComponent("sarif-schema-2.1.0.json").path
        guard FileManager.default.fileExists(atPath: sarif) else { return "no report schemas in \(schemas.path)" }
        guard (try? python(["-c", "import jsonschema, xmlschema"]).status) == 0 else {
            return "python3 with jsonschema and xmlschema is not available"
        }
        return nil
    }()

    static func python(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static let validator = """
        import glob, json, os, sys
        import jsonschema, xmlschema
        schemas, folder = sys.argv[1:3]
        sarif = jsonschema.Draft4Validator(json.load(open(os.path.join(schemas, "sarif-schema-2.1.0.json"), encoding="utf-8")))
        xsd = open(os.path.join(schemas, "junit-10.xsd"), encoding="utf-8").read()
        # The one extension (as scripts/validate-reports.sh makes it): <testcase file line>.
        anchor = '<xs:attribute name="group" type="xs:string"/>'
        assert xsd.count(anchor) == 1
        xsd = xsd.replace(anchor, anchor + '<xs:attribute name="file" type="xs:string"/><xs:attribute name="line" type="xs:positiveInteger"/>')
        junit = xmlschema.XMLSchema(xsd)
        bad = 0
        for path in sorted(glob.glob(os.path.join(folder, "*.sarif"))):
            for error in sarif.iter_errors(json.load(open(path, encoding="utf-8"))):
                bad += 1
                print(os.path.basename(path), "/".join(map(str, error.absolute_path)), error.message)
        for path in sorted(glob.glob(os.path.join(folder, "*.xml"))):
            for error in junit.iter_errors(path):
                bad += 1
                print(os.path.basename(path), error.reason)
        sys.exit(1 if bad else 0)
        """

    @Test(
        "SARIF and JUnit of the examples and the fixture validate against the official schemas",
        .enabled(if: unavailability == nil, Comment(rawValue: unavailability ?? "")))
    func validate() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "readiness-schemas-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        var sets: [(String, [Evaluation], ReportContext)] = []
        let examples = try ExampleReportTests.examples.map { try ExampleReportTests.evaluate($0) }
        for (name, evaluation) in zip(ExampleReportTests.examples, examples) {
            sets.append((name, [evaluation], ExampleReportTests.context()))
        }
        sets.append(("portfolio", examples, ExampleReportTests.context()))
        sets.append(("fixture-zh", [EvaluationFixture.make(language: "zh")], ReportContext(language: "zh")))
        sets.append(("fixture-portfolio", [EvaluationFixture.make(), EvaluationFixture.makeClean()], ReportContext()))
        for (name, evaluations, context) in sets {
            try Data(SARIFReporter().render(evaluations, context: context).utf8)
                .write(to: folder.appendingPathComponent("\(name).sarif"))
            try Data(JUnitReporter().render(evaluations, context: context).utf8)
                .write(to: folder.appendingPathComponent("\(name).xml"))
            var passing = context
            passing.junitWarn = .pass
            try Data(JUnitReporter().render(evaluations, context: passing).utf8)
                .write(to: folder.appendingPathComponent("\(name)-warn-passes.xml"))
        }
        // A portfolio split into runs (small limits stand in for GitHub's 25,000 results a run).
        let split = SARIFReporter(limits: .init(resultsPerRun: 10, runsPerFile: 20))
        try Data(split.render(examples, context: ExampleReportTests.context()).utf8)
            .write(to: folder.appendingPathComponent("portfolio-split.sarif"))
        let result = try Self.python(["-c", Self.validator, Self.schemas.path, folder.path])
        #expect(result.status == 0, "\(result.output)")
    }
}
