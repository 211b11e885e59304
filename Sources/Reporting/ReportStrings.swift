import Readiness

/// The phrasebook as the reporters name it. The words of a report's chrome (headings, labels,
/// status and verdict names) are written in extensions of it here, each phrase in English and
/// Chinese side by side; text that comes from rulesets (titles, messages, recommendations) is
/// resolved from the rulesets themselves.
typealias ReportStrings = Phrases

extension ReportStrings {
    /// The `lang` attribute for HTML.
    var htmlLanguage: String { t("en", "zh-CN") }

    // MARK: Titles and headings

    /// What the reports call the assessment a stage calls for: the report's title, and the kind
    /// of assessment in a few words.
    private static func phrases(of stage: ProjectStage) -> (title: Phrase, assessment: Phrase) {
        switch stage {
        case .feasibility:
            (Phrase(en: "Pre-project feasibility assessment", zh: "项目前期可行性评估报告"),
             Phrase(en: "feasibility assessment", zh: "可行性评估"))
        case .delivery:
            (Phrase(en: "Go-live readiness report", zh: "上线准备度评估报告"),
             Phrase(en: "go-live readiness review", zh: "上线准备度评审"))
        }
    }

    /// The report's title for the kind of assessment the stage calls for.
    func reportTitle(_ stage: ProjectStage) -> String { Self.phrases(of: stage).title[phraseLanguage] }

    /// The kind of assessment, in a few words.
    func assessment(_ stage: ProjectStage) -> String { Self.phrases(of: stage).assessment[phraseLanguage] }

    var portfolioTitle: String { t("Portfolio readiness", "项目组合上线准备度") }
    var summary: String { t("Summary", "概要") }
    var verdict: String { t("Verdict", "结论") }
    var decidedBy: String { t("Decided by", "决定因素") }
    var scores: String { t("Scores", "评分") }
    var readinessByCategory: String { t("Areas: status and checks passed", "各领域：状态与检查通过率") }
    var risk: String { t("Risk", "风险") }
    var riskMatrix: String { t("Risk matrix", "风险矩阵") }
    var topRisks: String { t("Open risks by exposure", "按风险值排列的未关闭风险") }
    var phasePlan: String { t("Phase plan", "阶段计划") }
    var planBefore: String { t("Before: the plan as submitted", "调整前：提交的计划") }
    var planAfter: String { t("After: the recommended plan", "调整后：建议的计划") }
    var prerequisites: String { t("Prerequisites", "前提条件") }
    var projectWide: String { t("Project-wide findings", "涉及整个项目的问题") }
    var unplacedItems: String { t("Affected items outside every phase", "不属于任何阶段的受影响项") }
    var findings: String { t("Findings", "发现的问题") }
    var evidenceGaps: String { t("Evidence gaps", "证据缺口") }
    var waivers: String { t("Waivers", "豁免") }
    var waiversApplied: String { t("Applied", "已生效") }
    var waiversExpired: String { t("Expired (not honoured)", "已过期（未采纳）") }
    var waiversUnused: String { t("Unused", "未使用") }
    var provenance: String { t("Provenance", "来源与可追溯性") }
    var parametersSet: String { t("Parameters set by the snapshot", "快照中设置的参数") }
    var contents: String { t("Contents", "目录") }

    // MARK: Labels

    var project: String { t("Project", "项目") }
    var snapshot: String { t("Snapshot", "快照") }
    var asOf: String { t("As of", "评估日期") }
    var readiness: String { t("Checks passed", "检查通过率") }
    var areaStatus: String { t("Status", "状态") }
    var areas: String { t("Areas", "各领域状态") }
    var plannedWork: String { t("Planned work (not yet due)", "计划中的工作（尚未到期）") }
    var noPlannedWork: String { t("No planned work: every check is due.", "没有计划中的工作：所有检查均已到期。") }
    var due: String { t("Due", "到期日") }
    var collectBy: String { t("collect by", "须于此日期前收集") }
    var notEvidenced: String { t("not evidenced", "缺少证据") }
    var conflictsLabel: String { t("Plan conflicts", "计划冲突") }
    var expiringWaiversLabel: String { t("Waivers expiring before the phase ends", "在阶段结束前到期的豁免") }
    var emptiedPhase: String { t("every item of a scope moved out: the phase cannot go live empty", "某类范围的全部项目均已移出：该阶段不能空范围上线") }
    var leadTime: String { t("lead time", "准备周期") }
    var earliestDone: String { t("earliest done", "最早完成") }
    var days: String { t("days", "天") }

