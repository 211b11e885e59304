/// Pairs the findings of two assessments by rule and subject (the n-th finding with a given
/// rule and subject in one matches the n-th in the other), never by line: lines move when a
/// snapshot is edited.
enum FindingMatcher {
    struct Key: Hashable {
        var rule: String
        var subject: String?
        var occurrence: Int
    }

    /// Findings only in `new`, only in `old`, and in both (in `new`'s order).
    static func match(
        _ old: [AssessmentSummary.Finding], _ new: [AssessmentSummary.Finding]
    ) -> (added: [AssessmentSummary.Finding], removed: [AssessmentSummary.Finding], pairs: [AssessmentDiff.FindingChange]) {
        let oldKeys = keys(old)
        var oldByKey: [Key: Int] = [:]
        oldByKey.reserveCapacity(old.count)
        for (i, key) in oldKeys.enumerated() { oldByKey[key] = i }
        var matchedOld = Array(repeating: false, count: old.count)
        var added: [AssessmentSummary.Finding] = []
        var pairs: [AssessmentDiff.FindingChange] = []
        for (finding, key) in zip(new, keys(new)) {
            if let i = oldByKey[key] {
                matchedOld[i] = true
                pairs.append(.init(old: old[i], new: finding))
            } else {
                added.append(finding)
            }
        }
        let removed = old.indices.filter { !matchedOld[$0] }.map { old[$0] }
        return (added, removed, pairs)
    }

    static func keys(_ findings: [AssessmentSummary.Finding]) -> [Key] {
        var seen: [Key: Int] = [:]
        return findings.map { finding in
            var key = Key(rule: finding.rule, subject: finding.subject, occurrence: 0)
            let n = seen[key, default: 0]
            seen[key] = n + 1
            key.occurrence = n
            return key
        }
    }
}
