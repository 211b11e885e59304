import Readiness
import SourceDiagnostics
import StrictYAML
import Testing

/// `null`, `~`, `unknown` and `TBD` mean "not known yet": rules reading them are unknown with
/// the path to collect, exactly as for an absent key, and never a CEL error.
@Suite struct UnknownFactsTests {
    let harness = Harness()

    func evaluate() throws -> Evaluation {
        try harness.evaluate(
            rulesets: ["network", "environment"], snapshot: Paths.fixture("typed/unknowns.yaml"))
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var rule: String
        var index: Int
        var path: String
        var testDescription: String { "\(rule)[\(index)] → unknown \(path)" }
    }

    static let cases: [Case] = [
        .init(rule: "NET-WAN-PER-USER", index: 0, path: "network.sites[0].wan_mbps"),
        .init(rule: "NET-LATENCY", index: 0, path: "network.sites[0].latency_ms"),
        .init(rule: "NET-LINK-UTILISATION", index: 0, path: "network.sites[0].peak_utilisation_pct"),
        .init(rule: "NET-BACKUP-LINK", index: 0, path: "network.sites[0].backup_link"),
    ]

    @Test("a marker reads as an absent fact: unknown with the path to collect", arguments: cases)
    func markerIsUnknown(_ c: Case) throws {
        let evaluation = try evaluate()
        let result = try #require(evaluation.results(of: c.rule).first { $0.index == c.index })
        #expect(result.status == .unknown)
        #expect(result.missingFact == c.path)
        #expect(result.errorMessage == nil)
    }

    @Test("no rule gives a CEL error on a snapshot of unknowns")
    func noErrors() throws {
        let evaluation = try evaluate()
        let errors = evaluation.results.filter { $0.status == .error }
        #expect(errors.isEmpty, "\(errors.map { $0.message ?? "" })")
    }

    @Test("the unknown points at the marker's own line")
    func locationIsTheMarker() throws {
        let evaluation = try evaluate()
        let result = try #require(evaluation.results(of: "NET-WAN-PER-USER").first { $0.index == 0 })
        #expect(result.location?.line == 11)
    }

    @Test("a whole section left unknown, and an empty value, are unknown too")
    func sectionAndEmptyValue() throws {
        let evaluation = try evaluate()
        let offsite = try #require(evaluation.results(of: "NET-OFFSITE-BACKUP").first)
        // environment.hosting is unknown, so the rule's `when` cannot be decided.
        #expect(offsite.status == .unknown)
        #expect(offsite.missingFact == "environment.hosting")
        let remote = try #require(evaluation.results(of: "NET-BACKUP-LINK").first { $0.index == 0 })
        #expect(remote.status == .unknown)
    }

    @Test("markers are recognised in any case; other strings are facts", arguments: [
        ("unknown", true), ("Unknown", true), ("TBD", true), ("tbd", true), ("UNKNOWN", true),
        ("", false), ("none", false), ("unknowns", false), ("tbd.", false),
    ])
    func markerSpelling(_ text: String, _ isMarker: Bool) {
        #expect(UnknownFacts.isMarker(.string(text)) == isMarker)
    }

    @Test("a snapshot without markers is not copied")
    func noCopyWithoutMarkers() throws {
        let snapshot = try harness.snapshots.load(contentsOf: Paths.package("Examples/small-company-crm.yaml"))
        #expect(snapshot.facts == nil)
    }
}

/// Rules whose `for_each` filters a list name a missing fact from the snapshot's root.
@Suite struct ComputedListPathTests {
    @Test("an element of a filtered list is named by its own path in the snapshot", arguments: [
        ("Li", "staffing.members[1].years_experience"),
        ("Chen", "staffing.members[2].years_experience"),
    ])
    func filteredElementPath(_ subject: String, _ path: String) throws {
        let evaluation = try Harness().evaluate(
            rulesets: ["staffing"], snapshot: Paths.fixture("typed/filtered-members.yaml"))
        let result = try #require(evaluation.results(of: "STAFF-PM-EXPERIENCE").first { $0.subject == subject })
        #expect(result.status == .unknown)
        #expect(result.missingFact == path)
        #expect(result.message == "missing fact: \(path)")
    }
}
