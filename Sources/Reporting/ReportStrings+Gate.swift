import Readiness

extension ReportStrings {
    var baselineHeading: String { t("Compared with the baseline", "与基线比较") }
    /// The label before the baseline's path.
    var baselineLabel: String { t("Baseline", "基线") }
    /// The heads of the table of listed changes: the change, the finding and its status.
    var baselineColumns: [String] { [t("change", "变化"), t("finding", "问题"), t("status", "状态")] }

    func baselineChange(_ change: FindingComparison.Change) -> String {
        switch change {
        case .new: t("new", "新增")
        case .worse: t("worse", "变差")
        case .unchanged: t("unchanged", "未变")
        case .improved: t("improved", "改善")
        case .resolved: t("resolved", "已解决")
        }
    }

    var baselineGateNote: String {
        t(
            "Only new and worse open findings can fail the gate.",
            "只有新增或变差的未关闭问题会使门禁失败。")
    }
}

extension ReportStrings {
    /// A waiver past its expiry date, for SARIF notifications and GitHub annotations.
    func waiverExpired(_ waiver: Waiver) -> String {
        t(
            "waiver for \(waiverTarget(waiver)) expired on \(waiver.expires) (approved by \(waiver.approvedBy)); the finding counts again",
            "\(waiverTarget(waiver)) 的豁免已于 \(waiver.expires) 过期（批准人 \(waiver.approvedBy)），该问题重新计入")
    }

    /// An active waiver that matched no failing result.
    func waiverUnused(_ waiver: Waiver) -> String {
        t(
            "waiver for \(waiverTarget(waiver)) matched no failing result; remove it or correct its rule or subject",
            "\(waiverTarget(waiver)) 的豁免没有匹配任何失败结果；请删除或更正其规则或对象")
    }

    private func waiverTarget(_ waiver: Waiver) -> String {
        waiver.ruleID + (waiver.subject.map { " [\($0)]" } ?? "")
    }
}