    /// `lead time 30 days, earliest done 2027-01-05`; nil when the prerequisite has no lead time.
    func leadTime(of prerequisite: Prerequisite) -> String? {
        guard let count = prerequisite.leadTimeDays else { return nil }
        return "\(leadTime) \(count) \(days)" + (prerequisite.earliestDone.map { "\(listSeparator)\(earliestDone) \($0)" } ?? "")
    }

    /// "depends on PHASE, whose ITEMS moved to FOLLOW-ON (from DATE)".
    func conflict(_ c: PlanConflict) -> String {
        let items = c.items.joined(separator: listSeparator)
        let from = c.followOnStart.map { t(" (from \($0))", "（\($0) 起）") } ?? ""
        return t(
            "depends on \(c.dependsOn), whose \(items) moved to \(c.followOn)\(from), after this phase starts",
            "依赖 \(c.dependsOn)，但其 \(items) 已移至 \(c.followOn)\(from)，晚于本阶段开始")
    }

    /// The name of a readiness status stored as text (a history, a JSON report): translated when
    /// it is one, else as written.
    func status(named raw: String?) -> String? {
        guard let raw else { return nil }
        return ReadinessStatus(rawValue: raw).map { status($0) } ?? raw
    }

    /// The name of a readiness status.
    func status(_ status: ReadinessStatus) -> String {
        switch status {
        case .green: t("green", "绿")
        case .amber: t("amber", "黄")
        case .grey: t("grey (not assessed)", "灰（未评估）")
        case .red: t("red", "红")
        }
    }
    var coverage: String { t("Evidence coverage", "证据覆盖率") }
    var coverageShort: String { t("Coverage", "覆盖率") }
    var exposure: String { t("Exposure", "风险值") }
    var category: String { t("Category", "类别") }
    var overall: String { t("Overall", "总体") }
    var rule: String { t("Rule", "规则") }
    var subject: String { t("Subject", "对象") }
    var status: String { t("Status", "状态") }
    var severity: String { t("Severity", "严重程度") }
    var action: String { t("Action", "处理方式") }
    var location: String { t("Location", "位置") }
    var recommendation: String { t("Recommendation", "建议") }
    var rationale: String { t("Why it matters", "原因") }
    var evidence: String { t("Evidence to collect", "需收集的证据") }
    var missingFact: String { t("Missing fact", "缺失的事实") }
    var references: String { t("References", "参考资料") }
    var likelihood: String { t("Likelihood", "可能性") }
    var impact: String { t("Impact", "影响") }
    var likelihoodTimesImpact: String { t("L × I", "可能性 × 影响") }
    var phase: String { t("Phase", "阶段") }
    var dates: String { t("Dates", "日期") }
    var scope: String { t("Scope", "范围") }
    var decision: String { t("Decision", "决定") }
    var dependsOn: String { t("Depends on", "依赖") }
    var movedTo: String { t("Moved to", "移至") }
    /// The heading of what a deferred phase moves out: no follow-on exists until it resumes.
    var movedToPendingFollowOn: String { t("Moved to a follow-on once the phase resumes", "恢复后移至后续阶段") }
    var moved: String { t("Moved out", "移出") }
    var splitFrom: String { t("Split from", "拆分自") }
    var deferredBecause: String { t("Deferred because", "推迟原因") }
    var deferredDependencies: String { t("Depends on deferred phases", "依赖已推迟的阶段") }
    var conditions: String { t("Conditions", "条件") }
    var followOn: String { t("follow-on", "后续阶段") }
    var deferredMark: String { t("deferred", "已推迟") }
    var originalPlan: String { t("as submitted", "原计划") }
    var noPhases: String { t("The snapshot gives no phases.", "快照中没有阶段。") }
    var noFindings: String { t("No findings: every applicable rule passed.", "没有发现问题：所有适用的规则均已通过。") }
    var noEvidenceGaps: String { t("No evidence gaps: every fact the rules read was given.", "没有证据缺口：规则读取的所有事实均已提供。") }
    var noWaivers: String { t("No waivers.", "没有豁免。") }
    var noOpenRisks: String { t("No open risks.", "没有未关闭的风险。") }
    var reason: String { t("Reason", "理由") }
    var approvedBy: String { t("Approved by", "批准人") }
    var expires: String { t("Expires", "到期日") }
    var results: String { t("Results", "结果数") }
    var toolVersion: String { t("Tool version", "工具版本") }
    var languageLabel: String { t("Language", "语言") }
    var strictMode: String { t("Unknowns count as failures", "未知项按失败计") }
    var yes: String { t("yes", "是") }
    var no: String { t("no", "否") }
    var input: String { t("Input", "输入文件") }
    var kind: String { t("Kind", "类型") }
    var value: String { t("Value", "值") }
    var setAt: String { t("Set at", "设置位置") }
    var parameter: String { t("Parameter", "参数") }
    var generatedBy: String { t("Generated by", "生成工具") }
    var noDates: String { t("no dates", "无日期") }
    var today: String { t("as of", "评估日") }
    var riskMatrixCaption: String {
        t(
            "Rules with open failures, by likelihood (rows) and impact (columns).",
            "存在未关闭失败项的规则，按可能性（行）和影响（列）排列。")
    }
    var missingFactPrefix: String { t("missing fact", "缺失事实") }
    var errorPrefix: String { t("rule error", "规则错误") }
    var waivedPrefix: String { t("waived", "已豁免") }
    var notApplicableDetail: String { t("not applicable", "不适用") }
    var noElements: String { t("nothing to check", "没有需要检查的对象") }

