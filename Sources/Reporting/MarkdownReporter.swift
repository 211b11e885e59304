public import Readiness

/// Writes a readiness report in GitHub-flavoured Markdown, for a wiki page or a pull-request
/// comment: the verdict with a badge, scores per category, the risk summary, the phase plan
/// before and after, findings by category with recommendations, evidence gaps, waivers and
/// provenance. Several snapshots start with a portfolio table. Text from the inputs is escaped
/// so that it renders literally and never breaks a table.
public struct MarkdownReporter: Reporter {
    /// Creates the reporter.
    public init() {}

    /// The whole Markdown document.
    public func render(_ evaluations: [Evaluation], context: ReportContext) -> String {
        var writer = Writer(strings: ReportStrings(language: context.language), context: context)
        if evaluations.count > 1 {
            writer.portfolio(evaluations)
            for evaluation in evaluations {
                writer.evaluation(evaluation, level: 2)
            }
        } else if let evaluation = evaluations.first {
            writer.evaluation(evaluation, level: 1)
        }
        writer.footer()
        return writer.output
    }

    private struct Writer: DocumentWriter {
        let strings: ReportStrings
        let context: ReportContext
        var output = ""

        mutating func line(_ text: String = "") {
            output += text + "\n"
        }

        /// A block of text and the blank line after it.
        mutating func paragraph(_ text: String) {
            line(text)
            line()
        }

        /// A bold title, then a reason a bullet, each with its status and the action its rule
        /// asks for; nothing when there are none.
        mutating func reasonList(_ title: String, _ reasons: [Reason]) {
            guard !reasons.isEmpty else { return }
            paragraph("**\(title)**")
            for reason in reasons {
                line("- \(ReportBadge.status(reason.status)) \(self.reason(reason)) — *\(strings.action(reason.action))*")
            }
            line()
        }

        /// A section's heading, then, when it has nothing to list, the note that says so.
        /// - Returns: Whether there is anything to list.
        mutating func section(_ level: Int, _ title: String, isEmpty: Bool, note: String) -> Bool {
            heading(level, title)
            if isEmpty { paragraph(note) }
            return !isEmpty
        }

        mutating func heading(_ level: Int, _ text: String) {
            if !output.isEmpty && !output.hasSuffix("\n\n") { line() }
            paragraph(String(repeating: "#", count: min(level, 6)) + " " + text)
        }

        mutating func table(_ header: [String], alignments: [Character], _ rows: [[String]]) {
            line("| " + header.joined(separator: " | ") + " |")
            line("|" + alignments.map { $0 == "r" ? "--:" : $0 == "c" ? ":-:" : "---" }.joined(separator: "|") + "|")
            for row in rows { line("| " + row.map { $0.isEmpty ? " " : $0 }.joined(separator: " | ") + " |") }
            line()
        }

        func scope(_ entries: [Phase.ScopeEntry]) -> String {
            entries.filter { !$0.items.isEmpty }.map { entry in
                "\(strings.scopeKind(entry.kind).markdownEscaped)\(strings.colon)"
                    + entry.items.map(\.markdownEscaped).joined(separator: strings.listSeparator)
            }.joined(separator: strings.clauseSeparator)
        }

        func reason(_ reason: Reason) -> String {
            var text = reason.rule.markdownCode + " "
            if let subject = reason.subject, !Evaluation.subjectShown(subject, in: reason.message) {
                text += "*\(subject.markdownEscaped)*\(strings.colon)"
            }
            return text + reason.message.markdownEscaped
        }

        func verdictBadge(_ verdict: Verdict) -> String {
            "\(ReportBadge.verdict(verdict)) **\(strings.verdict(verdict))**"
        }

        // MARK: Sections

        mutating func portfolio(_ evaluations: [Evaluation]) {
            heading(1, strings.portfolioTitle)
            let rows = evaluations.map { evaluation -> [String] in
                let overall = evaluation.scores.overall
                return [
                    path(evaluation.snapshot.file).markdownCode,
                    evaluation.projectTitle.markdownEscaped,
                    verdictBadge(evaluation.verdict),
                    ReportNumber.whole(overall.readiness),
                    ReportNumber.whole(overall.coverage) + "%",
                    String(overall.counts.fail),
                    String(overall.counts.warn),
                    String(overall.counts.unknown),
                    String(evaluation.scores.exposure),
                ]
            }
            table(
                [
                    strings.snapshot, strings.project, strings.verdict, strings.readiness, strings.coverageShort,
                    strings.status(.fail), strings.status(.warn), strings.status(.unknown), strings.exposure,
                ],
                alignments: ["l", "l", "l", "r", "r", "r", "r", "r", "r"], rows)
        }

