import Foundation
import CEL
import SourceDiagnostics
import StrictYAML

/// Validates one ruleset's parameters and rules, compiling every expression and template.
struct RuleCompiler {
    let cel: CELEnvironment
    let file: String
    let source: SourceText
    let rulesetID: String
    var diagnostics: DiagnosticCollector
    /// Every rule id met, valid rule or not, for the duplicate check.
    var ruleIDs: [(id: String, location: SourceLocation)] = []
    /// The ruleset's `evidence_deadline_days`, the default for its rules.
    var rulesetDeadline: Int?

    /// The `params` mapping: scalar or list values by name.
    mutating func parameters(_ header: MappingReader) -> [Parameter] {
        var out: [Parameter] = []
        for (name, value, here) in header.namedValues("params", expected: "a mapping from name to value", into: &diagnostics) {
            if case .map = value {
                diagnostics.append(RulesetDiagnostics.wrongType("params.\(name)", expected: "a number, text, boolean or list", found: value, at: here))
                continue
            }
            out.append(Parameter(name: name, value: value, location: here, rulesetID: rulesetID))
        }
        return out
    }

    /// Where an expression held in `key` begins in the file.
    func expressionOrigin(_ reader: MappingReader, _ key: String) -> SourceLocation {
        let at = reader.valueLocation(key)
        return SourceLocation(file: file, position: source.contentStart(of: at.position))
    }

    /// Compiles the expression under `key`, or reports why it cannot.
    mutating func expression(
        _ reader: MappingReader, _ key: String, locals: [String], required: Bool = false
    ) -> CompiledExpression? {
        guard let value = reader.value(key), value != .null else {
            if required { diagnostics.append(RulesetDiagnostics.missingKey(key, in: reader.context, at: reader.location)) }
            return nil
        }
        let text: String
        switch value {
        case .string(let s): text = s
        case .bool(let b): text = String(b)
        case .int(let i): text = String(i)
        case .double(let d): text = String(d)
        default:
            diagnostics.append(RulesetDiagnostics.wrongType(key, expected: "a CEL expression", found: value, at: reader.valueLocation(key)))
            return nil
        }
        return compile(text, at: expressionOrigin(reader, key), locals: locals)
    }

    mutating func compile(_ text: String, at origin: SourceLocation, locals: [String]) -> CompiledExpression? {
        do {
            let program = try cel.compile(text, locals: locals, origin: origin)
            return CompiledExpression(program: program)
        } catch {
            diagnostics.append(contentsOf: error.diagnostics)
            return nil
        }
    }

    /// Compiles a message template (text, or text by language) with `{{ expr }}` placeholders.
    mutating func template(_ value: Value, at location: SourceLocation, field: String, locals: [String]) -> MessageTemplate? {
        guard let text = MappingReader.text(value, field: field, at: location, file: file, into: &diagnostics) else { return nil }
        var translations: [(String, [MessageTemplate.Segment])] = []
        for (language, string) in text.translations {
            var origin = SourceLocation(file: file, position: source.contentStart(of: location.position))
            if case .map(let m) = value, let i = m.index(ofString: language), let p = m.valuePosition(at: i) {
                origin = SourceLocation(file: file, position: source.contentStart(of: p))
            }
            guard let segments = templateSegments(string, origin: origin, locals: locals) else { continue }
            translations.append((language, segments))
        }
        return MessageTemplate(translations: translations)
    }

    /// Splits `a {{ expr }} b` into segments, compiling each expression.
    mutating func templateSegments(_ string: String, origin: SourceLocation, locals: [String]) -> [MessageTemplate.Segment]? {
        // The braces are ASCII: found in the UTF-8 bytes, their indices fall between scalars.
        // A brace that a combining mark (or the like) extends into another character is text.
        let utf8 = string.utf8
        func find(_ pair: UInt8, from start: String.Index) -> Range<String.Index>? {
            var i = start
            while i < utf8.endIndex {
                let next = utf8.index(after: i)
                if utf8[i] == pair, next < utf8.endIndex, utf8[next] == pair {
                    let end = utf8.index(after: next)
                    if end == string.endIndex || !Self.extendsCharacter(string.unicodeScalars[end]) { return i..<end }
                }
                i = next
            }
            return nil
        }
        func text(_ range: Range<String.Index>) -> String {
            String(String.UnicodeScalarView(string.unicodeScalars[range]))
        }
        guard find(UInt8(ascii: "{"), from: string.startIndex) != nil else { return string.isEmpty ? [] : [.text(string)] }
        var segments: [MessageTemplate.Segment] = []
        var ok = true
        /// The file location of a string index (columns shift along the first line; later
        /// lines of a block scalar are approximate).
        func location(of index: String.Index) -> SourceLocation {
            let before = string.unicodeScalars[string.startIndex..<index]
            var line = 0
            var column = 0
            for scalar in before {
                if scalar == "\n" {
                    line += 1
                    column = 0
                } else {
                    column += 1
                }
            }
            if line == 0 { return SourceLocation(file: file, line: origin.line, column: origin.column + column) }
            return SourceLocation(file: file, line: origin.line + line, column: column + 1)
        }
        var rest = string.startIndex
        while let open = find(UInt8(ascii: "{"), from: rest) {
            if open.lowerBound > rest { segments.append(.text(text(rest..<open.lowerBound))) }
            guard let close = find(UInt8(ascii: "}"), from: open.upperBound) else {
                diagnostics.append(RulesetDiagnostics.template("'{{' is never closed with '}}'", at: location(of: open.lowerBound)))
                return nil
            }
            let expr = text(open.upperBound..<close.lowerBound)
            if expr.allSatisfy(\.isWhitespace) {
                diagnostics.append(RulesetDiagnostics.template("'{{ }}' holds no expression", at: location(of: open.lowerBound)))
                ok = false
            } else if let compiled = compile(expr, at: location(of: open.upperBound), locals: locals) {
                segments.append(.expression(compiled))
            } else {
                ok = false
            }
            rest = close.upperBound
        }
        if rest < string.endIndex { segments.append(.text(text(rest..<string.endIndex))) }
        return ok ? segments : nil
    }

