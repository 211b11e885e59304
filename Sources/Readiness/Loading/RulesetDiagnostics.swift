import SourceDiagnostics

/// The rules engine's input diagnostics, in one alphabetical catalogue.
enum RulesetDiagnostics {
    static func dependencyCycle(_ names: [String], at location: SourceLocation?) -> Diagnostic {
        .error("snapshot.phase-cycle", "phases depend on each other in a cycle: \(names.joined(separator: " → "))", at: location)
    }

    static func duplicateID(_ id: String, at location: SourceLocation, first: SourceLocation) -> Diagnostic {
        .error(
            "ruleset.duplicate-id", "rule id '\(id)' is already defined at \(first)", at: location,
            notes: [.init(message: "first defined here", span: SourceSpan(first))])
    }

    static func duplicatePhase(_ name: String, at location: SourceLocation) -> Diagnostic {
        .error("snapshot.duplicate-phase", "phase '\(name)' is defined twice", at: location)
    }

    static func emptyRuleset(at location: SourceLocation) -> Diagnostic {
        Diagnostic(severity: .warning, code: "ruleset.no-rules", message: "the ruleset defines no rules", span: SourceSpan(location))
    }

    static func extendsCycle(_ chain: [String], at location: SourceLocation) -> Diagnostic {
        .error("ruleset.extends-cycle", "'extends' forms a cycle: \(chain.joined(separator: " → "))", at: location)
    }

    static func invalidDate(_ text: String, field: String, at location: SourceLocation) -> Diagnostic {
        .error(
            "snapshot.invalid-date", "'\(text)' is not a valid date for '\(field)'; write YYYY-MM-DD", at: location)
    }

    static func invalidForEach(at location: SourceLocation) -> Diagnostic {
        .error("ruleset.invalid-for-each", "'for_each' must read 'NAME in EXPRESSION', such as 'site in network.sites'", at: location)
    }

    static func invalidID(_ id: String, at location: SourceLocation) -> Diagnostic {
        .error(
            "ruleset.invalid-id",
            "rule id '\(id)' may use only letters, digits, '-', '_' and '.'", at: location)
    }

    static func invalidEnum(_ value: String, field: String, allowed: [String], at location: SourceLocation) -> Diagnostic {
        var notes: [Diagnostic.Note] = []
        if let guess = EditDistance.suggestion(for: value, among: allowed) {
            notes.append(.init(message: "did you mean '\(guess)'?"))
        }
        return .error(
            "ruleset.invalid-\(field)",
            "unknown \(field) '\(value)'; expected one of \(allowed.joined(separator: ", "))", at: location, notes: notes)
    }

    static func invalidParameter(_ text: String, reason: String) -> Diagnostic {
        .error("cli.invalid-param", "--param '\(text)': \(reason)", at: nil)
    }

    static func missingKey(_ key: String, in context: String, at location: SourceLocation) -> Diagnostic {
        .error("ruleset.missing-key", "\(context) needs '\(key)'", at: location)
    }

    static func outOfRange(_ field: String, _ value: Int64, range: ClosedRange<Int>, at location: SourceLocation) -> Diagnostic {
        .error(
            "ruleset.out-of-range",
            "'\(field)' is \(value); it must be between \(range.lowerBound) and \(range.upperBound)", at: location)
    }

    static func checkAndOutcomes(at location: SourceLocation) -> Diagnostic {
        .error("ruleset.check-and-outcomes", "a rule gives either 'check' or 'outcomes', not both", at: location)
    }

    static func outcomeShape(at location: SourceLocation) -> Diagnostic {
        .error(
            "ruleset.invalid-outcome",
            "each outcome needs exactly one of 'fail', 'warn' or 'pass' with a condition, and may have a 'message'",
            at: location)
    }

    static func phaseEndsBeforeStart(_ name: String, start: String, end: String, at location: SourceLocation) -> Diagnostic {
        .error(
            "snapshot.phase-dates", "phase '\(name)' ends on \(end), before it starts on \(start)", at: location,
            notes: [.init(message: "a phase's end is on or after its start")])
    }

