import Readiness

/// The words of a report's chrome (headings, labels, status and verdict names) in English or
/// Chinese. Text that comes from rulesets (titles, messages, recommendations) is resolved from
/// the rulesets themselves; this catalogue only covers what the reporters write.
struct ReportStrings: Sendable {
    /// The language code, `en` or `zh`; anything else falls back to English.
    let language: String

    init(language: String) {
        self.language = language
    }

    private var isChinese: Bool { language == "zh" || language.hasPrefix("zh-") }

    func t(_ en: String, _ zh: String) -> String { isChinese ? zh : en }

    /// The `lang` attribute for HTML.
    var htmlLanguage: String { t("en", "zh-CN") }

    // MARK: Titles and headings

    var reportTitle: String { t("Go-live readiness report", "上线准备度评估报告") }
    var portfolioTitle: String { t("Portfolio readiness", "项目组合上线准备度") }
    var summary: String { t("Summary", "概要") }
    var verdict: String { t("Verdict", "结论") }
    var decidedBy: String { t("Decided by", "决定因素") }
    var scores: String { t("Scores", "评分") }
    var readinessByCategory: String { t("Readiness by category", "各类别准备度") }
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
    var readiness: String { t("Readiness", "准备度") }
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

    func verdict(_ verdict: Verdict) -> String {
        switch verdict {
        case .go: t("Go", "可以上线")
        case .goWithConditions: t("Go with conditions", "有条件上线")
        case .split: t("Split", "拆分上线")
        case .defer: t("Defer", "推迟上线")
        case .noGo: t("No-go", "不可上线")
        }
    }

    /// What the verdict means, in one sentence.
    func verdictExplanation(_ verdict: Verdict) -> String {
        switch verdict {
        case .go:
            t("Nothing stands in the way of the go-live.", "没有妨碍上线的问题。")
        case .goWithConditions:
            t("Go live once the conditions below are met or accepted.", "满足或接受下列条件后即可上线。")
        case .split:
            t("Go live with part of the scope; move the rest to a follow-on phase.", "先上线部分范围，其余移至后续阶段。")
        case .defer:
            t("Do not go live on the planned date; clear the prerequisites first.", "不要在计划日期上线，须先满足前提条件。")
        case .noGo:
            t("Do not go live: a blocking risk has no way back.", "不可上线：存在无法挽回的阻断性风险。")
        }
    }

    func status(_ status: ResultStatus) -> String {
        switch status {
        case .pass: t("pass", "通过")
        case .warn: t("warn", "警告")
        case .fail: t("fail", "失败")
        case .notApplicable: t("n/a", "不适用")
        case .unknown: t("unknown", "未知")
        case .error: t("error", "错误")
        case .waived: t("waived", "已豁免")
        }
    }

    func severity(_ severity: Severity) -> String {
        switch severity {
        case .info: t("info", "提示")
        case .low: t("low", "低")
        case .medium: t("medium", "中")
        case .high: t("high", "高")
        case .critical: t("critical", "严重")
        }
    }

    func action(_ action: RuleAction) -> String {
        switch action {
        case .warn: t("warn", "提醒")
        case .mitigate: t("mitigate", "缓解")
        case .split: t("split", "拆分")
        case .defer: t("defer", "推迟")
        case .block: t("block", "阻断")
        }
    }

    /// The display name of a rule category (the built-in ones are translated).
    /// A category's display name: the title of the ruleset named like it, when there is one.
    func category(_ name: String, in evaluation: Evaluation) -> String {
        if let title = evaluation.categoryTitles[name] { return title.resolved(language) }
        return category(name)
    }

    func category(_ name: String) -> String {
        switch name {
        case "data": t("Data", "数据")
        case "deployment": t("Deployment", "部署上线")
        case "environment": t("Environment", "系统环境")
        case "governance": t("Governance", "项目治理")
        case "network": t("Network", "网络")
        case "requirements": t("Requirements", "需求")
        case "staffing": t("Staffing", "项目团队")
        case "training": t("Training", "培训")
        default: name.prefix(1).uppercased() + name.dropFirst()
        }
    }

    /// The display name of a phase-scope kind (`sites`, `modules`, …).
    func scopeKind(_ kind: String) -> String {
        switch kind {
        case "sites": t("sites", "站点")
        case "modules": t("modules", "模块")
        case "departments": t("departments", "部门")
        case "processes": t("processes", "流程")
        case "integrations": t("integrations", "接口")
        default: kind
        }
    }

    /// A list separator for running text.
    var listSeparator: String { t(", ", "、") }
    /// A clause separator (`: `).
    var colon: String { t(": ", "：") }
    /// Between clauses of a list (`; `).
    var clauseSeparator: String { t("; ", "；") }
    /// Between two sentences (a space in English, nothing after a Chinese full stop).
    var sentenceGap: String { t(" ", "") }
    /// A colon that ends a line (no trailing space).
    var colonAtEnd: String { t(":", "：") }
}
