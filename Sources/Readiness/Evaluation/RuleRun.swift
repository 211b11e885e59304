import CEL
import Dispatch
import Foundation
import SourceDiagnostics
import StrictYAML

/// The state of evaluating one catalog against one snapshot: results, counts and waiver use.
struct RuleRun {
    let cel: CELEnvironment
    let snapshot: Snapshot
    let globals: ValueMap
    let language: String
    let waivers: [Waiver]
    let asOf: Timestamp?
    /// The project's dates, which say when a check with `due:` falls due.
    let calendar: ProjectCalendar
    var results: [RuleResult] = []
    /// The indices of the results that are findings, in order.
    var findingIndices: [Int] = []
    /// The indices of the results not yet due (planned work), in order.
    var notDueIndices: [Int] = []
    var waiverUse: [Int]
    /// How many cores large `for_each` lists may use.
    var parallelism = 1

    init(
        cel: CELEnvironment, snapshot: Snapshot, globals: ValueMap, language: String, waivers: [Waiver], asOf: Timestamp?
    ) {
        self.calendar = ProjectCalendar(snapshot: snapshot, asOf: asOf)
        self.cel = cel
        self.snapshot = snapshot
        self.globals = globals
        self.language = language
        self.waivers = waivers
        self.asOf = asOf
        waiverUse = Array(repeating: 0, count: waivers.count)
    }

    var file: String { snapshot.file }

    /// One element being judged: its value, index, where it stands, and the evaluator whose
    /// local 0 holds it.
    struct Element {
        var evaluator: CELEvaluator
        var value: Value?
        var index: Int?
        var position: SourcePosition?
    }

    /// What a rule is judged over: the snapshot as a whole, the elements of its `for_each`
    /// list, or nothing because the list itself could not be had (the result says why).
    enum Subjects: Sendable {
        case whole
        case elements([Value], positions: [SourcePosition])
        case failed(RuleResult)

        var count: Int {
            switch self {
            case .whole, .failed: 1
            case .elements(let elements, _): elements.count
            }
        }
    }

    /// Evaluates every rule (every element of each `for_each` rule), appending the results in
    /// rule order, and returns each rule's counts.
    ///
    /// With several cores the work is cut into tasks — a rule, or a slice of a long `for_each`
    /// list — run together and joined in order, so the output does not depend on the schedule.
    mutating func evaluate(_ rules: [Rule]) -> [StatusCounts] {
        // The workers get a copy without the results gathered so far: capturing those would
        // force a copy of the whole array on the next append.
        var worker = self
        worker.results = []
        let run = worker
        // The `for_each` lists first (a list may be a filter over thousands of elements).
        let subjects = parallelism > 1
            ? Parallel.map(rules.count) { run.subjects(of: rules[$0], index: $0) }
            : rules.indices.map { run.subjects(of: rules[$0], index: $0) }
        let (tasks, starts, total) = plan(subjects)
        var counts = Array(repeating: StatusCounts(), count: rules.count)
        let gathered = [RuleResult](unsafeUninitializedCapacity: total) { buffer, initialized in
            // The tasks fill disjoint slices of one buffer, in place: no copies to join.
            let slots = ResultSlots(base: buffer.baseAddress)
            let judgeTask: @Sendable (Int) -> TaskTally = { t in
                guard let base = slots.base else { return TaskTally() }
                let (r, range) = tasks[t]
                return run.perform(rules[r], ruleIndex: r, subjects[r], range: range, into: base + starts[t], start: starts[t])
            }
            let tallies = parallelism > 1 && tasks.count > 1
                ? Parallel.map(tasks.count, judgeTask) : tasks.indices.map(judgeTask)
            let before = results.count
            for (t, tally) in tallies.enumerated() {
                counts[tasks[t].rule].add(tally.counts)
                findingIndices += tally.findings.map { before + $0 }
                notDueIndices += tally.notDue.map { before + $0 }
            }
            initialized = total
        }
        if results.isEmpty { results = gathered } else { results += gathered }
        return counts
    }

    /// One task: a rule, or a slice of its `for_each` list.
    typealias Portion = (rule: Int, range: Range<Int>)