    static func template(_ problem: String, at location: SourceLocation) -> Diagnostic {
        .error("ruleset.invalid-template", problem, at: location)
    }

    static func unknownBuiltin(_ name: String, available: [String], at location: SourceLocation?) -> Diagnostic {
        var notes: [Diagnostic.Note] = [.init(message: "built-in rulesets: \(available.joined(separator: ", ")), or all of them: all")]
        if let guess = EditDistance.suggestion(for: name, among: available) {
            notes.insert(.init(message: "did you mean '\(guess)'?"), at: 0)
        }
        return .error("ruleset.not-found", "no ruleset file or built-in ruleset named '\(name)'", at: location, notes: notes)
    }

    static func unknownDependency(_ name: String, phases: [String], at location: SourceLocation) -> Diagnostic {
        var notes: [Diagnostic.Note] = []
        if let guess = EditDistance.suggestion(for: name, among: phases) {
            notes.append(.init(message: "did you mean '\(guess)'?"))
        }
        return .error("snapshot.unknown-phase", "'depends_on' names phase '\(name)', which the snapshot does not define", at: location, notes: notes)
    }

    static func unknownKey(_ key: String, in context: String, allowed: [String], at location: SourceLocation) -> Diagnostic {
        var notes: [Diagnostic.Note] = []
        if let guess = EditDistance.suggestion(for: key, among: allowed) {
            notes.append(.init(message: "did you mean '\(guess)'?"))
        } else {
            notes.append(.init(message: "\(context) takes: \(allowed.joined(separator: ", "))"))
        }
        return .error("ruleset.unknown-key", "unknown key '\(key)' in \(context)", at: location, notes: notes)
    }

    static func unknownParameter(_ name: String, declared: [String], at location: SourceLocation?, severity: Diagnostic.Severity) -> Diagnostic {
        var notes: [Diagnostic.Note] = []
        if let guess = EditDistance.suggestion(for: name, among: declared) {
            notes.append(.init(message: "did you mean '\(guess)'?"))
        }
        return Diagnostic(
            severity: severity, code: "params.unknown",
            message: "parameter '\(name)' is not declared by any loaded ruleset",
            span: location.map(SourceSpan.init), notes: notes)
    }

    static func notARuleset(_ path: String) -> Diagnostic {
        Diagnostic.error(
            "ruleset.not-a-ruleset",
            "'\(path)' is not a ruleset: it has neither 'ruleset' nor 'rules' (its contents are not shown)",
            at: SourceLocation(file: path, line: 1, column: 1)
        ).withoutSourceQuote
    }

    static func outsideFolder(key: String, _ spec: String, folder: String, at location: SourceLocation) -> Diagnostic {
        .error(
            "path.outside-folder",
            "'\(key)' names '\(spec)', which is outside the folder '\(folder)' it may read from",
            at: location,
            notes: [.init(message: "to read files from another folder on purpose, allow that folder", setting: "allowedDirectories")])
    }

    static func emptyWaiverField(_ key: String, at location: SourceLocation) -> Diagnostic {
        .error("waiver.empty", "a waiver's '\(key)' must not be empty: say why the rule is waived and who approved it", at: location)
    }

    static func waiverTooLong(_ expires: String, maxDays: Int, asOf: String, at location: SourceLocation) -> Diagnostic {
        .error(
            "waiver.too-long",
            "the waiver expires on \(expires), more than \(maxDays) days after the evaluation date \(asOf)",
            at: location,
            notes: [.init(message: "waivers are temporary: renew the waiver when it expires instead")])
    }

    static func parameterOverridden(_ name: String, by ruleset: String, of owner: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(
            severity: .warning, code: "params.override",
            message: "ruleset '\(ruleset)' overrides parameter '\(name)' of ruleset '\(owner)'",
            span: location.map(SourceSpan.init))
    }