    // MARK: Enumerations

    /// Everything the reports say of a verdict, in both languages.
    private struct VerdictPhrases {
        /// Its name (`Go with conditions`).
        let name: Phrase
        /// Its name as the text report's headline shows it (`GO WITH CONDITIONS`).
        let headline: Phrase
        /// A phase's decision, in a few lower-case words (`go with conditions`).
        let decision: Phrase
        /// What it means for a go-live, in one sentence.
        let meaning: Phrase
        /// What it means for a feasibility assessment, in one sentence.
        let feasibilityMeaning: Phrase
    }

    private static func phrases(of verdict: Verdict) -> VerdictPhrases {
        switch verdict {
        case .go:
            VerdictPhrases(
                name: Phrase(en: "Go", zh: "可以上线"),
                headline: Phrase(en: "GO", zh: "可以上线"),
                decision: Phrase(en: "go", zh: "按计划进行"),
                meaning: Phrase(en: "Nothing stands in the way of the go-live.", zh: "没有妨碍上线的问题。"),
                feasibilityMeaning: Phrase(
                    en: "Nothing found makes the plan infeasible; checks due later are listed as planned work.",
                    zh: "未发现使计划不可行的问题；后续到期的检查列为计划中的工作。"))
        case .goWithConditions:
            VerdictPhrases(
                name: Phrase(en: "Go with conditions", zh: "有条件上线"),
                headline: Phrase(en: "GO WITH CONDITIONS", zh: "有条件上线"),
                decision: Phrase(en: "go with conditions", zh: "有条件进行"),
                meaning: Phrase(en: "Go live once the conditions below are met or accepted.", zh: "满足或接受下列条件后即可上线。"),
                feasibilityMeaning: Phrase(
                    en: "The plan is feasible once the conditions below are met or accepted.",
                    zh: "满足或接受下列条件后，计划可行。"))
        case .split:
            VerdictPhrases(
                name: Phrase(en: "Split", zh: "拆分上线"),
                headline: Phrase(en: "SPLIT", zh: "拆分阶段"),
                decision: Phrase(en: "split", zh: "拆分"),
                meaning: Phrase(
                    en: "Go live with part of the scope; move the rest to a follow-on phase.", zh: "先上线部分范围，其余移至后续阶段。"),
                feasibilityMeaning: Phrase(
                    en: "Feasible for part of the scope; run the prerequisites for the rest as their own project first.",
                    zh: "部分范围可行；其余部分须先将前提工作作为独立项目实施。"))
        case .defer:
            VerdictPhrases(
                name: Phrase(en: "Defer", zh: "推迟上线"),
                headline: Phrase(en: "DEFER", zh: "推迟"),
                decision: Phrase(en: "deferred", zh: "推迟"),
                meaning: Phrase(
                    en: "Do not go live on the planned date; clear the prerequisites first.", zh: "不要在计划日期上线，须先满足前提条件。"),
                feasibilityMeaning: Phrase(
                    en: "Not feasible as planned: clear the prerequisites before the project starts.",
                    zh: "按当前计划不可行：须在项目启动前满足前提条件。"))
        case .noGo:
            VerdictPhrases(
                name: Phrase(en: "No-go", zh: "不可上线"),
                headline: Phrase(en: "NO-GO", zh: "不可上线"),
                decision: Phrase(en: "blocked", zh: "阻断"),
                meaning: Phrase(en: "Do not go live: a blocking risk has no way back.", zh: "不可上线：存在无法挽回的阻断性风险。"),
                feasibilityMeaning: Phrase(
                    en: "Not feasible: a blocking risk stands in the way of the plan.", zh: "不可行：存在阻断计划的风险。"))
        }
    }

