public import SourceDiagnostics
public import StrictYAML

/// Loads a project snapshot and validates the parts the engine itself reads: `project.as_of`,
/// `params`, `waivers` and `phases` (with their `depends_on` graph).
public struct SnapshotLoader: Sendable {
    /// The YAML loader.
    public var yaml: YAMLLoader

    /// Creates a loader. Snapshots never hold non-finite numbers (`.inf`, `.nan`, `1e400`):
    /// whatever `yaml` allows, they are refused at their position.
    public init(yaml: YAMLLoader = YAMLLoader()) {
        self.yaml = yaml
        self.yaml.limits.allowsNonFiniteNumbers = false
    }

    /// Loads a snapshot file.
    public func load(contentsOf path: String) throws(DiagnosticError) -> Snapshot {
        try load(bytes: YAMLLoader.readFile(path, limit: yaml.limits.maxInputBytes), file: path)
    }

    /// Loads a snapshot from bytes. A large file is hashed beside the parse, not after it.
    public func load(bytes: [UInt8], file: String) throws(DiagnosticError) -> Snapshot {
        guard bytes.count >= 1 << 20 else {
            let document = try yaml.load(bytes: bytes, file: file)
            return try snapshot(from: document, sha256: SHA256.hexDigest(bytes))
        }
        let digest = Parallel.background { SHA256.hexDigest(bytes) }
        let document = try yaml.load(bytes: bytes, file: file)
        return try snapshot(from: document, sha256: digest.wait())
    }

    /// Validates a loaded document as a snapshot.
    public func snapshot(from document: YAMLDocument, sha256: String) throws(DiagnosticError) -> Snapshot {
        var diagnostics = DiagnosticCollector()
        let file = document.file
        // Explicit unknowns are taken out first: to the engine and the rules they are absent.
        let facts = UnknownFacts.markersRemoved(from: document.root)
        guard case .map(let root) = facts ?? document.root else {
            throw DiagnosticError(RulesetDiagnostics.wrongType(
                "snapshot", expected: "a mapping of facts (project, environment, network, …)", found: document.root,
                at: document.location(document.rootPosition)))
        }
        let top = MappingReader(root, file: file, context: "the snapshot")
        var projectName: String?
        var asOf: Timestamp?
        var projectStart: Timestamp?
        var projectGoLive: Timestamp?
        var stage: ProjectStage?
        if let project = root["project"], project != .null {
            if case .map(let p) = project {
                let reader = MappingReader(p, file: file, context: "project")
                projectName = p["name"]?.stringValue
                if let text = reader.string("as_of", into: &diagnostics) {
                    asOf = CalendarDate.parse(text)
                    if asOf == nil {
                        diagnostics.append(RulesetDiagnostics.invalidDate(text, field: "project.as_of", at: reader.valueLocation("as_of")))
                    }
                }
                if let text = reader.string("start", into: &diagnostics) {
                    projectStart = CalendarDate.parse(text)
                    if projectStart == nil {
                        diagnostics.append(RulesetDiagnostics.invalidDate(text, field: "project.start", at: reader.valueLocation("start")))
                    }
                }
                if case .string(let text)? = p["go_live"] { projectGoLive = CalendarDate.parse(text) }
                stage = reader.enumeration("stage", as: ProjectStage.self, required: false, into: &diagnostics)
            } else {
                diagnostics.append(RulesetDiagnostics.wrongType("project", expected: "a mapping", found: project, at: top.valueLocation("project")))
            }
        }
        var overrides: [(String, Value, SourceLocation)] = []
        if let params = root["params"], params != .null {
            if case .map(let m) = params {
                for i in 0..<m.count {
                    let here = m.valuePosition(at: i).map { SourceLocation(file: file, position: $0) } ?? top.location
                    if case .string(let name) = m.keys[i] {
                        overrides.append((name, m.values[i], here))
                    }
                }
            } else {
                diagnostics.append(RulesetDiagnostics.wrongType("params", expected: "a mapping from name to value", found: params, at: top.valueLocation("params")))
            }
        }
        var waivers: [Waiver] = []
        if let value = root["waivers"], value != .null {
            waivers = Self.waivers(value, at: top.valueLocation("waivers"), file: file, into: &diagnostics)
        }
        var phases: [Phase] = []
        if let value = root["phases"], value != .null {
            phases = Self.phases(value, at: top.valueLocation("phases"), file: file, into: &diagnostics)
        }
        var ruleOverrides: [RuleOverride] = []
        if let value = root["overrides"], value != .null {
            ruleOverrides = RuleOverride.list(value, at: top.valueLocation("overrides"), file: file, origin: "snapshot", into: &diagnostics)
        }
        try diagnostics.throwIfErrors()
        var snapshot = Snapshot(
            document: document, sha256: sha256, projectName: projectName, asOf: asOf, projectGoLive: projectGoLive,
            projectStart: projectStart, stage: stage, parameterOverrides: overrides, waivers: waivers, phases: phases,
            facts: facts)
        snapshot.ruleOverrides = ruleOverrides
        return snapshot
    }

    /// Validates a `waivers` list (from a snapshot or a `--waivers` file).
    public static func waivers(
        _ value: Value, at location: SourceLocation, file: String, into diagnostics: inout DiagnosticCollector
    ) -> [Waiver] {
        MappingReader.mappings(
            value, field: "waivers", expected: "a list of waivers", at: location, file: file, into: &diagnostics
        ) { _, m, here, diagnostics in
            waiver(MappingReader(m, file: file, context: "a waiver"), at: here, into: &diagnostics)
        }
    }