    /// Whether a scalar joins the character before it (a combining mark, a variation selector,
    /// a zero-width joiner).
    static func extendsCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isGraphemeExtend || scalar == "\u{200D}"
    }

    /// Validates and compiles one rule.
    mutating func rule(_ map: ValueMap) -> Rule? {
        let location = SourceLocation(file: file, position: map.position)
        let provisional = map["id"]?.stringValue.map { "rule '\($0)'" } ?? "a rule"
        let reader = MappingReader(map, file: file, context: provisional)
        reader.checkKeys(RulesetLoader.ruleKeys, into: &diagnostics)
        let id = reader.string("id", required: true, into: &diagnostics)
        if let id { ruleIDs.append((id, location)) }
        if let id, id.isEmpty || !id.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0) }) {
            diagnostics.append(RulesetDiagnostics.invalidID(id, at: reader.valueLocation("id")))
        }
        let title = reader.text("title", required: true, into: &diagnostics)
        let category = reader.string("category", required: true, into: &diagnostics)
        let severity = reader.enumeration("severity", as: Severity.self, required: true, into: &diagnostics)
        let action = reader.enumeration("action", as: RuleAction.self, required: true, into: &diagnostics)
        let likelihood = reader.integer("likelihood", in: 1...5, into: &diagnostics)
        let impact = reader.integer("impact", in: 1...5, into: &diagnostics)

        let (iteration, locals) = self.iteration(reader)
        let when = expression(reader, "when", locals: locals)
        let (check, outcomes) = logic(reader, locals: locals, at: location)
        var message: MessageTemplate?
        if let value = reader.value("message"), value != .null {
            message = template(value, at: reader.valueLocation("message"), field: "message", locals: locals)
        }
        let affects = self.affects(reader, locals: locals)
        let subject = expression(reader, "subject", locals: locals)
        let references = self.references(reader)
        let timing = timing(reader, rulesetDeadline: rulesetDeadline)
        guard let id, let title, let category, let severity, let action else { return nil }
        var rule = Rule(
            id: id, title: title, category: category, severity: severity,
            likelihood: likelihood ?? severity.defaultLikelihood, impact: impact ?? severity.defaultImpact,
            iteration: iteration, when: when, check: check, outcomes: outcomes, message: message,
            rationale: reader.text("rationale", into: &diagnostics),
            recommendation: reader.text("recommendation", into: &diagnostics),
            evidence: reader.text("evidence", into: &diagnostics),
            references: references, tags: reader.strings("tags", into: &diagnostics), action: action,
            affects: affects, subject: subject, rulesetID: rulesetID, location: location)
        (rule.due, rule.leadTimeDays, rule.evidenceDeadlineDays) = timing
        return rule
    }

    /// `for_each: NAME in EXPR`: the iteration, and the locals the rule's other expressions see
    /// (the name, even when the list does not compile).
    mutating func iteration(_ reader: MappingReader) -> (Rule.Iteration?, locals: [String]) {
        guard let value = reader.value("for_each"), value != .null else { return (nil, []) }
        guard case .string(let text) = value, let parsed = Self.splitForEach(text) else {
            diagnostics.append(RulesetDiagnostics.invalidForEach(at: reader.valueLocation("for_each")))
            return (nil, [])
        }
        let origin = expressionOrigin(reader, "for_each")
        let listOrigin = SourceLocation(file: file, line: origin.line, column: origin.column + parsed.offset)
        let list = compile(parsed.list, at: listOrigin, locals: [])
        return (list.map { Rule.Iteration(variable: parsed.variable, list: $0) }, [parsed.variable])
    }

    /// The rule's logic: a `check`, or `outcomes`, exactly one of them.
    mutating func logic(
        _ reader: MappingReader, locals: [String], at location: SourceLocation
    ) -> (check: CompiledExpression?, outcomes: [Rule.Outcome]) {
        switch (reader.value("check") != nil, reader.value("outcomes") != nil) {
        case (true, true):
            diagnostics.append(RulesetDiagnostics.checkAndOutcomes(at: reader.keyLocation("outcomes")))
            return (nil, [])
        case (false, false):
            diagnostics.append(RulesetDiagnostics.missingKey("check' or 'outcomes", in: reader.context, at: location))
            return (nil, [])
        case (true, false):
            return (expression(reader, "check", locals: locals, required: true), [])
        case (false, true):
            return (nil, outcomes(reader, locals: locals))
        }
    }

    /// `affects: {KIND: EXPR}`: the scope items a finding affects.
    mutating func affects(_ reader: MappingReader, locals: [String]) -> [Rule.Affect] {
        guard
            let sub = reader.submapping(
                "affects", expected: "a mapping from scope kind to expression, such as {sites: site.name}",
                context: "affects", into: &diagnostics)
        else { return [] }
        var affects: [Rule.Affect] = []
        for kind in sub.textKeys {
            if let item = expression(sub, kind, locals: locals, required: true) {
                affects.append(Rule.Affect(kind: kind, item: item))
            }
        }
        return affects
    }

    /// `NAME in EXPR` → the name, the list expression, and the expression's column offset.
    static func splitForEach(_ text: String) -> (variable: String, list: String, offset: Int)? {
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count && scalars[i] == " " { i += 1 }
        let nameStart = i
        while i < scalars.count && (scalars[i].properties.isAlphabetic || scalars[i] == "_" || ("0"..."9").contains(scalars[i])) { i += 1 }
        guard i > nameStart, !("0"..."9").contains(scalars[nameStart]) else { return nil }
        var name = String.UnicodeScalarView()
        name.append(contentsOf: scalars[nameStart..<i])
        guard i < scalars.count, scalars[i] == " " else { return nil }
        while i < scalars.count && scalars[i] == " " { i += 1 }
        guard i + 2 < scalars.count, scalars[i] == "i", scalars[i + 1] == "n", scalars[i + 2] == " " else { return nil }
        i += 3
        while i < scalars.count && scalars[i] == " " { i += 1 }
        guard i < scalars.count else { return nil }
        var list = String.UnicodeScalarView()
        list.append(contentsOf: scalars[i...])
        return (String(name), String(list), i)
    }

    mutating func outcomes(_ reader: MappingReader, locals: [String]) -> [Rule.Outcome] {
        guard case .list(let list)? = reader.value("outcomes"), list.count > 0 else {
            diagnostics.append(RulesetDiagnostics.wrongType(
                "outcomes", expected: "a non-empty list of {fail|warn|pass: condition, message}",
                found: reader.value("outcomes") ?? .null, at: reader.valueLocation("outcomes")))
            return []
        }
        var out: [Rule.Outcome] = []
        for (i, element) in list.elements.enumerated() {
            let here = list.position(at: i).map { SourceLocation(file: file, position: $0) } ?? reader.location
            guard case .map(let m) = element else {
                diagnostics.append(RulesetDiagnostics.outcomeShape(at: here))
                continue
            }
            let sub = MappingReader(m, file: file, context: "an outcome")
            sub.checkKeys(["fail", "warn", "pass", "message"], into: &diagnostics)
            let statuses: [(String, ResultStatus)] = [("fail", .fail), ("warn", .warn), ("pass", .pass)]
            let present = statuses.filter { m[$0.0] != nil }
            guard present.count == 1, let (key, status) = present.first else {
                diagnostics.append(RulesetDiagnostics.outcomeShape(at: here))
                continue
            }
            var message: MessageTemplate?
            if let value = m["message"], value != .null {
                message = template(value, at: sub.valueLocation("message"), field: "message", locals: locals)
            }
            if let condition = expression(sub, key, locals: locals, required: true) {
                out.append(Rule.Outcome(status: status, condition: condition, message: message))
            }
        }
        return out
    }

    mutating func references(_ reader: MappingReader) -> [Rule.Reference] {
        guard let value = reader.value("references"), value != .null else { return [] }
        guard case .list(let list) = value else {
            if case .string(let s) = value { return [Rule.Reference(title: s, url: nil)] }
            diagnostics.append(RulesetDiagnostics.wrongType("references", expected: "a list", found: value, at: reader.valueLocation("references")))
            return []
        }
        var out: [Rule.Reference] = []
        for (i, element) in list.elements.enumerated() {
            let here = list.position(at: i).map { SourceLocation(file: file, position: $0) } ?? reader.location
            switch element {
            case .string(let s):
                out.append(Rule.Reference(title: s, url: s.hasPrefix("http") ? s : nil))
            case .map(let m):
                let sub = MappingReader(m, file: file, context: "a reference")
                sub.checkKeys(["title", "url"], into: &diagnostics)
                let title = sub.string("title", required: true, into: &diagnostics) ?? ""
                out.append(Rule.Reference(title: title, url: sub.string("url", into: &diagnostics)))
            default:
                diagnostics.append(RulesetDiagnostics.wrongType("references", expected: "text or {title, url}", found: element, at: here))
            }
        }
        return out
    }
}