    /// Cuts the work into tasks (long lists into slices when several cores work), with where
    /// each task's results start and how many there are in all. Each task gives exactly one
    /// result per element (one for a rule without `for_each`), so every task knows where its
    /// results go before any has run.
    func plan(_ subjects: [Subjects]) -> (tasks: [Portion], starts: [Int], total: Int) {
        var tasks: [Portion] = []
        for (r, subject) in subjects.enumerated() {
            let count = subject.count
            let size = parallelism > 1 && count >= Self.parallelThreshold
                ? (count + parallelism * 4 - 1) / (parallelism * 4) : max(count, 1)
            for lower in stride(from: 0, to: max(count, 1), by: size) {
                tasks.append((r, lower..<min(lower + size, count)))
            }
        }
        var starts: [Int] = []
        var total = 0
        for task in tasks {
            starts.append(total)
            if case .elements = subjects[task.rule] { total += task.range.count } else { total += 1 }
        }
        return (tasks, starts, total)
    }

    /// What one task produced: its counts, and the indices (from the run's first new result)
    /// of its findings and of its checks not yet due.
    struct TaskTally: Sendable {
        var counts = StatusCounts()
        var findings: [Int] = []
        var notDue: [Int] = []
    }

    /// Judges one task's subjects into `out` (the slice starting at result `start`), then
    /// counts and notes them while they are fresh in the cache.
    func perform(
        _ rule: Rule, ruleIndex r: Int, _ subjects: Subjects, range: Range<Int>,
        into out: UnsafeMutablePointer<RuleResult>, start: Int
    ) -> TaskTally {
        let produced: Int
        switch subjects {
        case .failed(let result):
            out.initialize(to: applyingDue(result, rule: rule))
            produced = 1
        case .whole:
            let element = Element(
                evaluator: CELEvaluator(cel, activation: CELActivation(globals: globals(for: rule))),
                value: nil, index: nil, position: nil)
            out.initialize(to: applyingDue(judge(rule, ruleIndex: r, element), rule: rule))
            produced = 1
        case .elements(let elements, let positions):
            judgeElements(rule, ruleIndex: r, elements, positions, range: range, into: out)
            produced = range.count
        }
        var tally = TaskTally()
        for k in 0..<produced {
            let status = out[k].status
            tally.counts.add(status)
            if status.isFinding {
                tally.findings.append(start + k)
            } else if status == .notDue {
                tally.notDue.append(start + k)
            }
        }
        return tally
    }

    /// Where the tasks put their results (each its own slice).
    struct ResultSlots: @unchecked Sendable {
        let base: UnsafeMutablePointer<RuleResult>?
    }

    /// The snapshot, or the elements of the rule's `for_each` list.
    func subjects(of rule: Rule, index ruleIndex: Int) -> Subjects {
        guard let iteration = rule.iteration else { return .whole }
        switch cel.evaluate(iteration.list.program, in: CELActivation(globals: globals(for: rule))) {
        case .value(.list(let list)):
            return .elements(list.elements, positions: list.positions)
        case .value(.map(let map)):
            return .elements(map.keys, positions: map.keyPositions)
        case .value(let other):
            return .failed(failure(
                rule, ruleIndex: ruleIndex, status: .error,
                message: "'for_each' must give a list, but '\(iteration.list.source)' is \(other.kindDescription)",
                location: firstFactLocation(of: iteration.list.program, element: nil)))
        case .error(let error):
            return .failed(outcome(of: error, rule: rule, ruleIndex: ruleIndex, element: nil, expression: iteration.list))
        }
    }

    /// Lists at least this long are judged on several cores.
    static let parallelThreshold = 4096

    func judgeElements(
        _ rule: Rule, ruleIndex: Int, _ elements: [Value], _ positions: [SourcePosition],
        range: Range<Int>, into out: UnsafeMutablePointer<RuleResult>
    ) {
        // Element paths (`network.sites[3]`) are only spelt out when a fact turns out missing
        // (see `outcome(of:)`), never per element.
        // One evaluator (one frame) serves the whole range.
        let evaluator = CELEvaluator(cel, activation: CELActivation(globals: globals(for: rule), locals: [.null]))
        for i in range {
            let value = elements[i]
            evaluator.setLocal(0, to: value)
            let position = FactPath.ownPosition(of: value) ?? (i < positions.count ? positions[i] : nil)
            let element = Element(evaluator: evaluator, value: value, index: i, position: position)
            let result = judge(rule, ruleIndex: ruleIndex, element)
            (out + (i - range.lowerBound)).initialize(to: rule.due == nil ? result : applyingDue(result, rule: rule))
        }
    }

