import Readiness
import Testing

@testable import Reporting

/// Baseline matching: by snapshot, rule, subject and fingerprint, never by line.
@Suite struct FindingComparisonTests {
    static func record(
        _ rule: String, _ subject: String?, _ status: ResultStatus, snapshot: String = "a.yaml", missing: String? = nil
    ) -> FindingRecord {
        FindingRecord(snapshot: snapshot, rule: rule, subject: subject, index: nil, missingFact: missing, status: status, message: "m")
    }

    @Test("new, worse, unchanged, improved and resolved findings")
    func changes() {
        let previous = [
            Self.record("NET-1", "Perth", .warn), Self.record("NET-1", "Kalgoorlie", .fail),
            Self.record("DATA-2", nil, .fail), Self.record("GOV-3", nil, .fail),
        ]
        let current = [
            Self.record("NET-1", "Perth", .fail), Self.record("NET-1", "Kalgoorlie", .fail),
            Self.record("DATA-2", nil, .waived), Self.record("TRN-4", nil, .warn),
        ]
        let comparison = FindingComparison(previous: previous, current: current)
        #expect(comparison.entries(.worse).map(\.record.key.description) == ["NET-1 [Perth]"])
        #expect(comparison.entries(.unchanged).map(\.record.key.description) == ["NET-1 [Kalgoorlie]"])
        #expect(comparison.entries(.improved).map(\.record.key.description) == ["DATA-2"])
        #expect(comparison.entries(.new).map(\.record.key.description) == ["TRN-4"])
        #expect(comparison.entries(.resolved).map(\.record.key.description) == ["GOV-3"])
        #expect(comparison.newOrWorseOpenFindings(in: "a.yaml").map(\.key.rule) == ["NET-1", "TRN-4"])
    }

    @Test("a single snapshot matches whatever its path; several match by path")
    func snapshots() {
        let one = FindingComparison(
            previous: [Self.record("R", nil, .fail, snapshot: "/old/checkout/x.yaml")],
            current: [Self.record("R", nil, .fail, snapshot: "x.yaml")])
        #expect(one.entries(.unchanged).count == 1)
        let several = FindingComparison(
            previous: [Self.record("R", nil, .fail, snapshot: "a.yaml"), Self.record("R", nil, .fail, snapshot: "b.yaml")],
            current: [Self.record("R", nil, .fail, snapshot: "a.yaml"), Self.record("R", nil, .fail, snapshot: "c.yaml")])
        #expect(several.entries(.unchanged).count == 1)
        #expect(several.entries(.new).map(\.record.snapshot) == ["c.yaml"])
        #expect(several.entries(.resolved).map(\.record.snapshot) == ["b.yaml"])
    }

    @Test("the fingerprint tells apart findings of one rule that differ in kind, not in line")
    func fingerprint() {
        let a = Self.record("R", nil, .unknown, missing: "network.links")
        let b = Self.record("R", nil, .unknown, missing: "network.sites")
        #expect(a.fingerprint != b.fingerprint)
        let comparison = FindingComparison(previous: [a], current: [b])
        #expect(comparison.entries(.new).count == 1)
        #expect(comparison.entries(.resolved).count == 1)
    }

    @Test("the text and Markdown sections say what is new, resolved and unchanged")
    func sections() {
        let comparison = FindingComparison(
            previous: [Self.record("GOV-3", nil, .fail), Self.record("NET-1", "Perth", .fail)],
            current: [Self.record("NET-1", "Perth", .fail), Self.record("TRN-4", nil, .warn)])
        let section = BaselineSection(comparison: comparison, baselinePath: "base.json")
        let text = section.text(language: "en")
        #expect(text.contains("1 new, 0 worse, 1 unchanged, 0 improved, 1 resolved"))
        #expect(text.contains("NEW TRN-4 (warn)"))
        #expect(text.contains("RESOLVED GOV-3 (fail)"))
        let markdown = section.markdown(language: "en")
        #expect(markdown.contains("| new | TRN-4 (warn) — m | warn |"))
        #expect(section.text(language: "zh").contains("新增"))
    }
}
