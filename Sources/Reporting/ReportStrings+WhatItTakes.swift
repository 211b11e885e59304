import Readiness

/// How the reports say what it takes to clear a finding, in English and Chinese.
extension ReportStrings {
    var whatItTakesLabel: String { t("What it takes", "所需变更") }
    var orWord: String { t("; or ", "；或 ") }
    var noSingleChange: String {
        t("no change to one fact alone clears it: several must change together",
          "单独改变任何一个事实都不足以消除：需要同时改变多个事实")
    }
    var notSearched: String { t("not worked out (the run's step budget was spent)", "未计算（本次运行的步数预算已用尽）") }

    /// `wan_mbps 4 → 14 (+10); or users 35 → 10 (-25)`, `collect network.sites[3].wan_mbps`;
    /// nil when there is nothing to say. Facts inside the finding's element are
    /// named by their field alone.
    func whatItTakes(_ found: WhatItTakes?, subject: String?) -> String? {
        guard let found else { return nil }
        switch found.outcome {
        case .change:
            return found.changes.map { change(of: $0, subject: subject) }.joined(separator: orWord)
        case .noSingleChange: return noSingleChange
        case .notSearched: return notSearched
        case .collect:
            return found.collect.isEmpty ? nil : t("collect ", "收集 ") + found.collect.joined(separator: listSeparator)
        case .notEvaluable:
            return t("the rule cannot be evaluated on these facts: correct them first", "规则无法基于这些事实求值：请先更正事实")
        }
    }

    /// One change: `wan_mbps 4 → 14 (+10)`, `data.rehearsals 1 → 3 (+2 like "Mock 1, full: true")`.
    func change(of change: FactChange, subject: String?) -> String {
        var fact = change.fact
        // The finding names its element: the fact inside it is named by its field.
        if subject != nil, let range = fact.range(of: "]."), range.upperBound < fact.endIndex {
            fact = String(fact[range.upperBound...])
        }
        var text = "\(fact) \(change.from) → \(change.to)"
        switch change.kind {
        case .count:
            let like = change.copiedElement.map { t(", copies of ", "，复制 ") + "“\($0)”" } ?? ""
            text = "\(fact) \(change.from) → \(change.to) " + t("elements", "项") + " (\(change.change ?? "")\(like))"
        case .date:
            text += " (\((change.change ?? "").replacingDaySuffix(t(" days", " 天"))))"
        default:
            if let delta = change.change { text += " (\(delta))" }
        }
        return text
    }
}

extension String {
    /// `+12d` → `+12 days`.
    fileprivate func replacingDaySuffix(_ word: String) -> String {
        hasSuffix("d") ? String(dropLast()) + word : self
    }
}
