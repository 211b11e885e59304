import Readiness

extension ReportStrings {
    /// The words only the text report writes.
    var textReport: TextPhrases { TextPhrases(strings: self) }

    /// The words only the text report writes: its lower-case column heads and the short labels
    /// that lead its lines. A label that leads a value carries the space or colon after it.
    struct TextPhrases {
        let strings: ReportStrings

        private func t(_ en: String, _ zh: String) -> String { strings.t(en, zh) }

        // MARK: Header and verdict

        var readinessLabel: String { t("Readiness: ", "上线准备度：") }
        var asOfLabel: String { t("as of ", "评估日期 ") }
        var noDate: String { t("(no date)", "（无日期）") }
        var rules: String { t("rules", "条规则") }
        var strictMark: String { t(" · strict", " · 严格模式") }
        var verdictLabel: String { t("Verdict: ", "结论：") }
        var warningLabel: String { t("Input warning: ", "输入警告：") }

        /// A parameter a later ruleset sets over the ruleset that declares it.
        func parameterOverridden(_ name: String, of owner: String, by ruleset: String) -> String {
            t("Parameter \(name) of ruleset \(owner) is overridden by ruleset \(ruleset)",
              "规则集 \(ruleset) 覆盖了规则集 \(owner) 的参数 \(name)")
        }

        /// The rules deciding the verdict that are not listed.
        func moreRules(_ count: Int) -> String { t("… and \(count) more rules", "……另有 \(count) 条规则") }

        // MARK: Column heads

        var area: String { t("area", "类别") }
        var snapshot: String { t("snapshot", "快照") }
        var verdict: String { t("verdict", "结论") }
        var status: String { t("status", "状态") }
        var evidence: String { t("evidence", "证据覆盖") }
        var checksPassed: String { t("checks passed", "检查通过") }
        var open: String { t("open", "未关闭") }
        var exposure: String { t("exposure", "风险值") }
        var overall: String { t("overall", "总体") }

        // MARK: Phase plan

        var scopeLabel: String { t("scope ", "范围 ") }
        var pendingFollowOn: String { t("a follow-on once the phase resumes", "恢复后的后续阶段") }
        var movesLabel: String { t("moves ", "移出 ") }
        var becauseLabel: String { t("because ", "原因 ") }
        var dependsOnLabel: String { t("because it depends on ", "因依赖已推迟的阶段 ") }
        var conditionsLabel: String { t("conditions ", "条件 ") }
        var collectLabel: String { t("collect ", "需收集 ") }
        var byLabel: String { t("by ", "截止 ") }
        var conflictLabel: String { t("conflict ", "冲突 ") }
        var waiverExpiresLabel: String { t("waiver expires ", "豁免到期 ") }
        var onLabel: String { t("on ", "于 ") }
        var beforePhaseEnds: String { t(", before the phase ends", "，早于阶段结束") }

        // MARK: Prerequisites, findings and waivers

        var prerequisiteWork: String { t("Prerequisite work", "前提工作") }
        var noFindings: String { t("none: every applicable rule passed", "无：所有适用规则均已通过") }
        var waivedUntilLabel: String { t("waived until ", "豁免至 ") }
        var collectColonLabel: String { t("collect: ", "需收集：") }
        var appliedLabel: String { t("applied ", "已生效 ") }
        var untilLabel: String { t("until ", "至 ") }
        var expiredLabel: String { t("expired ", "已过期 ") }
        var unusedLabel: String { t("unused ", "未使用 ") }
        var portfolio: String { t("Portfolio", "项目组合") }
    }
}
