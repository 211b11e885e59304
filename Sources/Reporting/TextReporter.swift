public import Readiness
import SourceDiagnostics

/// The `text` format: a readable summary for a terminal — verdict, scores, the phase plan and
/// findings by category with the file:line of the fact involved. Colour only when asked
/// (`ReportContext.usesColor`); CJK text is aligned by display width.
public struct TextReporter: Reporter {
    /// The most findings listed per rule; the rest are counted.
    public var findingsPerRule: Int

    /// Creates the reporter.
    public init(findingsPerRule: Int = 10) {
        self.findingsPerRule = findingsPerRule
    }

    public func render(_ evaluations: [Evaluation], context: ReportContext) -> String {
        var out = ""
        for (i, evaluation) in evaluations.enumerated() {
            if i > 0 { out += "\n" + String(repeating: "═", count: 72) + "\n\n" }
            out += render(evaluation, context: context)
        }
        if evaluations.count > 1 { out += portfolio(evaluations, context: context) }
        return out
    }

    struct Words {
        let zh: Bool
        func t(_ en: String, _ zh: String) -> String { self.zh ? zh : en }

        func verdict(_ v: Verdict) -> String {
            switch v {
            case .go: t("GO", "可以上线")
            case .goWithConditions: t("GO WITH CONDITIONS", "有条件上线")
            case .split: t("SPLIT", "拆分阶段")
            case .defer: t("DEFER", "推迟")
            case .noGo: t("NO-GO", "不可上线")
            }
        }

        func decision(_ v: Verdict) -> String {
            switch v {
            case .go: t("go", "按计划进行")
            case .goWithConditions: t("go with conditions", "有条件进行")
            case .split: t("split", "拆分")
            case .defer: t("deferred", "推迟")
            case .noGo: t("blocked", "阻断")
            }
        }

        func status(_ s: ResultStatus) -> String {
            switch s {
            case .pass: t("PASS", "通过")
            case .warn: t("WARN", "警告")
            case .fail: t("FAIL", "失败")
            case .notApplicable: t("N/A", "不适用")
            case .unknown: t("UNKNOWN", "未知")
            case .error: t("ERROR", "错误")
            case .waived: t("WAIVED", "已豁免")
            }
        }
    }

    struct Paint {
        let on: Bool
        func apply(_ code: String, _ text: String) -> String { on ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
        func bold(_ s: String) -> String { apply("1", s) }
        func dim(_ s: String) -> String { apply("2", s) }
        func red(_ s: String) -> String { apply("31", s) }
        func yellow(_ s: String) -> String { apply("33", s) }
        func green(_ s: String) -> String { apply("32", s) }
        func cyan(_ s: String) -> String { apply("36", s) }

        func verdict(_ v: Verdict, _ text: String) -> String {
            switch v {
            case .go: bold(green(text))
            case .goWithConditions: bold(yellow(text))
            case .split, .defer: bold(apply("35", text))
            case .noGo: bold(red(text))
            }
        }

        func status(_ s: ResultStatus, _ text: String) -> String {
            switch s {
            case .fail, .error: red(text)
            case .warn, .unknown: yellow(text)
            case .waived, .notApplicable: dim(text)
            case .pass: green(text)
            }
        }
    }

