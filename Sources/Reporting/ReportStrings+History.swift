import Readiness

/// The words of `readiness diff` and `readiness history`, in English and Chinese.
extension ReportStrings {
    var diffTitle: String { t("Readiness diff", "上线准备度对比") }
    var whatIfTitle: String { t("What if", "假设分析") }
    var changesTried: String { t("Changes tried", "尝试的变更") }
    var fact: String { t("Fact", "事实") }
    var historyTitle: String { t("Readiness over time", "上线准备度趋势") }
    var before: String { t("Before", "之前") }
    var after: String { t("After", "之后") }
    var change: String { t("Change", "变化") }
    var verdictChange: String { t("Verdict", "结论") }
    var unchanged: String { t("unchanged", "未变") }
    var noChanges: String { t("No changes.", "没有变化。") }
    var phaseChanges: String { t("Phases", "阶段") }
    var movedIn: String { t("Moved in", "移入") }
    var movedOutLabel: String { t("Moved out", "移出") }
    var findingChanges: String { t("Findings", "发现的问题") }
    var newFindings: String { t("New", "新增") }
    var resolvedFindings: String { t("Resolved", "已解决") }
    var worseFindings: String { t("Worse", "恶化") }
    var betterFindings: String { t("Better", "好转") }
    var unchangedFindings: String { t("Unchanged", "未变") }
    var areaChanges: String { t("Areas", "各类别") }
    var absent: String { t("absent", "无") }
    var message: String { t("Message", "说明") }
    var assessments: String { t("Assessments", "评估记录") }
    var recordedAt: String { t("Recorded", "记录时间") }
    var verdictTimeline: String { t("Verdict timeline", "结论时间线") }
    var burnDown: String { t("Open findings by severity", "按严重程度统计的未关闭问题") }
    var coverageOverTime: String { t("Readiness and evidence coverage", "准备度与证据覆盖率") }
    var areasOverTime: String { t("Readiness by area over time", "各类别准备度变化") }
    var openedClosed: String { t("Opened and closed", "新增与关闭") }
    var opened: String { t("Opened", "新增") }
    var closed: String { t("Closed", "关闭") }
    var openFindings: String { t("Open findings", "未关闭的问题") }
    var noAssessments: String { t("No assessments recorded.", "没有评估记录。") }
    var since: String { t("since", "起始日期") }
    var lastVerdictChange: String { t("Last verdict change", "最近一次结论变化") }

    /// `3 new, 1 resolved, …`.
    func findingCounts(new: Int, resolved: Int, worse: Int, better: Int, unchanged: Int) -> String {
        t(
            "\(new) new, \(resolved) resolved, \(worse) worse, \(better) better, \(unchanged) unchanged",
            "新增 \(new)，已解决 \(resolved)，恶化 \(worse)，好转 \(better)，未变 \(unchanged)")
    }

    /// The name of a phase decision.
    func decision(_ verdict: Verdict?) -> String {
        verdict.map(self.verdict) ?? absent
    }
}
