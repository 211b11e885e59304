import CEL
import SourceDiagnostics
import StrictYAML

/// Works out what it takes to clear each open finding: for every fact the rule reads for that
/// subject, the smallest change to that fact alone that makes the rule pass, found by
/// re-evaluating the rule (`RemedySearch`), never from a table written per rule.
struct Remediation {
    let run: RuleRun
    let rules: [Rule]

    /// A fact a rule reads for one subject: inside the element (`site.wan_mbps`) or from the
    /// snapshot's root (`deployment.rollback.rehearsed`).
    struct Fact {
        var isLocal: Bool
        /// The path inside the element (local) or from the root.
        var steps: [FactStep]
    }

    /// Where a `for_each` rule's elements stand in the snapshot: the list's path and, per
    /// element of the rule's list, its index in that snapshot list.
    struct ElementPlace {
        var listPath: [String]
        var snapshotIndex: [Int?]
        /// The snapshot list, and its elements by name and by id, for naming them.
        var list: ValueList
        var names: ElementAddress.Names
    }

    /// What it takes for each finding among `indices` (indices into `results`); findings that
    /// are neither open failures nor evidence gaps are left out.
    func whatItTakes(_ results: [RuleResult], indices: [Int], parallelism: Int) -> [Int: WhatItTakes] {
        let open = indices.filter { [.fail, .warn, .unknown, .error].contains(results[$0].status) }
        guard !open.isEmpty else { return [:] }
        // Each rule's elements, once per rule that has a finding needing them.
        var ruleIndices: [Int] = []
        var seen = Set<Int>()
        for i in open where results[i].status == .fail || results[i].status == .warn {
            if seen.insert(results[i].ruleIndex).inserted { ruleIndices.append(results[i].ruleIndex) }
        }
        let subjectLists = ruleIndices.map { r in (r, run.subjects(of: rules[r], index: r)) }
        var elements: [Int: (values: [Value], place: ElementPlace?)] = [:]
        for (r, subjects) in subjectLists {
            if case .elements(let values, _) = subjects {
                elements[r] = (values, place(of: rules[r], elements: values))
            }
        }
        let frozen = elements
        var probeCEL = run.cel
        if let limit = probeCEL.limits.maxRunSteps { probeCEL.runBudget = CELRunBudget(limit: limit) }
        let cel = probeCEL
        let work: @Sendable (Int) -> WhatItTakes = { k in
            let result = results[open[k]]
            switch result.status {
            case .unknown: return WhatItTakes(outcome: .collect, collect: result.missingFact.map { [$0] } ?? [])
            case .error: return WhatItTakes(outcome: .notEvaluable)
            default: break
            }
            if let budget = cel.runBudget, budget.isExhausted { return WhatItTakes(outcome: .notSearched) }
            let rule = rules[result.ruleIndex]
            var element: Value?
            var place: Place?
            if rule.iteration != nil {
                guard let list = frozen[result.ruleIndex], let i = result.index, i < list.values.count else {
                    return WhatItTakes(outcome: .noSingleChange)
                }
                element = list.values[i]
                if let p = list.place, let index = p.snapshotIndex[i] {
                    place = Place(path: p.listPath, index: index, key: Self.elementKey(subject: result.subject, in: p, index: index))
                }
            }
            return self.search(rule, element: element, place: place, cel: cel)
        }
        let found = parallelism > 1 && open.count > 64
            ? Parallel.map(open.count, work) : open.indices.map(work)
        var out: [Int: WhatItTakes] = [:]
        for (k, i) in open.enumerated() { out[i] = found[k] }
        return out
    }

