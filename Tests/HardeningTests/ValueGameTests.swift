import CEL
import Foundation
import Readiness
import SourceDiagnostics
import StrictYAML
import Testing

@testable import Reporting

/// Type and value games: parameters typed by their declaration, non-finite numbers, parameters
/// redeclared by another ruleset, waivers without reason or with no real expiry, merge keys,
/// JSON surrogate pairs.
@Suite struct ValueGameTests {
    static let ruleset = """
        ruleset: games
        params:
          max_age_days: 90
          min_ratio: 0.5
          roles: [pm, dev]
        rules:
          - id: GAME-AGE
            title: age
            category: games
            severity: critical
            action: block
            check: backup.age_days <= params.max_age_days
          - id: GAME-RATIO
            title: ratio
            category: games
            severity: low
            action: mitigate
            check: backup.ratio >= params.min_ratio
        """

    static func evaluate(
        snapshot: String, parameters: [(name: String, value: Value)] = [], maxWaiverDays: Int = 365
    ) throws(DiagnosticError) -> Evaluation {
        let catalog = try RulesetLoader().load(text: ruleset, file: "games.yaml")
        let loaded = try SnapshotLoader().load(bytes: Array(snapshot.utf8), file: "snapshot.yaml")
        var options = EvaluationOptions(parameters: parameters)
        options.maxWaiverDays = maxWaiverDays
        return try Engine().evaluate(catalog, against: loaded, options: options).evaluation
    }

    static let base = "project: {as_of: '2027-01-01'}\nbackup: {age_days: 120, ratio: 1}\n"

    @Test("a snapshot parameter of the wrong type is bad input at its line, not an error status")
    func wrongTypeInSnapshot() {
        let diagnostics = Hardening.diagnostics { () throws(DiagnosticError) in try Self.evaluate(snapshot: Self.base + "params:\n  max_age_days: \"90\"\n") }
        #expect(diagnostics.map(\.code) == ["params.wrong-type"])
        #expect(diagnostics.first?.span?.start.description == "snapshot.yaml:4:17")
        #expect(diagnostics.first?.message.contains("must be an integer") == true)
    }

    @Test("a --param of the wrong type, a list of the wrong element type, a non-finite double")
    func wrongTypeOnCommandLine() {
        for (name, value) in [
            ("max_age_days", Value.string("90")), ("roles", .list(ValueList([.int(1)]))),
            ("min_ratio", .double(.nan)), ("min_ratio", .double(.infinity)),
        ] {
            let diagnostics = Hardening.diagnostics { () throws(DiagnosticError) in try Self.evaluate(snapshot: Self.base, parameters: [(name, value)]) }
            #expect(diagnostics.map(\.code) == ["params.wrong-type"], "\(name)")
        }
    }

    @Test("an integer for a double parameter stays allowed, and becomes a double")
    func intForDouble() throws {
        let evaluation = try Self.evaluate(snapshot: Self.base + "params: {min_ratio: 2}\n")
        #expect(evaluation.parameters.first { $0.name == "min_ratio" }?.value == .double(2))
    }

    @Test("non-finite numbers in facts and params are bad input at their position", arguments: [".inf", "-.inf", ".nan", "1e400", "!!float .inf"])
    func nonFinite(_ text: String) {
        let diagnostics = Hardening.diagnostics { () throws(DiagnosticError) in
            try SnapshotLoader().load(bytes: Array("network:\n  wan_mbps: \(text)\n".utf8), file: "s.yaml")
        }
        #expect(diagnostics.map(\.code) == ["yaml.non-finite"])
        #expect(diagnostics.first?.span?.start.description == "s.yaml:2:13")
    }

    @Test("the plain YAML loader still reads .inf (the snapshot and ruleset loaders refuse it)")
    func yamlLoaderStillReadsInfinity() throws {
        #expect(try YAMLLoader().load("x: .inf\n").root.mapValue?["x"] == .double(.infinity))
    }

    @Test("a ruleset may not redeclare another ruleset's parameter, except through overrides_params, which is reported")
    func redeclaredParameter() throws {
        let folder = try Hardening.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let quiet = folder + "/quiet.yaml"
        try "ruleset: quiet\nextends: [network]\nparams: {max_latency_ms: 100000}\nrules: []\n".write(toFile: quiet, atomically: true, encoding: .utf8)
        let diagnostics = Hardening.diagnostics { () throws(DiagnosticError) in try RulesetLoader().load([quiet]) }
        #expect(diagnostics.map(\.code) == ["params.redeclared"])
        #expect(diagnostics.first?.span?.start.description == "\(quiet):3:26")

        let open = folder + "/open.yaml"
        try "ruleset: open\nextends: [network]\noverrides_params: [max_latency_ms]\nparams: {max_latency_ms: 300}\nrules: []\n".write(toFile: open, atomically: true, encoding: .utf8)
        let (catalog, warnings) = try RulesetLoader().load([open])
        #expect(warnings.map(\.code) == ["params.override"])
        let parameter = try #require(catalog.parameters.first { $0.name == "max_latency_ms" })
        #expect(parameter.value == .int(300))
        #expect(parameter.overrides == "network")
        let snapshot = try SnapshotLoader().load(bytes: Array(Self.base.utf8), file: "snapshot.yaml")
        let evaluation = try Engine().evaluate(catalog, against: snapshot).evaluation
        let text = TextReporter().render([evaluation], context: ReportContext())
        #expect(text.contains("Parameter max_latency_ms of ruleset network is overridden by ruleset open"))

        let nothing = folder + "/nothing.yaml"
        try "ruleset: nothing\noverrides_params: [no_such]\nrules: []\n".write(toFile: nothing, atomically: true, encoding: .utf8)
        #expect(Hardening.diagnostics { () throws(DiagnosticError) in try RulesetLoader().load([nothing]) }.map(\.code) == ["params.override-unknown"])
    }

