import Foundation
import Readiness
import SourceDiagnostics
import StrictYAML
import Testing

/// `check` validates the snapshot against the schema first: every problem at once, with
/// file:line:column and did-you-mean.
@Suite struct SnapshotValidationTests {
    let snapshots = SnapshotLoader()

    func problems(_ fixture: String, catalog: RuleCatalog? = nil, strict: Bool = false) throws -> [Diagnostic] {
        let snapshot = try snapshots.load(contentsOf: Paths.fixture(fixture))
        let validator = catalog.map { SnapshotValidator(for: $0, isStrict: strict) }
            ?? SnapshotValidator(schema: .standard, unknownKeySeverity: strict ? .error : .warning)
        return validator.validate(snapshot.document)
    }

    struct Expected: Sendable, CustomTestStringConvertible {
        var fixture: String
        var line: Int
        var column: Int
        var severity: Diagnostic.Severity
        var code: String
        var message: String
        var note: String?
        var testDescription: String { "\(fixture):\(line):\(column) \(message)" }
    }

    static let expected: [Expected] = [
        .init(fixture: "typed/typos.yaml", line: 9, column: 7, severity: .warning, code: "snapshot.unknown-key",
              message: "unknown key 'wan_mpbs' in network.sites[0]: no loaded ruleset reads it", note: "did you mean 'wan_mbps'?"),
        .init(fixture: "typed/typos.yaml", line: 10, column: 7, severity: .error, code: "snapshot.missing-key",
              message: "network.sites[1]: missing 'name' (write name: ~ if it is not known yet)", note: nil),
        .init(fixture: "typed/typos.yaml", line: 10, column: 7, severity: .warning, code: "snapshot.unknown-key",
              message: "unknown key 'nmae' in network.sites[1]: no loaded ruleset reads it", note: "did you mean 'name'?"),
        .init(fixture: "typed/typos.yaml", line: 12, column: 3, severity: .warning, code: "snapshot.unknown-key",
              message: "unknown key 'bakup' in network: no loaded ruleset reads it", note: "did you mean 'backup'?"),
        .init(fixture: "typed/wrong-types.yaml", line: 5, column: 12, severity: .error, code: "snapshot.invalid-date",
              message: "project.go_live: expected a date YYYY-MM-DD, got '2027-02-30'", note: nil),
        .init(fixture: "typed/wrong-types.yaml", line: 12, column: 14, severity: .error, code: "snapshot.wrong-type",
              message: "network.sites[1].users: expected a whole number, got 'many'", note: nil),
        .init(fixture: "typed/wrong-types.yaml", line: 16, column: 17, severity: .error, code: "snapshot.wrong-type",
              message: "network.sites[2].wan_mbps: expected a number, got 'fast'", note: nil),
        .init(fixture: "typed/wrong-types.yaml", line: 17, column: 13, severity: .error, code: "snapshot.not-allowed",
              message: "network.sites[2].sync: expected one of online, realtime, batch, got 'realtim'", note: "did you mean 'realtime'?"),
        .init(fixture: "typed/wrong-types.yaml", line: 19, column: 26, severity: .error, code: "snapshot.out-of-range",
              message: "training.key_users_trained_pct: expected a number from 0 to 100, got 150.0", note: nil),
        .init(fixture: "typed/dangling.yaml", line: 8, column: 28, severity: .error, code: "snapshot.dangling-reference",
              message: "phases[0].scope.sites[1]: 'Plant Nroth' is not a site named in network.sites[].name", note: "did you mean 'Plant North'?"),
        .init(fixture: "typed/dangling.yaml", line: 18, column: 14, severity: .error, code: "snapshot.dangling-reference",
              message: "staffing.key_users[0].site: 'Head Ofice' is not a site named in network.sites[].name", note: "did you mean 'Head Office'?"),
        .init(fixture: "typed/dangling.yaml", line: 21, column: 16, severity: .error, code: "snapshot.dangling-reference",
              message: "deployment.uat[0].module: 'finanse' is not a module named in phases[].scope.modules[]", note: "did you mean 'finance'?"),
    ]

    @Test("each problem is reported where it is, with its message", arguments: expected)
    func reported(_ e: Expected) throws {
        let found = try problems(e.fixture)
        let match = found.first { $0.message == e.message }
        let diagnostic = try #require(match, "not among: \(found.map(\.message))")
        #expect(diagnostic.severity == e.severity)
        #expect(diagnostic.code == e.code)
        #expect(diagnostic.span?.start.line == e.line)
        #expect(diagnostic.span?.start.column == e.column)
        #expect(diagnostic.notes.first?.message == e.note)
    }

    @Test("every problem of a file is reported at once, sorted by position")
    func allAtOnce() throws {
        for fixture in ["typed/typos.yaml", "typed/wrong-types.yaml", "typed/dangling.yaml"] {
            let found = try problems(fixture)
            let expectedCount = Self.expected.filter { $0.fixture == fixture }.count
            #expect(found.count == expectedCount, "\(fixture): \(found.map(\.message))")
            let lines = found.compactMap { $0.span?.start.line }
            #expect(lines == lines.sorted())
        }
    }

    @Test("unknown keys are errors when strict")
    func strictUnknownKeys() throws {
        let found = try problems("typed/typos.yaml", strict: true)
        #expect(found.filter { $0.code == "snapshot.unknown-key" }.allSatisfy { $0.severity == .error })
    }

    @Test("explicit unknowns are valid anywhere a fact is")
    func unknownsAreValid() throws {
        #expect(try problems("typed/unknowns.yaml").isEmpty)
    }

    @Test("the examples, the example template and the form validate clean", arguments: [
        "Examples/small-company-crm.yaml", "Examples/mining-crm-multisite.yaml",
        "Examples/erp-unrehearsed-migration.yaml", "Rulesets/templates/snapshot.yaml",
    ])
    func examplesValidate(_ path: String) throws {
        let snapshot = try snapshots.load(contentsOf: Paths.package(path))
        let found = SnapshotValidator(schema: .standard, unknownKeySeverity: .error).validate(snapshot.document)
        #expect(found.isEmpty, "\(found.map(\.description))")
    }

    @Test("a ruleset's declared facts extend the schema: types, enums and required keys are checked")
    func customFacts() throws {
        let catalog = try RulesetLoader().load([Paths.fixture("typed/custom-facts.yaml")]).catalog
        let found = try problems("typed/custom-facts-snapshot.yaml", catalog: catalog)
        let messages = found.map(\.message)
        #expect(messages.contains("security.pentest.passed: expected true or false, got 'yes-ish'"))
        #expect(messages.contains("security.findings[0].severity: expected one of low, medium, high, critical, got 'critcal'"))
        #expect(messages.contains("security.findings[1]: missing 'id' (write id: ~ if it is not known yet)"))
        #expect(messages.contains("unknown key 'cvss' in security.findings[2]: no loaded ruleset reads it"))
        #expect(found.count == 4, "\(messages)")
    }

    @Test("a custom top-level section a rule reads is not unknown, even undeclared")
    func readSectionsAreKnown() throws {
        let validator = SnapshotValidator(schema: .standard, readTopLevelKeys: ["security"])
        let document = try YAMLLoader().load("security: {x: 1}\nsecurty: {}\n", file: "s.yaml")
        let found = validator.validate(document)
        #expect(found.map(\.message) == ["unknown key 'securty' at the top level: no loaded ruleset reads it"])
        #expect(found.first?.notes.first?.message == "did you mean 'security'?")
    }
}