        mutating func evaluation(_ evaluation: Evaluation, level: Int) {
            let title =
                level == 1
                ? "\(strings.reportTitle(evaluation.stage))\(strings.colon)\(evaluation.projectTitle.markdownEscaped)"
                : evaluation.projectTitle.markdownEscaped
            heading(level, title)
            summary(evaluation)
            scores(evaluation, level: level + 1)
            risk(evaluation, level: level + 1)
            plan(evaluation, level: level + 1)
            plannedWork(evaluation, level: level + 1)
            findings(evaluation, level: level + 1)
            evidenceGaps(evaluation, level: level + 1)
            waivers(evaluation, level: level + 1)
            provenance(evaluation, level: level + 1)
        }

        mutating func summary(_ evaluation: Evaluation) {
            let verdict = evaluation.verdict
            let overall = evaluation.scores.overall
            line(
                "> \(ReportBadge.verdict(verdict)) **\(strings.verdict)\(strings.colon)\(strings.verdict(verdict))** (`\(verdict.rawValue)`)"
                    + " · \(ReportBadge.status(evaluation.status)) \(strings.status(evaluation.status))"
                    + " · \(strings.coverage)\(strings.colon)\(ReportNumber.whole(overall.coverage))%"
            )
            line("> ")
            paragraph("> \(strings.verdictExplanation(of: evaluation))")
            table(
                [strings.areaStatus, strings.coverage, strings.readiness, strings.exposure, strings.asOf, strings.snapshot],
                alignments: ["l", "r", "r", "r", "l", "l"],
                [
                    [
                        "\(ReportBadge.status(evaluation.status)) **\(strings.status(evaluation.status))**",
                        ReportNumber.whole(overall.coverage) + "%",
                        ReportNumber.whole(overall.readiness) + "%",
                        String(evaluation.scores.exposure),
                        evaluation.asOf.markdownEscaped,
                        path(evaluation.snapshot.file).markdownCode,
                    ]
                ])
            reasonList(strings.decidedBy, evaluation.decidedBy)
            inputWarnings(evaluation)
        }

        /// The warnings about the inputs, under the verdict: each may change it.
        mutating func inputWarnings(_ evaluation: Evaluation) {
            guard !evaluation.inputWarnings.isEmpty else { return }
            paragraph("**⚠️ \(strings.inputWarnings)** — \(strings.inputWarningsNote)")
            for warning in evaluation.inputWarnings {
                line("- \(strings.warningPlace(warning, basePath: context.basePath).markdownCode) \(strings.warningText(warning).markdownEscaped)")
            }
            line()
        }

        mutating func scores(_ evaluation: Evaluation, level: Int) {
            heading(level, strings.areas)
            let statuses: [ResultStatus] = [.pass, .warn, .fail, .unknown, .error, .waived, .notDue, .notApplicable]
            func row(_ area: Scores.Area, name: String, bold: Bool) -> [String] {
                let b = bold ? "**" : ""
                return [
                    "\(b)\(name)\(b)",
                    "\(ReportBadge.status(area.status)) \(b)\(strings.status(area.status))\(b)",
                    area.isAssessed ? ReportNumber.whole(area.coverage) + "%" : ReportNumber.none,
                    area.isAssessed ? "\(ReportNumber.whole(area.readiness))% \(ReportBadge.bar(area.readiness))" : ReportNumber.none,
                ] + statuses.map { String(area.counts[$0]) } + [String(area.exposure)]
            }
            var rows = evaluation.scores.categories.map {
                row($0, name: strings.category($0.name, in: evaluation).markdownEscaped, bold: false)
            }
            rows.append(row(evaluation.scores.overall, name: strings.overall, bold: true))
            table(
                [strings.category, strings.areaStatus, strings.coverageShort, strings.readiness] + statuses.map { strings.status($0) }
                    + [strings.exposure],
                alignments: ["l", "l", "r", "l", "r", "r", "r", "r", "r", "r", "r", "r", "r"], rows)
        }