    func verdict(_ verdict: Verdict) -> String { Self.phrases(of: verdict).name[phraseLanguage] }

    /// The verdict as the text report's headline shows it.
    func verdictHeadline(_ verdict: Verdict) -> String { Self.phrases(of: verdict).headline[phraseLanguage] }

    /// A phase's decision, in a few lower-case words.
    func phaseDecision(_ verdict: Verdict) -> String { Self.phrases(of: verdict).decision[phraseLanguage] }

    /// "… and 3 more".
    func andMore(_ count: Int) -> String { t("… and \(count) more", "……另有 \(count) 项") }

    /// What the verdict means, followed by a warning when too little is evidenced to judge.
    func verdictExplanation(of evaluation: Evaluation) -> String {
        let explanation = verdictExplanation(evaluation.verdict, stage: evaluation.stage)
        guard evaluation.status == .grey else { return explanation }
        return explanation + sentenceGap + t(
            "Too little is evidenced to judge the project: collect the missing facts first.",
            "已提供的证据太少，尚无法评判本项目：请先收集缺失的事实。")
    }

    /// What the verdict means for the stage of the project, in one sentence.
    func verdictExplanation(_ verdict: Verdict, stage: ProjectStage) -> String {
        let phrases = Self.phrases(of: verdict)
        return (stage == .feasibility ? phrases.feasibilityMeaning : phrases.meaning)[phraseLanguage]
    }

    /// A result status's label in the text report (`PASS`) and its name elsewhere (`pass`).
    private static func phrases(of status: ResultStatus) -> (label: Phrase, name: Phrase) {
        switch status {
        case .pass: (Phrase(en: "PASS", zh: "通过"), Phrase(en: "pass", zh: "通过"))
        case .warn: (Phrase(en: "WARN", zh: "警告"), Phrase(en: "warn", zh: "警告"))
        case .fail: (Phrase(en: "FAIL", zh: "失败"), Phrase(en: "fail", zh: "失败"))
        case .notApplicable: (Phrase(en: "N/A", zh: "不适用"), Phrase(en: "n/a", zh: "不适用"))
        case .unknown: (Phrase(en: "UNKNOWN", zh: "未知"), Phrase(en: "unknown", zh: "未知"))
        case .error: (Phrase(en: "ERROR", zh: "错误"), Phrase(en: "error", zh: "错误"))
        case .waived: (Phrase(en: "WAIVED", zh: "已豁免"), Phrase(en: "waived", zh: "已豁免"))
        case .notDue: (Phrase(en: "PLANNED", zh: "计划中"), Phrase(en: "not yet due", zh: "尚未到期"))
        }
    }

    /// A result's status as the text report labels it.
    func statusLabel(_ status: ResultStatus) -> String { Self.phrases(of: status).label[phraseLanguage] }

    func status(_ status: ResultStatus) -> String { Self.phrases(of: status).name[phraseLanguage] }

    func severity(_ severity: Severity) -> String { severityName(severity) }

    func action(_ action: RuleAction) -> String { actionName(action) }

    /// A category's display name: the title of the ruleset named like it, when there is one.
    func category(_ name: String, in evaluation: Evaluation) -> String {
        if let title = evaluation.categoryTitles[name] { return title.resolved(language) }
        return category(name)
    }

    /// The display name of a rule category: the built-in ones are translated, the others
    /// capitalised.
    func category(_ name: String) -> String {
        translation(of: name, in: .category) ?? name.prefix(1).uppercased() + name.dropFirst()
    }

    /// The display name of a phase-scope kind (`sites`, `modules`, …).
    func scopeKind(_ kind: String) -> String { translation(of: kind, in: .scopeKind) ?? kind }

    /// A clause separator (`: `).
    var colon: String { t(": ", "：") }
    /// Between clauses of a list (`; `).
    var clauseSeparator: String { t("; ", "；") }
    /// Between two sentences (a space in English, nothing after a Chinese full stop).
    var sentenceGap: String { t(" ", "") }
    /// A colon that ends a line (no trailing space).
    var colonAtEnd: String { t(":", "：") }
}
