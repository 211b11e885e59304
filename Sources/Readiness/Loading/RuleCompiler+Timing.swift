import SourceDiagnostics
import StrictYAML

extension RuleCompiler {
    /// A rule's timing: `due`, `lead_time_days` and `evidence_deadline_days` (the ruleset's
    /// `evidence_deadline_days`, else the default, when the rule gives none).
    mutating func timing(_ reader: MappingReader, rulesetDeadline: Int?) -> (due: Rule.Due?, leadTime: Int?, deadline: Int) {
        let leadTime = reader.integer("lead_time_days", in: 0...3650, into: &diagnostics)
        let deadline = reader.integer("evidence_deadline_days", in: 0...3650, into: &diagnostics)
        return (due(reader), leadTime, deadline ?? rulesetDeadline ?? RuleTimingDefaults.evidenceDeadlineDays)
    }

    /// `due: {from: start}` or `due: {before: go_live, days: N}`.
    mutating func due(_ reader: MappingReader) -> Rule.Due? {
        let expected = "{from: start} or {before: go_live, days: N}"
        guard let map = reader.mapping("due", expected: expected, into: &diagnostics) else { return nil }
        let sub = MappingReader(map, file: file, context: "'due'")
        sub.checkKeys(["from", "before", "days"], into: &diagnostics)
        let from = sub.string("from", into: &diagnostics)
        let before = sub.string("before", into: &diagnostics)
        let days = sub.integer("days", in: 0...3650, into: &diagnostics)
        switch (from, before) {
        case ("start"?, nil) where days == nil:
            return .fromStart
        case (nil, "go_live"?):
            return .beforeGoLive(days: days ?? 0)
        case (let from?, nil) where from != "start":
            diagnostics.append(RulesetDiagnostics.invalidEnum(from, field: "due.from", allowed: ["start"], at: sub.valueLocation("from")))
        case (nil, let before?):
            diagnostics.append(RulesetDiagnostics.invalidEnum(before, field: "due.before", allowed: ["go_live"], at: sub.valueLocation("before")))
        default:
            diagnostics.append(RulesetDiagnostics.wrongType("due", expected: expected, found: .map(map), at: reader.valueLocation("due")))
        }
        return nil
    }
}