        mutating func risk(_ evaluation: Evaluation, level: Int) {
            let risks = evaluation.openRisks
            guard section(level, strings.risk, isEmpty: risks.isEmpty, note: strings.noOpenRisks) else { return }
            line(
                "\(strings.riskMatrixCaption)\(strings.sentenceGap)\(strings.exposure)\(strings.colon)**\(evaluation.scores.exposure)**"
            )
            line()
            let matrix = evaluation.scores.riskMatrix
            var rows: [[String]] = []
            for likelihood in stride(from: 5, through: 1, by: -1) {
                var row = ["**\(likelihood)**"]
                for impact in 1...5 {
                    let ids =
                        matrix.indices.contains(likelihood - 1) && matrix[likelihood - 1].indices.contains(impact - 1)
                        ? matrix[likelihood - 1][impact - 1] : []
                    row.append(ids.map(\.markdownCode).joined(separator: " "))
                }
                rows.append(row)
            }
            table(
                ["\(strings.likelihood) ↓ · \(strings.impact) →", "1", "2", "3", "4", "5"],
                alignments: ["c", "c", "c", "c", "c", "c"], rows)
            heading(level + 1, strings.topRisks)
            table(
                [
                    strings.rule, strings.severity, strings.likelihood, strings.impact, strings.likelihoodTimesImpact,
                    strings.status, strings.action,
                ],
                alignments: ["l", "l", "r", "r", "r", "l", "l"],
                risks.map { summary in
                    let rule = summary.rule
                    return [
                        "\(rule.id.markdownCode) \(rule.title.resolved(language).markdownEscaped)",
                        strings.severity(rule.severity),
                        String(rule.likelihood),
                        String(rule.impact),
                        "**\(rule.exposure)**",
                        "\(ReportBadge.status(summary.status)) \(strings.status(summary.status))",
                        strings.action(rule.action),
                    ]
                })
        }

        mutating func plan(_ evaluation: Evaluation, level: Int) {
            heading(level, strings.phasePlan)
            let plan = evaluation.plan
            if plan.original.isEmpty && plan.planned.isEmpty {
                paragraph(strings.noPhases)
            } else {
                heading(level + 1, strings.planBefore)
                table(
                    [strings.phase, strings.dates, strings.scope, strings.dependsOn],
                    alignments: ["l", "l", "l", "l"],
                    plan.original.map { phase in
                        [
                            "**\(phase.name.markdownEscaped)**", dates(phase.start, phase.end), scope(phase.scope),
                            phase.dependsOn.map(\.markdownEscaped).joined(separator: strings.listSeparator),
                        ]
                    })
                heading(level + 1, strings.planAfter)
                table(
                    [strings.phase, strings.dates, strings.decision, strings.areaStatus, strings.scope],
                    alignments: ["l", "l", "l", "l", "l"],
                    plan.planned.map { phase in
                        var name = "**\(phase.name.markdownEscaped)**"
                        if let from = phase.splitFrom {
                            name += " (\(strings.followOn)\(strings.colon)\(from.markdownEscaped))"
                        }
                        return [
                            name, dates(phase.start, phase.end), verdictBadge(phase.decision),
                            "\(ReportBadge.status(phase.status)) \(strings.status(phase.status))", scope(phase.scope),
                        ]
                    })
                for phase in plan.planned {
                    phaseDetails(phase)
                }
            }
            if !plan.prerequisites.isEmpty {
                paragraph("**\(strings.prerequisites)**")
                for prerequisite in plan.prerequisites {
                    var text = "- \(prerequisite.rule.markdownCode) *\(strings.action(prerequisite.action))*"
                    if !prerequisite.subjects.isEmpty {
                        text +=
                            " (\(prerequisite.subjects.map(\.markdownEscaped).joined(separator: strings.listSeparator)))"
                    }
                    let lead = strings.leadTime(of: prerequisite).map { " (\($0))" } ?? ""
                    line(text + "\(strings.colon)\(prerequisite.recommendation.markdownEscaped)" + lead)
                    for (subject, takes) in evaluation.whatItTakes(for: prerequisite, strings: strings) {
                        line("  - *\(strings.whatItTakesLabel)*" + (subject.map { " (\($0.markdownEscaped))" } ?? "") + "\(strings.colon)\(takes.markdownEscaped)")
                    }
                }
                line()
            }
            reasonList(strings.projectWide, plan.projectWide)
            if !plan.unplacedItems.isEmpty {
                line(
                    "**\(strings.unplacedItems)**\(strings.colon)"
                        + plan.unplacedItems.map {
                            "\(strings.scopeKind($0.kind).markdownEscaped) \($0.item.markdownEscaped)"
                        }
                        .joined(separator: strings.listSeparator))
                line()
            }
        }