    /// The single-fact changes that clear one subject's finding.
    func search(_ rule: Rule, element: Value?, place: Place?, cel: CELEnvironment) -> WhatItTakes {
        let globals = Value.map(run.globals)
        let passes: (Value?, ValueMap) -> Bool = { element, globals in
            let activation = CELActivation(globals: globals, locals: element.map { [$0] } ?? [])
            return run.probeStatus(rule, CELEvaluator(cel, activation: activation)) == .pass
        }
        // Changes inside the element reuse one evaluator (one frame), its local set per probe.
        let local = CELEvaluator(cel, activation: CELActivation(globals: run.globals, locals: [element ?? .null]))
        let passesLocally: (Value) -> Bool = { element in
            local.setLocal(0, to: element)
            return run.probeStatus(rule, local) == .pass
        }
        var changes: [FactChange] = []
        for fact in facts(of: rule, element: element) {
            // An element's own facts are addressed only when the element is in the snapshot.
            if fact.isLocal && place == nil { continue }
            guard let current = FactEdit.value(at: fact.steps, in: fact.isLocal ? element ?? .null : globals),
                !UnknownFacts.isMarker(current)
            else { continue }
            let set: (Value) -> Bool = { value in
                if fact.isLocal {
                    guard let edited = FactEdit.setting(value, at: fact.steps[...], in: element) else { return false }
                    return passesLocally(edited)
                }
                guard case .map(let edited)? = FactEdit.setting(value, at: fact.steps[...], in: globals) else { return false }
                return passes(element, edited)
            }
            var search = RemedySearch(passes: set)
            search.textCandidates = textCandidates(of: rule)
            let steps = fact.isLocal ? (place.map { Self.keys($0.path) + [FactStep.index($0.index)] } ?? []) + fact.steps : fact.steps
            let name = factName(fact, element: element, place: place)
            if case .list(let list) = current {
                let templates = Self.templates(list, few: list.count > 1_000)
                guard let (copies, short, chosen) = search.count(list, templates: templates.map(\.value)) else { continue }
                let template = templates[chosen].value
                var change = FactChange(
                    fact: name, kind: .count, from: String(list.count), to: String(list.count + copies),
                    change: RemedySearch.signed(Int64(copies)), steps: steps,
                    value: .list(ValueList(list.elements + Array(repeating: template, count: copies))))
                change.copiedElement = templates[chosen].label
                change.justShort = .list(ValueList(list.elements + Array(repeating: template, count: short)))
                changes.append(change)
            } else if let found = search.change(from: current) {
                var change = FactChange(
                    fact: name, kind: found.kind, from: Messages.text(of: current), to: Messages.text(of: found.value),
                    change: found.change, steps: steps, value: found.value)
                change.justShort = found.short
                changes.append(change)
            }
        }
        return WhatItTakes(outcome: changes.isEmpty ? .noSingleChange : .change, changes: changes)
    }

    /// The facts a rule's conditions read, in source order: the element's own fields first
    /// (a `for_each` rule), then facts from the root (parameters and the date excepted).
    func facts(of rule: Rule, element: Value?) -> [Fact] {
        let programs = Self.programs(of: rule)
        var out: [Fact] = []
        var seen = Set<[FactStep]>()
        if let variable = rule.iteration?.variable, element != nil {
            for program in programs {
                for path in program.localPaths where path.count >= 2 && path[0] == variable {
                    let steps = Self.keys(path.dropFirst())
                    if seen.insert([.key("\u{0}")] + steps).inserted { out.append(Fact(isLocal: true, steps: steps)) }
                }
            }
        }
        for program in programs {
            for path in program.referencedPaths where path.first != "params" && path.first != "as_of" {
                let steps = Self.keys(path)
                if seen.insert(steps).inserted { out.append(Fact(isLocal: false, steps: steps)) }
            }
        }
        return out
    }

    /// The strings a text fact may take: the rule's literals and its list parameters' strings.
    func textCandidates(of rule: Rule) -> [String] {
        var out: [String] = []
        let programs = Self.programs(of: rule)
        for program in programs {
            for literal in program.stringLiterals where !literal.isEmpty && !out.contains(literal) { out.append(literal) }
            for path in program.referencedPaths where path.count == 2 && path[0] == "params" {
                if case .list(let list)? = run.globals["params"]?.mapValue?[path[1]] {
                    for case .string(let s) in list.elements where !out.contains(s) { out.append(s) }
                }
            }
        }
        return out
    }

    /// Where a `for_each` rule's elements are in the snapshot: the list the rule iterates over
    /// (its first fact path), and each element's index there (the same element, or an equal one).
    func place(of rule: Rule, elements: [Value]) -> ElementPlace? {
        guard let iteration = rule.iteration else { return nil }
        let program = iteration.list.program
        // The list path itself, or the first list the expression reads (`(hosting == 'saas' ? [] :
        // environment.servers).filter(…)` reads the hosting first).
        let root = Value.map(run.globals)
        let candidates = program.memberPath.map { [$0] } ?? program.referencedPaths
        guard let (path, list) = candidates.lazy.compactMap({ path -> ([String], ValueList)? in
            guard case .list(let list)? = FactEdit.value(at: Self.keys(path[...]), in: root) else { return nil }
            return (path, list)
        }).first
        else { return nil }
        let names = ElementAddress.Names(list)
        if program.memberPath != nil {
            return ElementPlace(
                listPath: path, snapshotIndex: elements.indices.map { $0 < list.count ? $0 : nil }, list: list, names: names)
        }
        // A filtered list: its elements are the snapshot's own maps.
        var byIdentity: [ObjectIdentifier: Int] = [:]
        for (i, value) in list.elements.enumerated() {
            if case .map(let map) = value, byIdentity[ObjectIdentifier(map)] == nil { byIdentity[ObjectIdentifier(map)] = i }
        }
        return ElementPlace(
            listPath: path,
            snapshotIndex: elements.map { value in
                if case .map(let map) = value { return byIdentity[ObjectIdentifier(map)] }
                return nil
            },
            list: list, names: names)
    }