    /// The element's path from the snapshot's root: `network.sites[3]` for a plain list path,
    /// found through the document for a computed list (`members.filter(…)`).
    func elementPath(_ iteration: Rule.Iteration, _ element: Element) -> String? {
        guard let index = element.index else { return nil }
        if let base = Self.plainPath(iteration.list.source) { return "\(base)[\(index)]" }
        return element.value.flatMap { FactPath.path(to: $0, in: snapshot.factRoot) }
    }

    /// `site.latency_ms` → `network.sites[3].latency_ms`: a path from the element variable,
    /// restated from the snapshot's root.
    static func rebase(_ path: String, variable: String, onto base: String) -> String {
        guard path.hasPrefix(variable) else { return path }
        let rest = path.dropFirst(variable.count)
        guard rest.isEmpty || rest.first == "." || rest.first == "[" else { return path }
        return base + rest
    }

    /// `a.b.c` when the text is a plain dotted path (so element paths can read `a.b.c[3]`).
    static func plainPath(_ source: String) -> String? {
        let trimmed = source.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty,
            trimmed.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "." })
        else { return nil }
        return trimmed
    }

    /// Judges one element: applicability, then the check or the outcomes.
    func judge(_ rule: Rule, ruleIndex: Int, _ element: Element) -> RuleResult {
        if let when = rule.when {
            switch truth(of: when, named: "'when'", rule: rule, ruleIndex: ruleIndex, element) {
            case .known(true): break
            case .known(false): return notApplicable(rule, ruleIndex: ruleIndex, element)
            case .settled(let result): return result
            }
        }
        // An override's `only:` leaves the rule not applicable outside the items it names.
        if !rule.only.isEmpty, Self.restricted(declaredAffected(rule, element), to: rule.only) == nil {
            return notApplicable(rule, ruleIndex: ruleIndex, element)
        }
        var status: ResultStatus = .pass
        // An outcome's own message; the rule's is read only for a finding (a pass shows none).
        var outcomeMessage: MessageTemplate?
        if let check = rule.check {
            switch truth(of: check, named: "'check'", rule: rule, ruleIndex: ruleIndex, element) {
            case .known(let ok): status = ok ? .pass : .fail
            case .settled(let result): return result
            }
        } else {
            for candidate in rule.outcomes {
                switch truth(of: candidate.condition, named: "an outcome's condition", rule: rule, ruleIndex: ruleIndex, element) {
                case .known(true):
                    status = candidate.status
                    outcomeMessage = candidate.message
                case .known(false):
                    continue
                case .settled(let result):
                    return result
                }
                break
            }
        }
        let subject = subject(rule, element)
        let location = elementLocation(element)
            ?? firstFactLocation(of: rule.check?.program ?? rule.outcomes.first?.condition.program, element: element)
        guard status != .pass else {
            return RuleResult(
                ruleIndex: ruleIndex, status: .pass, subject: subject, index: element.index, message: nil,
                location: location, missingFact: nil, errorMessage: nil, affected: [], waiver: nil)
        }
        var result = RuleResult(
            ruleIndex: ruleIndex, status: status, subject: subject, index: element.index,
            message: render(outcomeMessage ?? rule.message, rule: rule, element: element),
            location: location, missingFact: nil, errorMessage: nil, affected: affected(rule, element), waiver: nil)
        applyWaiver(to: &result, rule: rule)
        return result
    }

    /// A condition's value for one element: true or false, or the result that settles the
    /// element when the condition gives something else or fails.
    enum Truth {
        case known(Bool)
        case settled(RuleResult)
    }

    /// Evaluates a condition (`when`, `check`, an outcome's) for one element.
    /// - Parameter name: How messages name the condition ("'when'").
    @inline(__always)
    func truth(
        of condition: CompiledExpression, named name: String, rule: Rule, ruleIndex: Int, _ element: Element
    ) -> Truth {
        switch element.evaluator.evaluate(condition.program) {
        case .value(.bool(let value)):
            return .known(value)
        case .value(let other):
            return .settled(failure(
                rule, ruleIndex: ruleIndex, status: .error,
                message: "\(name) must be true or false, but it gave \(other.kindDescription)", element: element,
                location: condition.location))
        case .error(let error):
            return .settled(outcome(of: error, rule: rule, ruleIndex: ruleIndex, element: element, expression: condition))
        }
    }

    /// The result of an element the rule does not apply to.
    func notApplicable(_ rule: Rule, ruleIndex: Int, _ element: Element) -> RuleResult {
        RuleResult(
            ruleIndex: ruleIndex, status: .notApplicable, subject: subject(rule, element), index: element.index,
            message: nil, location: elementLocation(element), missingFact: nil, errorMessage: nil, affected: [], waiver: nil)
    }

    /// The result for an evaluation error: `unknown` for a missing fact, `error` otherwise.
    func outcome(
        of error: CELEvaluationError, rule: Rule, ruleIndex: Int, element: Element?, expression: CompiledExpression
    ) -> RuleResult {
        if var path = error.missingFactPath {
            path = Self.leafPath(path, in: expression)
            if let iteration = rule.iteration, let element, let base = elementPath(iteration, element) {
                path = Self.rebase(path, variable: iteration.variable, onto: base)
            }
            var result = RuleResult(
                ruleIndex: ruleIndex, status: .unknown, subject: element.map { subject(rule, $0) } ?? nil,
                index: element?.index, message: nil,
                location: factLocation(path, element: element) ?? element.flatMap(elementLocation),
                missingFact: path, errorMessage: nil, affected: [], waiver: nil)
            result.message = Messages.missingFact(path, language: language)
            // A gap acts on the phases holding its items, like a failure would.
            if let element { result.affected = affected(rule, element) }
            return result
        }
        let location = error.location ?? expression.location
        var result = failure(
            rule, ruleIndex: ruleIndex, status: .error, message: "\(location): \(error.message)", element: element,
            location: element.flatMap(elementLocation) ?? firstFactLocation(of: expression.program, element: element))
        result.errorMessage = error.message
        if let element { result.affected = affected(rule, element) }
        return result
    }

    /// The result, or `not_due` when its rule's `due` date is still ahead: a check not yet due is
    /// planned work, neither a pass nor a failure nor an evidence gap.
    func applyingDue(_ result: RuleResult, rule: Rule) -> RuleResult {
        guard let due = rule.due, result.status.isFinding, result.status != .waived else { return result }
        let (isNotDue, day) = calendar.notYetDue(due, items: result.affected)
        guard isNotDue else { return result }
        var planned = result
        planned.status = .notDue
        planned.dueDate = day.map(ProjectCalendar.format)
        return planned
    }

    func failure(
        _ rule: Rule, ruleIndex: Int, status: ResultStatus, message: String, element: Element? = nil,
        location: SourceLocation?
    ) -> RuleResult {
        RuleResult(
            ruleIndex: ruleIndex, status: status, subject: element.map { subject(rule, $0) } ?? nil,
            index: element?.index, message: message, location: location, missingFact: nil,
            errorMessage: status == .error ? message : nil, affected: [], waiver: nil)
    }

    // MARK: - Subjects, messages, locations

    func subject(_ rule: Rule, _ element: Element) -> String? {
        // A subject expression's value is rendered up to the limit; a name is taken whole.
        unboundedSubject(rule, element).map {
            Messages.bounded($0, partial: rule.subject != nil && $0.utf8.count >= Messages.renderLimit)
        }
    }

    private func unboundedSubject(_ rule: Rule, _ element: Element) -> String? {
        guard let value = element.value else { return nil }
        if let expression = rule.subject {
            if case .value(let v) = element.evaluator.evaluate(expression.program) {
                return Messages.text(of: v)
            }
        } else if case .map(let map) = value {
            // `name`, then `id` (two lookups: an array literal here would allocate per element).
            if let name = Self.subjectText(map["name"]) ?? Self.subjectText(map["id"]) { return name }
        } else {
            switch value {
            case .string(let s): return s
            case .int, .uint, .double, .bool: return Messages.text(of: value)
            default: break
            }
        }
        return element.index.map { "#\($0)" }
    }

    /// A `name` or `id` field's text, when it is a string or a number.
    private static func subjectText(_ field: Value?) -> String? {
        switch field {
        case .string(let s)?: s
        case .int?, .uint?, .double?: field.map { Messages.text(of: $0) }
        default: nil
        }
    }

    func render(_ template: MessageTemplate?, rule: Rule, element: Element) -> String {
        guard let template else { return rule.title.resolved(language) }
        var out = ""
        for segment in template.segments(for: language) {
            switch segment {
            case .text(let text): out += text
            case .expression(let expression):
                switch element.evaluator.evaluate(expression.program) {
                case .value(let v): out += messageText(of: v, rule: rule, limit: Messages.renderLimit - out.utf8.count)
                case .error(let e): out += e.missingFactPath == nil ? "‹error›" : Phrases(language: language).unknownValue
                }
            }
            if out.utf8.count >= Messages.renderLimit { break }
        }
        return Messages.bounded(out, partial: out.utf8.count >= Messages.renderLimit)
    }

    /// The items a result acts on: its rule's `affects`, within an override's restriction.
    func affected(_ rule: Rule, _ element: Element) -> [RuleResult.AffectedItem] {
        let declared = declaredAffected(rule, element)
        return rule.only.isEmpty ? declared : Self.restricted(declared, to: rule.only) ?? []
    }

    /// The items the rule's `affects` names for an element, each named once and bounded like a
    /// subject: a list that names one long item a million times affects it once.
    func declaredAffected(_ rule: Rule, _ element: Element) -> [RuleResult.AffectedItem] {
        var out: [RuleResult.AffectedItem] = []
        for affect in rule.affects {
            guard case .value(let v) = element.evaluator.evaluate(affect.item.program) else { continue }
            let first = out.count
            var seen = Set<String>()
            func add(_ value: Value) {
                let text = Messages.text(of: value)
                let item = Messages.bounded(text, partial: text.utf8.count >= Messages.renderLimit)
                // A few items are compared directly; a set only for longer lists.
                if out.count - first < 16 {
                    if out[first...].contains(where: { $0.item == item }) { return }
                } else {
                    if seen.isEmpty { seen = Set(out[first...].map(\.item)) }
                    if !seen.insert(item).inserted { return }
                }
                out.append(.init(kind: affect.kind, item: item))
            }
            if case .list(let list) = v {
                for item in list.elements { add(item) }
            } else if v != .null {
                add(v)
            }
        }
        return out
    }

    func elementLocation(_ element: Element) -> SourceLocation? {
        element.position.map { SourceLocation(file: file, position: $0) }
    }

    /// Where a missing fact would be: the deepest part of its path that exists.
    func factLocation(_ path: String, element: Element?) -> SourceLocation? {
        let document = snapshot.document
        if let position = FactPath.position(of: path, in: document.root, rootPosition: .unknown) {
            return SourceLocation(file: file, position: position)
        }
        if let element, let value = element.value, let dot = path.firstIndex(where: { $0 == "." || $0 == "[" }) {
            let rest = String(path[dot...])
            if let position = FactPath.position(of: rest, in: value, rootPosition: element.position ?? .unknown) {
                return SourceLocation(file: file, position: position)
            }
        }
        return nil
    }

    /// The location of the first fact an expression reads that the snapshot has.
    func firstFactLocation(of program: CELProgram?, element: Element?) -> SourceLocation? {
        guard let program else { return nil }
        for path in program.referencedPaths {
            if let position = FactPath.position(
                of: path.joined(separator: "."), in: snapshot.document.root, rootPosition: .unknown)
            {
                return SourceLocation(file: file, position: position)
            }
        }
        return nil
    }

    // MARK: - Waivers

    func applyWaiver(to result: inout RuleResult, rule: Rule) {
        guard result.status == .fail || result.status == .warn else { return }
        for waiver in waivers where waiver.ruleID == rule.id {
            if let subject = waiver.subject, subject != result.subject { continue }
            if let asOf, waiver.expiresAt < asOf { continue }
            result.status = .waived
            result.waiver = waiver
            return
        }
    }

    /// Counts which waivers the results used.
    mutating func countWaiverUse() {
        guard !waivers.isEmpty else { return }
        for result in results {
            guard let waiver = result.waiver, let i = waivers.firstIndex(of: waiver) else { continue }
            waiverUse[i] += 1
        }
    }

    func waiverReport() -> WaiverReport {
        var applied: [(Waiver, Int)] = []
        var expired: [Waiver] = []
        var unused: [Waiver] = []
        for (i, waiver) in waivers.enumerated() {
            if let asOf, waiver.expiresAt < asOf {
                expired.append(waiver)
            } else if waiverUse[i] > 0 {
                applied.append((waiver, waiverUse[i]))
            } else {
                unused.append(waiver)
            }
        }
        return WaiverReport(applied: applied, expired: expired, unused: unused)
    }
}