        mutating func phaseDetails(_ phase: PhasePlan.PlannedPhase) {
            var items: [String] = []
            if phase.isEmptied { items.append(strings.emptiedPhase) }
            if !phase.moved.isEmpty {
                let target = phase.followOn.map { "\(strings.movedTo) **\($0.markdownEscaped)**" } ?? strings.movedToPendingFollowOn
                items.append("\(target)\(strings.colonAtEnd)")
                for moved in phase.moved {
                    let why = moved.because.map(\.rule.markdownCode).joined(separator: " ")
                    items.append(
                        "  - \(strings.scopeKind(moved.kind).markdownEscaped) \(moved.item.markdownEscaped) — \(why)")
                }
            }
            if !phase.deferredBecause.isEmpty {
                items.append("\(strings.deferredBecause)\(strings.colonAtEnd)")
                items.append(contentsOf: phase.deferredBecause.map { "  - \(reason($0))" })
            }
            if !phase.deferredDependencies.isEmpty {
                items.append(
                    "\(strings.deferredDependencies)\(strings.colon)"
                        + phase.deferredDependencies.map(\.markdownEscaped).joined(separator: strings.listSeparator))
            }
            let conditions = phase.conditions.filter { !$0.isEvidenceGap }
            if !conditions.isEmpty {
                items.append("\(strings.conditions)\(strings.colonAtEnd)")
                items.append(contentsOf: conditions.map { "  - \(reason($0))" })
            }
            let gaps = EvidenceGapGroup.group(phase.conditions.filter(\.isEvidenceGap))
            if !gaps.isEmpty {
                items.append("\(strings.evidenceGaps)\(strings.colonAtEnd)")
                items.append(contentsOf: gaps.map { group in
                    "  - \(group.fact.markdownCode) (\(group.rules.map(\.markdownCode).joined(separator: " ")))"
                        + (group.collectBy.map { " — \(strings.collectBy) \($0)" } ?? "")
                })
            }
            if !phase.conflicts.isEmpty {
                items.append("\(strings.conflictsLabel)\(strings.colonAtEnd)")
                items.append(contentsOf: phase.conflicts.map { "  - " + strings.conflict($0).markdownEscaped })
            }
            if !phase.expiringWaivers.isEmpty {
                items.append("\(strings.expiringWaiversLabel)\(strings.colonAtEnd)")
                items.append(contentsOf: phase.expiringWaivers.map { waiver in
                    "  - \(waiver.rule.markdownCode)" + (waiver.subject.map { " *\($0.markdownEscaped)*" } ?? "") + " — \(strings.expires) \(waiver.expires)"
                })
            }
            guard !items.isEmpty else { return }
            line(
                "\(ReportBadge.verdict(phase.decision)) **\(phase.name.markdownEscaped)** — \(strings.verdict(phase.decision))"
            )
            line()
            for item in items {
                line(item.hasPrefix("  ") ? item : "- " + item)
            }
            line()
        }

        mutating func plannedWork(_ evaluation: Evaluation, level: Int) {
            guard !evaluation.plannedWork.isEmpty else { return }
            heading(level, strings.plannedWork)
            table(
                [strings.rule, strings.subject, strings.due, strings.status],
                alignments: ["l", "l", "l", "l"],
                evaluation.plannedWork.map { item in
                    [
                        "\(item.rule.markdownCode) \(item.title.markdownEscaped)", item.subject?.markdownEscaped ?? "",
                        item.due ?? "—", strings.status(item.currentStatus),
                    ]
                })
        }

        mutating func findings(_ evaluation: Evaluation, level: Int) {
            let groups = evaluation.findingsByCategory
            guard section(level, strings.findings, isEmpty: groups.isEmpty, note: strings.noFindings) else { return }
            for group in groups {
                heading(level + 1, "\(strings.category(group.category, in: evaluation).markdownEscaped) (\(group.count))")
                for ruleFindings in group.rules {
                    let rule = ruleFindings.rule
                    heading(
                        level + 2,
                        "\(ReportBadge.status(ruleFindings.summary.status)) \(rule.id.markdownCode) \(rule.title.resolved(language).markdownEscaped)"
                    )
                    line(
                        "*\(strings.severity)\(strings.colon)\(strings.severity(rule.severity)) · \(strings.action)\(strings.colon)\(strings.action(rule.action)) · "
                            + "\(strings.likelihoodTimesImpact)\(strings.colon)\(rule.likelihood) × \(rule.impact) = \(rule.exposure)*"
                    )
                    line()
                    for (k, result) in ruleFindings.results.enumerated() {
                        var text = "- \(ReportBadge.status(result.status)) **\(strings.status(result.status))** "
                            + InlineMarkup.markdown.finding(result, in: evaluation, strings: strings)
                        if let place = place(of: result) { text += " (\(place.markdownCode))" }
                        if result.status == .waived, let waiver = result.waiver {
                            text += " — \(strings.waivedPrefix)\(strings.colon)\(waiver.reason.markdownEscaped)"
                        }
                        line(text)
                        if k < ruleFindings.whatItTakes.count,
                            let takes = strings.whatItTakes(ruleFindings.whatItTakes[k], subject: result.subject)
                        {
                            line("  - *\(strings.whatItTakesLabel)*\(strings.colon)\(takes.markdownEscaped)")
                        }
                    }
                    line()
                    if let recommendation = rule.recommendation?.resolved(language) {
                        paragraph("**\(strings.recommendation).** \(recommendation.markdownEscaped)")
                    }
                }
            }
        }