    func render(_ e: Evaluation, context: ReportContext) -> String {
        let w = Words(zh: e.language == "zh")
        let p = Paint(on: context.usesColor)
        var out = ""
        let project = (e.snapshot.projectName ?? e.snapshot.file).terminalEscaped
        out += p.bold(w.t("Readiness: ", "上线准备度：") + project) + "\n"
        out += p.dim("\(e.snapshot.file.terminalEscaped) · " + w.t("as of ", "评估日期 ") + (e.asOf.isEmpty ? w.t("(no date)", "（无日期）") : e.asOf.terminalEscaped)
            + " · \(e.rules.count) " + w.t("rules", "条规则") + (e.isStrict ? w.t(" · strict", " · 严格模式") : "")) + "\n\n"

        for parameter in e.parameters {
            guard let owner = parameter.overrides else { continue }
            out += p.yellow(
                w.t("Parameter \(parameter.name) of ruleset \(owner) is overridden by ruleset \(parameter.rulesetID)",
                    "规则集 \(parameter.rulesetID) 覆盖了规则集 \(owner) 的参数 \(parameter.name)").terminalEscaped) + "\n"
        }
        out += w.t("Verdict: ", "结论：") + p.verdict(e.verdict, w.verdict(e.verdict)) + "\n"
        for reason in e.decidedBy.prefix(12) {
            out += "  • " + Self.reasonText(reason) + "\n"
        }
        if e.decidedBy.count > 12 { out += "  " + w.t("… and \(e.decidedBy.count - 12) more rules", "……另有 \(e.decidedBy.count - 12) 条规则") + "\n" }
        out += "\n"

        out += p.bold(w.t("Scores", "评分")) + "\n"
        var rows: [[String]] = [[w.t("area", "类别"), w.t("readiness", "准备度"), w.t("evidence", "证据覆盖"), w.t("open", "未关闭"), w.t("exposure", "风险值")]]
        for area in [e.scores.overall] + e.scores.categories {
            let open = area.counts.fail + area.counts.warn + area.counts.error
            rows.append([
                area.name == "overall" ? w.t("overall", "总体") : e.categoryTitle(area.name).terminalEscaped, Self.percent(area.readiness),
                Self.percent(area.coverage), String(open), String(area.exposure),
            ])
        }
        out += TextTable.render(rows, rightAligned: [1, 2, 3, 4], indent: 2)
        out += "\n"

        if !e.plan.planned.isEmpty {
            out += p.bold(w.t("Phase plan", "阶段计划")) + "\n"
            for phase in e.plan.planned {
                let dates = [phase.start, phase.end].compactMap { $0 }.joined(separator: " → ").terminalEscaped
                out += "  \(phase.name.terminalEscaped)  " + p.verdict(phase.decision, w.decision(phase.decision)) + (dates.isEmpty ? "" : p.dim("  \(dates)")) + "\n"
                let scope = phase.scope.filter { !$0.items.isEmpty }.map { "\($0.kind): \($0.items.joined(separator: ", "))".terminalEscaped }
                if !scope.isEmpty { out += "    " + w.t("scope ", "范围 ") + scope.joined(separator: "; ") + "\n" }
                for moved in phase.moved {
                    out += "    " + w.t("moves ", "移出 ") + "\(moved.kind) \(moved.item) → \(phase.followOn ?? "")".terminalEscaped
                        + p.dim("  (\(moved.because.map(\.rule).uniquedStrings().joined(separator: ", ")))".terminalEscaped) + "\n"
                }
                for reason in phase.deferredBecause.prefix(5) {
                    out += "    " + w.t("because ", "原因 ") + Self.reasonText(reason) + "\n"
                }
                if phase.deferredBecause.count > 5 { out += "    " + w.t("… and \(phase.deferredBecause.count - 5) more", "……另有 \(phase.deferredBecause.count - 5) 项") + "\n" }
                if !phase.deferredDependencies.isEmpty {
                    out += "    " + w.t("depends on deferred ", "依赖已推迟的阶段 ") + phase.deferredDependencies.joined(separator: ", ").terminalEscaped + "\n"
                }
                if !phase.conditions.isEmpty {
                    out += "    " + w.t("conditions ", "条件 ") + phase.conditions.map(\.rule).uniquedStrings().joined(separator: ", ").terminalEscaped + "\n"
                }
            }
            out += "\n"
        }
        if !e.plan.prerequisites.isEmpty {
            out += p.bold(w.t("Prerequisite work", "前提工作")) + "\n"
            for item in e.plan.prerequisites {
                let subjects = item.subjects.isEmpty ? "" : " [\(item.subjects.prefix(6).joined(separator: ", "))\(item.subjects.count > 6 ? ", …" : "")]"
                out += "  • " + "\(item.rule)\(subjects)".terminalEscaped + ": \(Self.firstLine(item.recommendation))\n"
            }
            out += "\n"
        }

        out += p.bold(w.t("Findings", "发现的问题")) + "\n"
        var any = false
        var categories: [String] = []
        for s in e.rules where !categories.contains(s.rule.category) { categories.append(s.rule.category) }
        var byRule: [Int: [RuleResult]] = [:]
        for r in e.results where r.status.isFinding { byRule[r.ruleIndex, default: []].append(r) }
        for category in categories {
            let indices = e.rules.indices.filter { e.rules[$0].rule.category == category && byRule[$0] != nil }
            guard !indices.isEmpty else { continue }
            any = true
            out += "  " + p.cyan(e.categoryTitle(category).terminalEscaped) + "\n"
            for index in indices {
                let rule = e.rules[index].rule
                let results = byRule[index] ?? []
                out += "    \(p.bold(rule.id.terminalEscaped))  \(rule.title.resolved(e.language).terminalEscaped)" + p.dim("  \(rule.severity.rawValue) · \(rule.action.rawValue)") + "\n"
                for r in results.prefix(findingsPerRule) {
                    let label = p.status(r.status, w.status(r.status))
                    let at = r.location.flatMap { $0.position.isKnown ? " " + p.dim("\($0.file.terminalEscaped):\($0.line)") : nil } ?? ""
                    let subject = r.subject.map { "[\($0.terminalEscaped)] " } ?? ""
                    out += "      \(label) \(subject)\((r.message ?? rule.title.resolved(e.language)).terminalEscaped)\(at)\n"
                    if let waiver = r.waiver {
                        out += "           " + p.dim(w.t("waived until ", "豁免至 ") + "\(waiver.expires) (\(waiver.approvedBy)): \(waiver.reason)".terminalEscaped) + "\n"
                    }
                }
                if results.count > findingsPerRule {
                    out += "      " + p.dim(w.t("… and \(results.count - findingsPerRule) more", "……另有 \(results.count - findingsPerRule) 项")) + "\n"
                }
                if let recommendation = rule.recommendation?.resolved(e.language), results.contains(where: { $0.status == .fail || $0.status == .warn }) {
                    out += "      → " + Self.firstLine(recommendation) + "\n"
                }
                if let evidence = rule.evidence?.resolved(e.language), results.contains(where: { $0.status == .unknown }) {
                    out += "      ? " + w.t("collect: ", "需收集：") + Self.firstLine(evidence) + "\n"
                }
            }
        }
        if !any { out += "  " + w.t("none: every applicable rule passed", "无：所有适用规则均已通过") + "\n" }

        let waivers = e.waivers
        if !waivers.expired.isEmpty || !waivers.unused.isEmpty || !waivers.applied.isEmpty {
            out += "\n" + p.bold(w.t("Waivers", "豁免")) + "\n"
            for (waiver, count) in waivers.applied {
                out += "  " + w.t("applied ", "已生效 ") + "\(waiver.ruleID)\(waiver.subject.map { " [\($0)]" } ?? "") ×\(count) ".terminalEscaped + w.t("until ", "至 ") + waiver.expires.terminalEscaped + "\n"
            }
            for waiver in waivers.expired {
                out += "  " + p.yellow(w.t("expired ", "已过期 ")) + "\(waiver.ruleID)\(waiver.subject.map { " [\($0)]" } ?? "") ".terminalEscaped + w.t("on ", "于 ") + waiver.expires.terminalEscaped + p.dim("  \(waiver.location)".terminalEscaped) + "\n"
            }
            for waiver in waivers.unused {
                out += "  " + p.yellow(w.t("unused ", "未使用 ")) + "\(waiver.ruleID)\(waiver.subject.map { " [\($0)]" } ?? "")".terminalEscaped + p.dim("  \(waiver.location)".terminalEscaped) + "\n"
            }
        }
        return out
    }