    static func parameterRedeclared(_ name: String, by ruleset: String, of owner: String, at location: SourceLocation?) -> Diagnostic {
        .error(
            "params.redeclared",
            "parameter '\(name)' is already declared by ruleset '\(owner)'; a ruleset may not change another ruleset's parameter silently",
            at: location,
            notes: [.init(message: "to override it on purpose, list it under 'overrides_params: [\(name)]' in ruleset '\(ruleset)'")])
    }

    static func emptyOverrideReason(at location: SourceLocation) -> Diagnostic {
        .error("override.empty-reason", "an override's 'reason' must not be empty: say why this client's situation calls for it", at: location)
    }

    static func overrideChangesNothing(at location: SourceLocation) -> Diagnostic {
        .error(
            "override.no-change", "the override changes nothing",
            at: location,
            notes: [.init(message: "give one of: enabled, severity, action, likelihood, impact, params, only")])
    }

    static func waiverOfUnknownRule(_ id: String, known: [String], at location: SourceLocation?) -> Diagnostic {
        var notes: [Diagnostic.Note] = [.init(message: "the waiver waives nothing: its rule's findings stand")]
        if let guess = EditDistance.suggestion(for: id, among: known.sorted()) {
            notes.insert(.init(message: "did you mean '\(guess)'?"), at: 0)
        }
        return Diagnostic(
            severity: .warning, code: "waiver.unknown-rule",
            message: "the waiver names rule '\(id)', which no loaded ruleset defines", span: location.map(SourceSpan.init),
            notes: notes)
    }

    static func overrideOfUnknownRule(_ id: String, known: [String], at location: SourceLocation) -> Diagnostic {
        var notes: [Diagnostic.Note] = []
        if let guess = EditDistance.suggestion(for: id, among: known.sorted()) {
            notes.append(.init(message: "did you mean '\(guess)'?"))
        }
        return .error("override.unknown-rule", "the override names rule '\(id)', which no loaded ruleset defines", at: location, notes: notes)
    }

    static func overrideParameterNotRead(_ name: String, rule: String, reads: [String], at location: SourceLocation) -> Diagnostic {
        let notes: [Diagnostic.Note] = reads.isEmpty
            ? [.init(message: "rule '\(rule)' reads no parameter")]
            : [.init(message: "rule '\(rule)' reads: \(reads.joined(separator: ", "))")]
        return .error(
            "override.parameter-not-read", "rule '\(rule)' does not read parameter '\(name)', so overriding it would change nothing",
            at: location, notes: notes)
    }

    static func overrideOfNothing(_ name: String, at location: SourceLocation) -> Diagnostic {
        .error(
            "params.override-unknown",
            "'overrides_params' names '\(name)', which no ruleset loaded before this one declares",
            at: location)
    }

    static func parameterType(
        _ name: String, expected: String, rulesetID: String, found: Value, at location: SourceLocation?
    ) -> Diagnostic {
        let place = location == nil ? "--param \(name)" : "parameter '\(name)'"
        let finite: String
        if case .double(let d) = found, !d.isFinite { finite = " (numbers must be finite)" } else { finite = "" }
        return .error(
            "params.wrong-type",
            "\(place) must be \(expected), as ruleset '\(rulesetID)' declares it, not \(found.kindDescription)\(finite)",
            at: location)
    }

    static func wrongType(_ field: String, expected: String, found: Value, at location: SourceLocation) -> Diagnostic {
        .error("ruleset.wrong-type", "'\(field)' must be \(expected), not \(found.kindDescription)", at: location)
    }
}

import StrictYAML

extension Value {
    /// A short description of the value's kind for messages ("a list", "the number 3").
    var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool(let b): "the boolean \(b)"
        case .int(let i): "the number \(i)"
        case .uint(let u): "the number \(u)"
        case .double(let d): "the number \(d)"
        case .string(let s): "the text '\(s.count > 40 ? String(s.prefix(40)) + "…" : s)'"
        case .bytes: "bytes"
        case .list: "a list"
        case .map: "a mapping"
        case .timestamp: "a timestamp"
        case .duration: "a duration"
        case .type: "a type"
        case .optional: "an optional"
        }
    }
}
