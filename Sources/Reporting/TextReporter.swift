public import Readiness
import SourceDiagnostics

// Every string that comes from input (names, messages, file names, dates as written) passes
// through `terminalEscaped` before it is written: control characters, workflow-command prefixes
// and bidi controls cannot reach the terminal or a CI log raw.

/// The `text` format: a readable summary for a terminal — verdict and status, areas, the phase
/// plan, prerequisites, planned work and findings by category with the file:line of the fact
/// involved. Colour only when asked (`ReportContext.usesColor`); CJK text is aligned by display
/// width.
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

    func render(_ e: Evaluation, context: ReportContext) -> String {
        var page = Page(
            e: e, s: ReportStrings(language: e.language), p: TextPaint(on: context.usesColor), findingsPerRule: findingsPerRule,
            basePath: context.basePath)
        page.header()
        page.verdict()
        page.areas()
        page.phasePlan()
        page.prerequisites()
        page.plannedWork()
        page.findings()
        page.waivers()
        return page.out
    }

    /// One evaluation's page, section by section.
    struct Page {
        let e: Evaluation
        let s: ReportStrings
        let p: TextPaint
        let findingsPerRule: Int
        /// Paths are shown relative to this directory.
        let basePath: String
        var out = ""

        /// A file's path as the report shows it: relative to the base path, safe for a terminal.
        func path(_ file: String) -> String { ReportPath.relative(file, to: basePath).terminalEscaped }

        /// The words only the text report writes.
        var phrase: ReportStrings.TextPhrases { s.textReport }

        static func subject(_ subject: String?) -> String { subject.map { " [\($0.terminalEscaped)]" } ?? "" }

        mutating func header() {
            let project = e.snapshot.projectName?.terminalEscaped ?? path(e.snapshot.file)
            out += p.bold(phrase.readinessLabel + project) + "\n"
            out += p.dim(s.assessment(e.stage) + " · \(path(e.snapshot.file)) · " + phrase.asOfLabel
                + (e.asOf.isEmpty ? phrase.noDate : e.asOf)
                + " · \(e.rules.count) " + phrase.rules + (e.isStrict ? phrase.strictMark : "")) + "\n\n"
            for parameter in e.parameters {
                guard let owner = parameter.overrides else { continue }
                out += p.yellow(
                    phrase.parameterOverridden(parameter.name, of: owner, by: parameter.rulesetID).terminalEscaped) + "\n"
            }
            for override in e.overrides {
                out += p.yellow(
                    "\(s.calibrated)\(s.colon)\(override.ruleID) \(s.changes(of: override)) — \(override.reason) (\(s.origin(override.origin)) \(path(override.location.file)):\(override.location.line))"
                        .terminalEscaped) + "\n"
            }
            for warning in e.inputWarnings {
                out += p.yellow(
                    "\(phrase.warningLabel)\(s.warningPlace(warning, basePath: basePath)): \(s.warningText(warning))".terminalEscaped)
                    + "\n"
            }
            if !e.inputWarnings.isEmpty { out += "  " + s.inputWarningsNote + "\n" }
        }

        mutating func verdict() {
            let overall = e.scores.overall
            out += phrase.verdictLabel + p.verdict(e.verdict, s.verdictHeadline(e.verdict))
                + " · " + p.status(e.status, s.status(e.status))
                + " · " + s.coverage + s.colon + TextReporter.percent(overall.coverage) + "\n"
            out += "  " + s.verdictExplanation(of: e) + "\n"
            for reason in e.decidedBy.prefix(12) {
                out += "  • " + reasonLine(reason) + "\n"
            }
            if e.decidedBy.count > 12 { out += "  " + phrase.moreRules(e.decidedBy.count - 12) + "\n" }
            out += "\n"
        }

        mutating func areas() {
            out += p.bold(s.areas) + "\n"
            var rows: [[String]] = [[
                phrase.area, phrase.status, phrase.evidence, phrase.checksPassed,
                phrase.open, phrase.exposure,
            ]]
            for area in [e.scores.overall] + e.scores.categories {
                let open = area.counts.fail + area.counts.warn + area.counts.error + area.counts.unknown
                rows.append([
                    area.name == "overall" ? phrase.overall : e.categoryTitle(area.name).terminalEscaped, s.status(area.status),
                    area.isAssessed ? TextReporter.percent(area.coverage) : ReportNumber.none,
                    area.isAssessed ? TextReporter.percent(area.readiness) : ReportNumber.none, String(open), String(area.exposure),
                ])
            }
            out += TextTable.render(rows, rightAligned: [2, 3, 4, 5], indent: 2)
            out += "\n"
        }

        mutating func phasePlan() {
            guard !e.plan.planned.isEmpty else { return }
            out += p.bold(s.phasePlan) + "\n"
            for phase in e.plan.planned {
                let dates = [phase.start, phase.end].compactMap { $0 }.joined(separator: " → ").terminalEscaped
                out += "  \(phase.name.terminalEscaped)  " + p.verdict(phase.decision, s.phaseDecision(phase.decision))
                    + " · " + p.status(phase.status, s.status(phase.status)) + (dates.isEmpty ? "" : p.dim("  \(dates)")) + "\n"
                let scope = phase.scope.filter { !$0.items.isEmpty }.map {
                    "\(s.scopeKind($0.kind)): \($0.items.joined(separator: ", "))".terminalEscaped
                }
                if !scope.isEmpty { out += "    " + phrase.scopeLabel + scope.joined(separator: "; ") + "\n" }
                if phase.isEmptied { out += "    " + s.emptiedPhase + "\n" }
                for moved in phase.moved {
                    let target = phase.followOn?.terminalEscaped ?? phrase.pendingFollowOn
                    out += "    " + phrase.movesLabel + "\(s.scopeKind(moved.kind)) \(moved.item.terminalEscaped) → \(target)"
                        + p.dim("  (\(moved.because.map(\.rule).uniqued().joined(separator: ", ").terminalEscaped))") + "\n"
                }
                for reason in phase.deferredBecause.prefix(5) {
                    out += "    " + phrase.becauseLabel + reasonLine(reason) + "\n"
                }
                if phase.deferredBecause.count > 5 { out += "    " + s.andMore(phase.deferredBecause.count - 5) + "\n" }
                if !phase.deferredDependencies.isEmpty {
                    out += "    " + phrase.dependsOnLabel
                        + phase.deferredDependencies.joined(separator: ", ").terminalEscaped + "\n"
                }
                let gaps = phase.conditions.filter(\.isEvidenceGap)
                let conditions = phase.conditions.filter { !$0.isEvidenceGap }
                if !conditions.isEmpty {
                    out += "    " + phrase.conditionsLabel + conditions.map(\.rule).uniqued().joined(separator: ", ").terminalEscaped + "\n"
                }
                let groups = EvidenceGapGroup.group(gaps)
                for group in groups.prefix(6) {
                    let rules = group.rules.prefix(4).joined(separator: ", ") + (group.rules.count > 4 ? ", …" : "")
                    out += "    " + phrase.collectLabel + "\(group.fact) (\(rules))".terminalEscaped
                        + (group.collectBy.map { " " + phrase.byLabel + $0 } ?? "") + "\n"
                }
                if groups.count > 6 { out += "    " + s.andMore(groups.count - 6) + "\n" }
                for conflict in phase.conflicts { out += "    " + p.yellow(phrase.conflictLabel) + s.conflict(conflict).terminalEscaped + "\n" }
                for waiver in phase.expiringWaivers {
                    out += "    " + p.yellow(phrase.waiverExpiresLabel) + waiver.rule.terminalEscaped + Self.subject(waiver.subject)
                        + " " + phrase.onLabel + waiver.expires.terminalEscaped + phrase.beforePhaseEnds + "\n"
                }
            }
            out += "\n"
        }

        /// "RULE [subject]: message", with the fact to collect for an evidence gap.
        func reasonLine(_ reason: Reason) -> String {
            let gap = reason.isEvidenceGap ? " (" + s.notEvidenced + (reason.missingFact.map { s.colon + $0 } ?? "") + ")" : ""
            return ("\(reason.rule)" + (reason.subject.map { " [\($0)]" } ?? "") + ": \(reason.message)" + gap).terminalEscaped
        }

        mutating func prerequisites() {
            guard !e.plan.prerequisites.isEmpty else { return }
            out += p.bold(phrase.prerequisiteWork) + "\n"
            for item in e.plan.prerequisites {
                let subjects = item.subjects.isEmpty
                    ? "" : " [\(item.subjects.prefix(6).joined(separator: ", "))\(item.subjects.count > 6 ? ", …" : "")]".terminalEscaped
                var lead = ""
                if let days = item.leadTimeDays {
                    lead = p.dim(" (\(s.leadTime) \(days) \(s.days)" + (item.earliestDone.map { ", \(s.earliestDone) \($0)" } ?? "") + ")")
                }
                out += "  • \(item.rule.terminalEscaped)\(subjects): \(TextReporter.firstLine(item.recommendation))\(lead)\n"
                for subject in (item.subjects.isEmpty ? [nil] : item.subjects.prefix(6).map(Optional.some)) {
                    guard let takes = s.whatItTakes(e.whatItTakes(rule: item.rule, subject: subject), subject: subject) else { continue }
                    out += "    " + p.dim(s.whatItTakesLabel + (subject.map { " [\($0)]" } ?? "") + s.colon).terminalEscaped
                        + takes.terminalEscaped + "\n"
                }
            }
            out += "\n"
        }

        mutating func plannedWork() {
            guard !e.plannedWork.isEmpty else { return }
            out += p.bold(s.plannedWork) + "\n"
            for item in e.plannedWork.prefix(20) {
                out += "  • \(item.rule.terminalEscaped)" + Self.subject(item.subject) + ": \(item.title.terminalEscaped)"
                    + p.dim("  " + s.due + s.colon + (item.due ?? "—")) + "\n"
            }
            if e.plannedWork.count > 20 { out += "  " + s.andMore(e.plannedWork.count - 20) + "\n" }
            out += "\n"
        }

        mutating func findings() {
            out += p.bold(s.findings) + "\n"
            let groups = e.findingsByCategory
            if groups.isEmpty { out += "  " + phrase.noFindings + "\n" }
            for group in groups {
                out += "  " + p.cyan(e.categoryTitle(group.category).terminalEscaped) + "\n"
                for findings in group.rules {
                    let rule = findings.summary.rule
                    let results = findings.results
                    out += "    \(p.bold(rule.id.terminalEscaped))  \(rule.title.resolved(e.language).terminalEscaped)"
                        + p.dim("  \(s.severity(rule.severity)) · \(s.action(rule.action))") + "\n"
                    for (k, r) in results.prefix(findingsPerRule).enumerated() {
                        let label = p.status(r.status, s.statusLabel(r.status))
                        let at = r.location.flatMap { $0.position.isKnown ? " " + p.dim("\(path($0.file)):\($0.line)") : nil } ?? ""
                        let subject = r.subject.map { "[\($0.terminalEscaped)] " } ?? ""
                        out += "      \(label) \(subject)\((r.message ?? rule.title.resolved(e.language)).terminalEscaped)\(at)\n"
                        if k < findings.whatItTakes.count, let takes = s.whatItTakes(findings.whatItTakes[k], subject: r.subject) {
                            out += "           " + p.dim(s.whatItTakesLabel + s.colon) + takes.terminalEscaped + "\n"
                        }
                        if let waiver = r.waiver {
                            out += "           "
                                + p.dim(phrase.waivedUntilLabel + "\(waiver.expires) (\(waiver.approvedBy)): \(waiver.reason)".terminalEscaped) + "\n"
                        }
                    }
                    if results.count > findingsPerRule { out += "      " + p.dim(s.andMore(results.count - findingsPerRule)) + "\n" }
                    if let recommendation = rule.recommendation?.resolved(e.language), results.contains(where: { $0.status == .fail || $0.status == .warn }) {
                        out += "      → " + TextReporter.firstLine(recommendation) + "\n"
                    }
                    if let evidence = rule.evidence?.resolved(e.language), results.contains(where: \.status.isEvidenceGap) {
                        out += "      ? " + phrase.collectColonLabel + TextReporter.firstLine(evidence) + "\n"
                    }
                }
            }
        }

        mutating func waivers() {
            let waivers = e.waivers
            guard !waivers.expired.isEmpty || !waivers.unused.isEmpty || !waivers.applied.isEmpty else { return }
            out += "\n" + p.bold(s.waivers) + "\n"
            for (waiver, count) in waivers.applied {
                out += "  " + phrase.appliedLabel + waiver.ruleID.terminalEscaped + Self.subject(waiver.subject) + " ×\(count) "
                    + phrase.untilLabel + waiver.expires.terminalEscaped + "\n"
            }
            for waiver in waivers.expired {
                out += "  " + p.yellow(phrase.expiredLabel) + waiver.ruleID.terminalEscaped + Self.subject(waiver.subject) + " "
                    + phrase.onLabel + waiver.expires.terminalEscaped + p.dim("  \(waiver.location)".terminalEscaped) + "\n"
            }
            for waiver in waivers.unused {
                out += "  " + p.yellow(phrase.unusedLabel) + waiver.ruleID.terminalEscaped + Self.subject(waiver.subject)
                    + p.dim("  \(waiver.location)".terminalEscaped) + "\n"
            }
        }
    }

    func portfolio(_ evaluations: [Evaluation], context: ReportContext) -> String {
        let s = ReportStrings(language: evaluations.first?.language ?? "en")
        let phrase = s.textReport
        var rows: [[String]] = [[phrase.snapshot, phrase.verdict, phrase.status, phrase.evidence, phrase.checksPassed, phrase.open]]
        for e in evaluations {
            let o = e.scores.overall
            rows.append([
                ReportPath.relative(e.snapshot.file, to: context.basePath).terminalEscaped, e.verdict.rawValue, e.status.rawValue, TextReporter.percent(o.coverage), TextReporter.percent(o.readiness),
                String(o.counts.fail + o.counts.warn + o.counts.error + o.counts.unknown),
            ])
        }
        var out = "\n" + String(repeating: "═", count: 72) + "\n"
        out += TextPaint(on: context.usesColor).bold(phrase.portfolio) + " (\(evaluations.count))\n"
        out += TextTable.render(rows, rightAligned: [3, 4, 5], indent: 2)
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
}

/// ANSI colours for the text format, only when asked.
struct TextPaint {
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
        case .waived, .notApplicable, .notDue: dim(text)
        case .pass: green(text)
        }
    }

    func status(_ s: ReadinessStatus, _ text: String) -> String {
        switch s {
        case .green: green(text)
        case .amber: yellow(text)
        case .grey: dim(text)
        case .red: red(text)
        }
    }
}

extension Array where Element: Hashable {
    /// The elements in order, without repeats.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