    /// One waiver, or nil when a required field is missing or wrong.
    private static func waiver(
        _ reader: MappingReader, at here: SourceLocation, into diagnostics: inout DiagnosticCollector
    ) -> Waiver? {
        reader.checkKeys(["rule", "subject", "reason", "approved_by", "expires"], into: &diagnostics)
        let rule = reader.string("rule", required: true, into: &diagnostics)
        let reason = reader.string("reason", required: true, into: &diagnostics)
        let approvedBy = reader.string("approved_by", required: true, into: &diagnostics)
        let expires = reader.string("expires", required: true, into: &diagnostics)
        var expiresAt: Timestamp?
        if let expires {
            if let day = CalendarDate.parse(expires) {
                // A date means the whole of that day.
                expiresAt = expires.count == 10 ? Timestamp(seconds: day.seconds + 86_399, nanos: 999_999_999) : day
            } else {
                diagnostics.append(RulesetDiagnostics.invalidDate(expires, field: "expires", at: reader.valueLocation("expires")))
            }
        }
        for (key, text) in [("reason", reason), ("approved_by", approvedBy)]
        where text?.allSatisfy({ $0.isWhitespace }) == true {
            diagnostics.append(RulesetDiagnostics.emptyWaiverField(key, at: reader.valueLocation(key)))
        }
        guard let rule, let reason, let approvedBy, let expires, let expiresAt else { return nil }
        return Waiver(
            ruleID: rule, subject: reader.string("subject", into: &diagnostics), reason: reason,
            approvedBy: approvedBy, expires: expires, expiresAt: expiresAt, location: here)
    }

    /// Validates a `phases` list: each phase's fields and dates, duplicate names, and the
    /// `depends_on` graph.
    static func phases(
        _ value: Value, at location: SourceLocation, file: String, into diagnostics: inout DiagnosticCollector
    ) -> [Phase] {
        var names: Set<String> = []
        let phases = MappingReader.mappings(
            value, field: "phases", expected: "a list of phases", at: location, file: file, into: &diagnostics
        ) { i, m, here, diagnostics -> Phase? in
            phase(m, index: i, at: here, file: file, named: &names, into: &diagnostics)
        }
        checkDependencies(of: phases, into: &diagnostics)
        return phases
    }

    /// One phase of the `phases` list, or nil without a name; a name already in `names` is
    /// reported as a duplicate.
    private static func phase(
        _ m: ValueMap, index i: Int, at here: SourceLocation, file: String, named names: inout Set<String>,
        into diagnostics: inout DiagnosticCollector
    ) -> Phase? {
        let reader = MappingReader(m, file: file, context: "a phase")
        guard let name = reader.string("name", required: true, into: &diagnostics) else { return nil }
        let start = reader.string("start", into: &diagnostics)
        let end = reader.string("end", into: &diagnostics)
        let goLive = reader.string("go_live", into: &diagnostics)
        for (key, text) in [("start", start), ("end", end), ("go_live", goLive)] {
            if let text, CalendarDate.parse(text) == nil {
                diagnostics.append(RulesetDiagnostics.invalidDate(text, field: "phases[\(i)].\(key)", at: reader.valueLocation(key)))
            }
        }
        if let start, let end, let from = CalendarDate.parse(start), let to = CalendarDate.parse(end), to < from {
            diagnostics.append(RulesetDiagnostics.phaseEndsBeforeStart(name, start: start, end: end, at: reader.valueLocation("end")))
        }
        var scope: [Phase.ScopeEntry] = []
        if let sub = reader.submapping(
            "scope", expected: "a mapping from kind to a list of items", context: "a phase's scope", into: &diagnostics)
        {
            for kind in sub.textKeys {
                scope.append(Phase.ScopeEntry(kind: kind, items: sub.strings(kind, into: &diagnostics)))
            }
        }
        if !names.insert(name).inserted {
            diagnostics.append(RulesetDiagnostics.duplicatePhase(name, at: here))
        }
        return Phase(
            name: name, start: start, end: end, goLive: goLive, scope: scope,
            dependsOn: reader.strings("depends_on", into: &diagnostics), location: here)
    }

    /// Reports a `depends_on` that names no phase, and a cycle of them.
    private static func checkDependencies(of phases: [Phase], into diagnostics: inout DiagnosticCollector) {
        let names = phases.map(\.name)
        for phase in phases {
            for dependency in phase.dependsOn where !names.contains(dependency) {
                diagnostics.append(RulesetDiagnostics.unknownDependency(dependency, phases: names, at: phase.location))
            }
        }
        if let cycle = dependencyCycle(phases) {
            let at = phases.first { $0.name == cycle.first }?.location
            diagnostics.append(RulesetDiagnostics.dependencyCycle(cycle, at: at))
        }
    }

    /// A cycle in the `depends_on` graph, as the names along it, or nil.
    static func dependencyCycle(_ phases: [Phase]) -> [String]? {
        var state: [String: Int] = [:]  // 1 visiting, 2 done
        let byName = Dictionary(phases.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var stack: [String] = []
        func visit(_ name: String) -> [String]? {
            if state[name] == 2 { return nil }
            if state[name] == 1 {
                guard let start = stack.firstIndex(of: name) else { return [name] }
                return Array(stack[start...]) + [name]
            }
            state[name] = 1
            stack.append(name)
            for dependency in byName[name]?.dependsOn ?? [] where byName[dependency] != nil {
                if let cycle = visit(dependency) { return cycle }
            }
            stack.removeLast()
            state[name] = 2
            return nil
        }
        for phase in phases {
            if let cycle = visit(phase.name) { return cycle }
        }
        return nil
    }
}