        mutating func evidenceGaps(_ evaluation: Evaluation, level: Int) {
            let gaps = evaluation.evidenceGaps
            guard section(level, strings.evidenceGaps, isEmpty: gaps.isEmpty, note: strings.noEvidenceGaps) else { return }
            table(
                [strings.rule, strings.subject, strings.missingFact, strings.evidence],
                alignments: ["l", "l", "l", "l"],
                gaps.map { result in
                    let rule = evaluation.rule(of: result)
                    return [
                        "\(rule.id.markdownCode) \(rule.title.resolved(language).markdownEscaped)",
                        result.subject?.markdownEscaped ?? "",
                        result.missingFact?.markdownCode ?? "",
                        rule.evidence?.resolved(language).markdownEscaped ?? "",
                    ]
                })
        }

        mutating func waivers(_ evaluation: Evaluation, level: Int) {
            let report = evaluation.waivers
            let isEmpty = report.applied.isEmpty && report.expired.isEmpty && report.unused.isEmpty
            guard section(level, strings.waivers, isEmpty: isEmpty, note: strings.noWaivers) else { return }
            func row(_ waiver: Waiver) -> [String] {
                [
                    waiver.ruleID.markdownCode, waiver.subject?.markdownEscaped ?? "", waiver.reason.markdownEscaped,
                    waiver.approvedBy.markdownEscaped, waiver.expires.markdownEscaped,
                    "\(path(waiver.location.file)):\(waiver.location.line)".markdownCode,
                ]
            }
            let header = [
                strings.rule, strings.subject, strings.reason, strings.approvedBy, strings.expires, strings.location,
            ]
            let alignments: [Character] = ["l", "l", "l", "l", "l", "l"]
            if !report.applied.isEmpty {
                heading(level + 1, strings.waiversApplied)
                table(
                    header + [strings.results], alignments: alignments + ["r"],
                    report.applied.map { row($0.waiver) + [String($0.count)] })
            }
            if !report.expired.isEmpty {
                heading(level + 1, strings.waiversExpired)
                table(header, alignments: alignments, report.expired.map(row))
            }
            if !report.unused.isEmpty {
                heading(level + 1, strings.waiversUnused)
                table(header, alignments: alignments, report.unused.map(row))
            }
        }

        mutating func provenance(_ evaluation: Evaluation, level: Int) {
            heading(level, strings.provenance)
            table(
                ["", ""], alignments: ["l", "l"],
                [
                    [strings.toolVersion, "readiness \(context.toolVersion.markdownEscaped)"],
                    [strings.asOf, evaluation.asOf.markdownEscaped],
                    [strings.languageLabel, context.language.markdownEscaped],
                    [strings.strictMode, evaluation.isStrict ? strings.yes : strings.no],
                ])
            table(
                [strings.input, strings.kind, "SHA-256"], alignments: ["l", "l", "l"],
                evaluation.inputs.map { [path($0.path).markdownCode, strings.origin($0.kind).markdownEscaped, $0.sha256.markdownCode] })
            if !evaluation.overrides.isEmpty {
                paragraph("**\(strings.calibration)**")
                table(
                    [strings.rule, strings.adjustment, strings.reason, strings.setAt], alignments: ["l", "l", "l", "l"],
                    evaluation.overrides.map { override in
                        [
                            override.ruleID.markdownCode, strings.changes(of: override).markdownEscaped, override.reason.markdownEscaped,
                            "\(path(override.location.file)):\(override.location.line)".markdownCode,
                        ]
                    })
            }
            let overrides = evaluation.snapshot.parameterOverrides
            if !overrides.isEmpty {
                paragraph("**\(strings.parametersSet)**")
                table(
                    [strings.parameter, strings.value, strings.setAt], alignments: ["l", "l", "l"],
                    overrides.map { override in
                        [
                            override.name.markdownCode, override.value.description.markdownCode,
                            "\(path(override.location.file)):\(override.location.line)".markdownCode,
                        ]
                    })
            }
        }

        mutating func footer() {
            if !output.hasSuffix("\n\n") { line() }
            paragraph("---")
            line("<sub>\(strings.generatedBy) readiness \(context.toolVersion.markdownEscaped)</sub>")
        }
    }
}