    func portfolio(_ evaluations: [Evaluation], context: ReportContext) -> String {
        let w = Words(zh: evaluations.first?.language == "zh")
        var rows: [[String]] = [[w.t("snapshot", "快照"), w.t("verdict", "结论"), w.t("readiness", "准备度"), w.t("evidence", "证据覆盖"), w.t("open", "未关闭")]]
        for e in evaluations {
            let o = e.scores.overall
            rows.append([e.snapshot.file.terminalEscaped, e.verdict.rawValue, Self.percent(o.readiness), Self.percent(o.coverage), String(o.counts.fail + o.counts.warn + o.counts.error)])
        }
        var out = "\n" + String(repeating: "═", count: 72) + "\n"
        out += Paint(on: context.usesColor).bold(w.t("Portfolio", "项目组合")) + " (\(evaluations.count))\n"
        out += TextTable.render(rows, rightAligned: [2, 3, 4], indent: 2)
        let counts = Verdict.allCases.map { v in "\(v.rawValue) \(evaluations.filter { $0.verdict == v }.count)" }
        out += "  " + counts.joined(separator: " · ") + "\n"
        return out
    }

    static func percent(_ x: Double) -> String {
        let tenths = Int((x * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)%" : "\(tenths / 10).\(abs(tenths % 10))%"
    }

    static func firstLine(_ text: String) -> String {
        let line = text.split(separator: "\n").first.map(String.init) ?? text
        return (line.count > 220 ? String(line.prefix(220)) + "…" : line).terminalEscaped
    }

    /// `rule [subject]: message`, safe for a terminal.
    static func reasonText(_ reason: Reason) -> String {
        ("\(reason.rule)" + (reason.subject.map { " [\($0)]" } ?? "") + ": \(reason.message)").terminalEscaped
    }
}

extension Array where Element == String {
    fileprivate func uniquedStrings() -> [String] {
        var seen = Set<String>()
        return filter { seen.insert($0).inserted }
    }
}
