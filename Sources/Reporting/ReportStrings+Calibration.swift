import Readiness
import SourceDiagnostics

extension ReportStrings {
    /// The heading of the client's overrides of rules in the provenance.
    var calibration: String { t("Client calibration of the rules", "针对本客户的规则校准") }
    /// The label before one override in the text report.
    var calibrated: String { t("Calibrated", "已校准") }
    /// The column of what an override changed.
    var adjustment: String { t("Change", "调整") }

    /// The heading of the warnings about the inputs.
    var inputWarnings: String { t("Input warnings", "输入警告") }
    /// What the input warnings mean for the reader.
    var inputWarningsNote: String {
        t("Each may change the assessment: correct the input and run again.", "每一条都可能改变评估结论：请更正输入后重新评估。")
    }

    /// Where a warning points (`file:line:column`, the file relative to `basePath`), or "—".
    func warningPlace(_ warning: Diagnostic, basePath: String) -> String {
        guard let start = warning.span?.start else { return ReportNumber.none }
        let file = ReportPath.relative(start.file, to: basePath)
        // A warning about a whole file (no line known) names the file alone, never `file:0:0`.
        return start.position.isKnown ? "\(file):\(start.line):\(start.column)" : file
    }

    /// A warning as one line: the message, its code, then its notes.
    func warningText(_ warning: Diagnostic) -> String {
        ([warning.message + " [\(warning.code)]"] + warning.notes.map(\.message)).joined(separator: "; ")
    }

    /// Where an override or an input came from: a ruleset or the snapshot.
    func origin(_ kind: String) -> String { translation(of: kind, in: .origin) ?? kind }

    /// What an override changed, with a rule switched off said in words and the fields,
    /// severities, actions and scope kinds in the report language.
    func changes(of override: RuleOverride) -> String {
        if override.disablesRule && override.changes.count == 1 { return t("switched off", "已停用") }
        return override.changes.map { change in
            "\(field(change.field)) \(value(change.from, of: change.field)) → \(value(change.to, of: change.field))"
        }.joined(separator: clauseSeparator)
    }

    private func field(_ name: String) -> String {
        if let translated = translation(of: name, in: .overrideField) { return translated }
        if name.hasPrefix("only.") { return t("only ", "仅限") + scopeKind(String(name.dropFirst(5))) }
        return name
    }

    private func value(_ text: String, of field: String) -> String {
        switch field {
        case "severity": return Severity(rawValue: text).map(severity) ?? text
        case "action": return RuleAction(rawValue: text).map(action) ?? text
        case "enabled": return text == "true" ? yes : text == "false" ? no : text
        default: return text == "*" ? t("everywhere", "全部") : text
        }
    }
}
