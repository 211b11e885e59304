import Readiness

/// Evidence gaps of a phase grouped by the fact to collect and its deadline, so a phase whose
/// whole `environment` section is missing asks for it once, naming the rules that need it.
struct EvidenceGapGroup: Hashable {
    /// The fact to collect (with the subject, for a per-element gap).
    var fact: String
    /// The day it is due, when the dates say.
    var collectBy: String?
    /// The rules waiting for it, in order.
    var rules: [String]

    /// The groups, in the order their first gap appears.
    static func group(_ gaps: [Reason]) -> [EvidenceGapGroup] {
        var out: [EvidenceGapGroup] = []
        var slot: [String: Int] = [:]
        for gap in gaps {
            let fact = (gap.missingFact ?? gap.rule) + (gap.subject.map { " [\($0)]" } ?? "")
            let key = fact + "\u{0}" + (gap.collectBy ?? "")
            if let i = slot[key] {
                if !out[i].rules.contains(gap.rule) { out[i].rules.append(gap.rule) }
            } else {
                slot[key] = out.count
                out.append(EvidenceGapGroup(fact: fact, collectBy: gap.collectBy, rules: [gap.rule]))
            }
        }
        return out
    }
}