    /// `network.sites[Pit Creek Mine].wan_mbps`, or `deployment.rollback.rehearsed`.
    func factName(_ fact: Fact, element: Value?, place: Place?) -> String {
        let rest = fact.steps.map { step -> String in
            switch step {
            case .key(let k): k
            case .index(let i): "[\(i)]"
            }
        }.joined(separator: ".")
        guard fact.isLocal, let place else { return rest }
        return place.path.joined(separator: ".") + "[\(place.key)]" + (rest.isEmpty ? "" : "." + rest)
    }

    /// An element's place in the snapshot: its list, its index there, and how a path names it.
    struct Place {
        var path: [String]
        var index: Int
        var key: String
    }

    /// How a list element is addressed: by the finding's subject when that names exactly this
    /// element (see `ElementAddress`), else by its index. Names and ids are looked up in an
    /// index built once per rule; other fields are searched only in short lists.
    static func elementKey(subject: String?, in place: ElementPlace, index: Int) -> String {
        guard let subject, ElementAddress.isPlainKey(subject) else { return String(index) }
        if let named = place.names.index(of: subject) { return named == index ? subject : String(index) }
        guard place.list.count <= 1_000 else { return String(index) }
        return ElementAddress.index(of: subject, in: place.list) == index ? subject : String(index)
    }

    /// The conditions a rule judges with, the check (or outcomes) before the applicability.
    static func programs(of rule: Rule) -> [CELProgram] {
        ([rule.check] + rule.outcomes.map(\.condition) + [rule.when]).compactMap { $0?.program }
    }

    static func keys(_ path: some Collection<String>) -> [FactStep] { path.map { .key($0) } }

    /// Elements to copy when a list must grow: the last few distinct ones, then each of the
    /// last two with one flag flipped (a list counted through a filter such as `r.full` grows
    /// by elements that pass it); an empty mapping for an empty list.
    /// With `few` (a long list, where every probe costs a pass over it), two and one.
    static func templates(_ list: ValueList, few: Bool = false) -> [(value: Value, label: String?)] {
        var out: [(value: Value, label: String?)] = []
        for element in list.elements.reversed() where !out.contains(where: { $0.value == element }) {
            out.append((element, label(of: element)))
            if out.count == (few ? 2 : 4) { break }
        }
        for (element, name) in out.prefix(few ? 1 : 2) {
            guard case .map(let map) = element else { continue }
            for (i, key) in map.keys.enumerated() {
                guard case .bool(let flag) = map.values[i], case .string(let field) = key else { continue }
                var values = map.values
                values[i] = .bool(!flag)
                let variant = Value.map(ValueMap(keys: map.keys, values: values))
                out.append((variant, (name.map { $0 + ", " } ?? "") + "\(field): \(!flag)"))
                if out.count == 12 { return out }
            }
        }
        return out.isEmpty ? [(.map(ValueMap.empty), nil)] : out
    }

    /// An element as findings name it: its `name` or `id`.
    static func label(of value: Value) -> String? {
        guard case .map(let map) = value else { return nil }
        return (map["name"] ?? map["id"]).map { Messages.text(of: $0) }
    }
}

extension RuleRun {
    /// A rule's status alone (no message, location, waiver or due date), for re-evaluations.
    func probeStatus(_ rule: Rule, _ evaluator: CELEvaluator) -> ResultStatus {
        if let when = rule.when {
            guard case .value(.bool(let applies)) = evaluator.evaluate(when.program) else { return .error }
            if !applies { return .notApplicable }
        }
        if let check = rule.check {
            guard case .value(.bool(let ok)) = evaluator.evaluate(check.program) else { return .error }
            return ok ? .pass : .fail
        }
        for candidate in rule.outcomes {
            switch evaluator.evaluate(candidate.condition.program) {
            case .value(.bool(true)): return candidate.status
            case .value(.bool(false)): continue
            default: return .error
            }
        }
        return .pass
    }
}