    @Test("waivers need a reason and an approver, and expire within the horizon")
    func waivers() {
        let empty = Self.base + "waivers:\n  - {rule: GAME-AGE, reason: '', approved_by: ' ', expires: '2027-02-01'}\n"
        #expect(Hardening.diagnostics { () throws(DiagnosticError) in try Self.evaluate(snapshot: empty) }.map(\.code) == ["waiver.empty", "waiver.empty"])
        let forever = Self.base + "waivers:\n  - {rule: GAME-AGE, reason: vendor fix, approved_by: CIO, expires: '9999-12-31'}\n"
        let diagnostics = Hardening.diagnostics { () throws(DiagnosticError) in try Self.evaluate(snapshot: forever) }
        #expect(diagnostics.map(\.code) == ["waiver.too-long"])
        #expect(diagnostics.first?.span?.start.line == 4)
        let lastDay = Self.base + "waivers:\n  - {rule: GAME-AGE, reason: vendor fix, approved_by: CIO, expires: '2028-01-01'}\n"
        #expect(throws: Never.self) { try Self.evaluate(snapshot: lastDay) }
        #expect(Hardening.diagnostics { () throws(DiagnosticError) in try Self.evaluate(snapshot: lastDay, maxWaiverDays: 30) }.map(\.code) == ["waiver.too-long"])
    }

    @Test("a waiver naming a rule no ruleset defines is a warning with a did-you-mean, and waives nothing")
    func waiverOfUnknownRule() throws {
        let typo = Self.base + "waivers:\n  - {rule: GAME-AGES, reason: vendor fix, approved_by: CIO, expires: '2027-02-01'}\n"
        let catalog = try RulesetLoader().load(text: Self.ruleset, file: "games.yaml")
        let loaded = try SnapshotLoader().load(bytes: Array(typo.utf8), file: "snapshot.yaml")
        let (evaluation, warnings) = try Engine().evaluate(catalog, against: loaded)
        let warning = try #require(warnings.first { $0.code == "waiver.unknown-rule" })
        #expect(warning.severity == .warning)
        #expect(warning.span?.start.line == 4)
        #expect(warning.notes.first?.message == "did you mean 'GAME-AGE'?")
        #expect(evaluation.waivers.applied.isEmpty)
        #expect(evaluation.waivers.unused.map(\.ruleID) == ["GAME-AGES"])
    }

    @Test("a YAML merge key is refused at its position; a quoted '<<' is an ordinary key")
    func mergeKey() throws {
        let diagnostics = Hardening.diagnostics { () throws(DiagnosticError) in try YAMLLoader().load("base: &b {x: 1}\nsite:\n  <<: *b\n  y: 2\n", file: "m.yaml") }
        #expect(diagnostics.map(\.code) == ["yaml.merge-key"])
        #expect(diagnostics.first?.span?.start.description == "m.yaml:3:3")
        #expect(try YAMLLoader().load("'<<': 1\n").root.mapValue?["<<"] == .int(1))
    }

    @Test("JSON surrogate-pair escapes decode, as Python's json.dumps writes them")
    func surrogatePairs() throws {
        let document = try YAMLLoader().load(#"{"name": "\ud842\udfb7 and \ud83d\ude00", "escaped": "\\ud842\\udfb7"}"#)
        #expect(document.root.mapValue?["name"] == .string("\u{20BB7} and \u{1F600}"))
        #expect(document.root.mapValue?["escaped"] == .string(#"\ud842\udfb7"#))
        #expect(Hardening.diagnostics { () throws(DiagnosticError) in try YAMLLoader().load(#"{"lone": "\ud842"}"#) }.first?.code == "yaml.syntax")
    }

    @Test("alias expansion is bounded by bytes as well as nodes")
    func aliasBytes() {
        let name = String(repeating: "n", count: 1 << 20)
        var text = "a: &a \(name)\nlist:\n"
        for _ in 0..<20 { text += "  - *a\n" }
        let diagnostics = Hardening.diagnostics { () throws(DiagnosticError) in
            try YAMLLoader(limits: .with { $0.maxAliasBytes = 8 << 20 }).load(text, file: "bomb.yaml")
        }
        #expect(diagnostics.map(\.code) == ["yaml.alias-limit"])
        #expect(diagnostics.first?.span?.start.line == 11)
    }
}
