import Readiness
import SourceDiagnostics
import StrictYAML
import Testing

@Suite struct EngineTests {
    let harness = Harness()

    func evaluateFixture(_ options: EvaluationOptions = EvaluationOptions()) throws -> Evaluation {
        try harness.evaluate(
            rulesets: [Paths.fixture("engine.yaml")], snapshot: Paths.fixture("engine-snapshot.yaml"), options: options)
    }

    struct StatusCase: Sendable, CustomTestStringConvertible {
        var rule: String
        var status: ResultStatus
        var testDescription: String { "\(rule) → \(status.rawValue)" }
    }

    static let statusCases: [StatusCase] = [
        .init(rule: "T-PASS", status: .pass),
        .init(rule: "T-FAIL-MITIGATE", status: .waived),
        .init(rule: "T-NA", status: .notApplicable),
        .init(rule: "T-UNKNOWN", status: .unknown),
        .init(rule: "T-ERROR", status: .error),
        .init(rule: "T-SITES", status: .fail),
    ]

    /// Rules over the same list, and rules over the keys of two sibling maps (whose key lists
    /// share storage), each give what they give alone, positions included.
    static let sharedLists = """
        ruleset: shared
        rules:
          - {id: S-RAM, title: S, category: c, severity: high, for_each: "s in servers", check: "s.ram >= 16", action: mitigate}
          - {id: S-A-KEYS, title: A, category: c, severity: high, for_each: "k in a", check: "false", action: mitigate}
          - {id: S-NAME, title: N, category: c, severity: high, for_each: "s in servers", check: "s.name != 'b'", action: mitigate}
          - {id: S-B-KEYS, title: B, category: c, severity: high, for_each: "k in b", check: "false", action: mitigate}
          - {id: S-DISK, title: D, category: c, severity: high, for_each: "s in servers", when: "s.ram > 4", check: "s.disk > s.ram", action: mitigate}
        """

    static let sharedSnapshot = """
        project: {name: x, as_of: '2026-01-01'}
        servers:
          - {name: a, ram: 8, disk: 100}
          - {name: b, ram: 32, disk: 10}
          - {name: c, ram: 2, disk: 1}
        a:
          x: 1
          y: 2
        b:
          x: 3
          y: 4
        """

    @Test("rules over one list give, together, what each gives alone; sibling maps' keys keep their own positions")
    func sharedListsMatchSingleRules() throws {
        let catalog = try harness.loader.load(text: Self.sharedLists, file: "shared.yaml")
        let snapshot = try harness.snapshots.load(bytes: Array(Self.sharedSnapshot.utf8), file: "snapshot.yaml")
        for parallelism in [1, 4] {
            var options = EvaluationOptions()
            options.parallelism = parallelism
            let together = try harness.engine.evaluate(catalog, against: snapshot, options: options).evaluation
            func describe(_ e: Evaluation, rule: String) -> [String] {
                e.results.filter { e.rules[$0.ruleIndex].rule.id == rule }.map {
                    "\($0.status.rawValue) \($0.subject ?? "-") \($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.message ?? "")"
                }
            }
            for rule in catalog.rulesets[0].rules {
                let alone = try harness.loader.load(
                    text: Self.sharedLists.components(separatedBy: "\n").filter { !$0.contains("id: S-") || $0.contains("id: \(rule.id),") }
                        .joined(separator: "\n"),
                    file: "shared.yaml")
                let single = try harness.engine.evaluate(alone, against: snapshot, options: options).evaluation
                #expect(describe(together, rule: rule.id) == describe(single, rule: rule.id))
            }
            #expect(describe(together, rule: "S-A-KEYS").map { $0.split(separator: " ")[2] } == ["7:3", "8:3"])
            #expect(describe(together, rule: "S-B-KEYS").map { $0.split(separator: " ")[2] } == ["10:3", "11:3"])
            #expect(together.rules.map(\.counts.fail) == [2, 2, 1, 2, 1])
        }
    }

    @Test("every status", arguments: statusCases)
    func status(_ c: StatusCase) throws {
        let evaluation = try evaluateFixture()
        #expect(evaluation.status(of: c.rule) == c.status)
    }

    @Test("outcomes: the first that holds decides, per element")
    func outcomes() throws {
        let results = try evaluateFixture().results(of: "T-SITES")
        #expect(results.map(\.status) == [.pass, .fail, .warn])
        #expect(results.map(\.subject) == ["HQ", "Remote", "Branch"])
        #expect(results.map(\.index) == [0, 1, 2])
        #expect(results[1].message == "Remote: 300 ms")
        #expect(results[2].message == "Branch is slowish")
        // The element's own position in the snapshot.
        #expect(results[1].location?.line == 10)
        #expect(results[1].location?.column == 7)
    }

    @Test("a missing fact is unknown and names the first leaf to collect, not the missing section")
    func unknown() throws {
        let result = try #require(try evaluateFixture().results(of: "T-UNKNOWN").first)
        #expect(result.status == .unknown)
        #expect(result.missingFact == "data.backup.tested_restore")
        #expect(result.message == "missing fact: data.backup.tested_restore")
    }

    @Test("a type error is an error result that says what went wrong, and the others still run")
    func error() throws {
        let evaluation = try evaluateFixture()
        let result = try #require(evaluation.results(of: "T-ERROR").first)
        #expect(result.status == .error)
        #expect(result.errorMessage?.isEmpty == false)
        #expect(result.message?.contains("engine.yaml:39:25") == true)
        #expect(evaluation.status(of: "T-SITES") == .fail)
    }

    @Test("waivers: an active waiver turns a fail into waived; expired and unused ones are reported")
    func waivers() throws {
        let evaluation = try evaluateFixture()
        let waived = try #require(evaluation.results(of: "T-FAIL-MITIGATE").first)
        #expect(waived.status == .waived)
        #expect(waived.waiver?.approvedBy == "CIO")
        #expect(evaluation.waivers.applied.map(\.waiver.ruleID) == ["T-FAIL-MITIGATE"])
        #expect(evaluation.waivers.expired.map(\.ruleID) == ["T-ERROR"])
        #expect(evaluation.waivers.unused.map(\.ruleID) == ["T-SITES"])
    }

    @Test("an expired waiver is not honoured once the date passes it")
    func expiredWaiver() throws {
        let evaluation = try evaluateFixture(EvaluationOptions(asOf: CalendarDate.parse("2026-04-01")))
        #expect(evaluation.status(of: "T-FAIL-MITIGATE") == .fail)
        #expect(evaluation.waivers.expired.map(\.ruleID).contains("T-FAIL-MITIGATE"))
    }

    @Test("parameters: snapshot and command line override declared values; ints widen to declared doubles")
    func parameters() throws {
        var options = EvaluationOptions()
        options.parameters = [("max_latency_ms", .int(400))]
        let evaluation = try evaluateFixture(options)
        #expect(evaluation.parameters.first { $0.name == "max_latency_ms" }?.value == .double(400))
        #expect(evaluation.results(of: "T-SITES").map(\.status) == [.pass, .warn, .warn])
    }

    @Test("an unknown command-line parameter is an error with a suggestion")
    func unknownParameter() {
        var options = EvaluationOptions()
        options.parameters = [("max_latency", .int(1))]
        let diagnostics = Harness.diagnostics { _ = try evaluateFixture(options) }
        #expect(diagnostics.map(\.code) == ["params.unknown"])
        #expect(diagnostics.first?.notes.first?.message == "did you mean 'max_latency_ms'?")
    }

    @Test("the evaluation date comes from the snapshot unless --as-of overrides it")
    func asOf() throws {
        #expect(try evaluateFixture().asOf == "2026-03-01")
        #expect(try evaluateFixture(EvaluationOptions(asOf: CalendarDate.parse("2027-01-02"))).asOf == "2027-01-02")
    }

    @Test("provenance: a SHA-256 of each ruleset and snapshot")
    func provenance() throws {
        let evaluation = try evaluateFixture()
        #expect(evaluation.inputs.map(\.kind) == ["ruleset", "snapshot"])
        #expect(evaluation.inputs.allSatisfy { $0.sha256.count == 64 })
        #expect(SHA256.hexDigest(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test(
        "a message's placeholders are '{{ … }}' around CEL; a brace a combining mark extends is text",
        arguments: [
            ("{{ s }} is {{ s.size() }} long", "abc is 3 long"),
            ("{{ s }}}", "abc}"),
            ("\u{4E2D}{{ s }}\u{6587}", "\u{4E2D}abc\u{6587}"),
            ("a {{\u{301}b}} c", "a {{\u{301}b}} c"),
            ("{{ s }}}}\u{301}", "abc}}\u{301}"),
        ])
    func placeholders(template: String, expected: String) throws {
        let ruleset = """
            ruleset: messages
            rules:
              - id: M
                title: M
                category: c
                severity: low
                for_each: s in items
                check: "false"
                action: warn
                message: "\(template.replacingOccurrences(of: "\"", with: "\\\""))"
            """
        let catalog = try harness.loader.load(text: ruleset, file: "messages.yaml")
        let snapshot = try harness.snapshots.load(bytes: Array("project: {name: x, as_of: '2026-01-01'}\nitems: [abc]\n".utf8), file: "s.yaml")
        let evaluation = try harness.engine.evaluate(catalog, against: snapshot).evaluation
        #expect(evaluation.results.first?.message == expected)
    }

    @Test("messages render in the chosen language, falling back to English")
    func language() throws {
        let evaluation = try evaluateFixture(EvaluationOptions(language: "zh"))
        #expect(evaluation.results(of: "T-UNKNOWN").first?.message == "缺少事实：data.backup.tested_restore")
        #expect(evaluation.rules.first { $0.rule.id == "T-PASS" }?.rule.title.resolved("zh") == "Always passes")
    }
}

@Suite struct ParallelEvaluationTests {
    @Test("a long for_each list judged on several cores gives exactly the serial results")
    func parallelMatchesSerial() throws {
        var sites = "network:\n  sites:\n"
        for i in 0..<5_000 {
            sites += "    - {name: s\(i), latency_ms: \((i * 37) % 400)}\n"
        }
        let snapshot = try SnapshotLoader().load(bytes: Array(("project: {name: p, as_of: '2026-01-01'}\n" + sites).utf8), file: "sites.yaml")
        let catalog = try RulesetLoader().load([Paths.fixture("engine.yaml")]).catalog
        var serial = EvaluationOptions()
        serial.parallelism = 1
        var parallel = EvaluationOptions()
        parallel.parallelism = 4
        let a = try Engine().evaluate(catalog, against: snapshot, options: serial).evaluation
        let b = try Engine().evaluate(catalog, against: snapshot, options: parallel).evaluation
        #expect(a.results.count == b.results.count)
        #expect(a.results.map(\.status) == b.results.map(\.status))
        #expect(a.results.map(\.subject) == b.results.map(\.subject))
        #expect(a.results.map(\.message) == b.results.map(\.message))
        #expect(a.results(of: "T-SITES").count == 5_000)
        #expect(a.verdict == b.verdict)
    }
}
