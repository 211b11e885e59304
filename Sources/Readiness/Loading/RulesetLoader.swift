public import CEL
public import SourceDiagnostics
public import StrictYAML
import Dispatch
import Foundation

/// Loads ruleset files (and built-ins by name), resolves `extends`, validates every field and
/// compiles every expression, reporting all problems at once with file:line:column.
public struct RulesetLoader: Sendable {
    /// The CEL environment expressions are compiled in.
    public var cel: CELEnvironment
    /// The YAML loader's limits.
    public var yaml: YAMLLoader
    /// Where `extends` may read files from (by default, the extending ruleset's folder tree).
    public var confinement = PathConfinement()

    static let rulesetKeys = [
        "ruleset", "title", "version", "description", "params", "overrides_params", "extends", "facts", "terms",
        "overrides", "rules", "evidence_deadline_days",
    ]
    static let ruleKeys = [
        "id", "title", "category", "severity", "likelihood", "impact", "for_each", "when", "check",
        "outcomes", "message", "rationale", "recommendation", "evidence", "references", "tags", "action",
        "affects", "subject", "due", "lead_time_days", "evidence_deadline_days",
    ]

    /// Creates a loader. Rulesets never hold non-finite numbers (a NaN threshold makes every
    /// comparison false): whatever `yaml` allows, they are refused at their position.
    public init(cel: CELEnvironment = CELEnvironment(), yaml: YAMLLoader = YAMLLoader()) {
        self.cel = cel
        self.yaml = yaml
        self.yaml.limits.allowsNonFiniteNumbers = false
    }

    /// Loads rulesets named by path or built-in name; an empty list loads every built-in ruleset.
    /// - Returns: the catalog and any warnings.
    public func load(_ specs: [String]) throws(DiagnosticError) -> (catalog: RuleCatalog, warnings: [Diagnostic]) {
        var session = Session(loader: self)
        // `all` (unless a file of that name is meant) stands for every built-in ruleset.
        let requested = specs.isEmpty ? BuiltinRulesets.names : specs.flatMap { spec in
            spec == BuiltinRulesets.allName && !RulesetLoader.isPath(spec) ? BuiltinRulesets.names : [spec]
        }
        session.precompile(requested)
        for spec in requested {
            session.load(spec: spec, relativeTo: nil, from: nil, chain: [])
        }
        session.checkDuplicateIDs()
        try session.diagnostics.throwIfErrors()
        let catalog = session.finishedCatalog()
        try session.diagnostics.throwIfErrors()
        // Expressions are type-checked once the whole catalog (its params and facts) is known.
        session.diagnostics.append(contentsOf: RuleTypeCheck.diagnostics(for: catalog, cel: cel))
        try session.diagnostics.throwIfErrors()
        return (catalog, session.diagnostics.diagnostics)
    }

    /// Loads one ruleset from text, for tests and tools (no `extends` to other files).
    public func load(text: String, file: String) throws(DiagnosticError) -> RuleCatalog {
        var session = Session(loader: self)
        session.load(bytes: Array(text.utf8), path: file, chain: [])
        session.checkDuplicateIDs()
        try session.diagnostics.throwIfErrors()
        let catalog = session.finishedCatalog()
        try session.diagnostics.throwIfErrors()
        return catalog
    }

    /// Whether a path ends like a ruleset file.
    static func hasRulesetExtension(_ path: String) -> Bool {
        path.hasSuffix(".yaml") || path.hasSuffix(".yml") || path.hasSuffix(".json")
    }

    /// Whether a spec names a file rather than a built-in ruleset.
    static func isPath(_ spec: String) -> Bool {
        spec.contains("/") || spec.hasSuffix(".yaml") || spec.hasSuffix(".yml") || spec.hasSuffix(".json")
            || FileManager.default.fileExists(atPath: spec)
    }

    /// One load: the rulesets loaded so far and the diagnostics gathered.
    struct Session {
        let loader: RulesetLoader
        var rulesets: [Ruleset] = []
        var loaded: Set<String> = []
        var diagnostics = DiagnosticCollector()
        var ruleIDs: [(id: String, location: SourceLocation)] = []
        var cache: [String: Compiled] = [:]

        init(loader: RulesetLoader) {
            self.loader = loader
        }

        mutating func load(spec: String, relativeTo base: String?, from location: SourceLocation?, chain: [String]) {
            var path = spec
            if let base, !spec.hasPrefix("/"), !base.hasPrefix("builtin:") {
                path = ((base as NSString).deletingLastPathComponent as NSString).appendingPathComponent(spec)
                if path.hasPrefix("./") { path.removeFirst(2) }
            }
            let isFile = base == nil
                ? RulesetLoader.isPath(spec)
                : spec.contains("/") || RulesetLoader.hasRulesetExtension(spec) || FileManager.default.fileExists(atPath: path)
            if isFile {
                // `extends` may only name ruleset files: a ruleset anyone can edit must not make
                // the tool read, and quote, an arbitrary file.
                if let location, !RulesetLoader.hasRulesetExtension(path) {
                    diagnostics.append(.error(
                        "ruleset.extends-not-ruleset",
                        "'extends' names '\(spec)', which is neither a built-in ruleset nor a .yaml, .yml or .json file",
                        at: location))
                    return
                }
                // Keyed by the resolved path, so a link back to a file already in the chain is a cycle.
                let key = PathConfinement.resolve(path) ?? (path as NSString).standardizingPath
                if let location, !isConfined(path, chain: chain, spec: spec, at: location) { return }
                if chain.contains(key) {
                    diagnostics.append(RulesetDiagnostics.extendsCycle(chain + [key], at: location ?? SourceLocation(file: path, line: 1, column: 1)))
                    return
                }
                guard !loaded.contains(key) else { return }
                let bytes: [UInt8]
                do {
                    bytes = try YAMLLoader.readFile(path, limit: loader.yaml.limits.maxInputBytes)
                } catch {
                    var d = error.diagnostics
                    if let location, d.count == 1, d[0].span == nil {
                        d[0].span = SourceSpan(location)
                    }
                    diagnostics.append(contentsOf: d)
                    return
                }
                loaded.insert(key)
                load(bytes: bytes, path: path, chain: chain + [key])
            } else if spec == BuiltinRulesets.allName {
                for name in BuiltinRulesets.names { load(spec: name, relativeTo: base, from: location, chain: chain) }
            } else {
                guard let bytes = BuiltinRulesets.bytes(named: spec) else {
                    diagnostics.append(RulesetDiagnostics.unknownBuiltin(spec, available: BuiltinRulesets.names, at: location))
                    return
                }
                let key = BuiltinRulesets.path(of: spec)
                if chain.contains(key) {
                    diagnostics.append(RulesetDiagnostics.extendsCycle(chain + [key], at: location ?? SourceLocation(file: key, line: 1, column: 1)))
                    return
                }
                guard !loaded.contains(key) else { return }
                loaded.insert(key)
                load(bytes: bytes, path: key, chain: chain + [key])
            }
        }

        mutating func load(bytes: [UInt8], path: String, chain: [String]) {
            let key = path.hasPrefix("builtin:") ? path : (path as NSString).standardizingPath
            let compiled = cache[key] ?? Self.compile(bytes: bytes, path: path, loader: loader)
            // Load what this ruleset extends first, so its rules come before this one's.
            for (parent, location) in compiled.extends {
                load(spec: parent, relativeTo: path, from: location, chain: chain)
            }
            diagnostics.append(contentsOf: compiled.diagnostics)
            ruleIDs.append(contentsOf: compiled.ruleIDs)
            if var ruleset = compiled.ruleset {
                claimParameters(of: &ruleset, overriding: compiled.overriddenParameters)
                rulesets.append(ruleset)
            }
        }

        /// One file, validated and compiled, before its `extends` are followed.
        struct Compiled: Sendable {
            var ruleset: Ruleset?
            var extends: [(spec: String, location: SourceLocation)]
            var diagnostics: [Diagnostic]
            var ruleIDs: [(id: String, location: SourceLocation)]
            /// The `overrides_params` entries: other rulesets' parameters this one may redeclare.
            var overriddenParameters: [(name: String, location: SourceLocation)] = []
        }

        /// Compiles the requested files in parallel (they are independent until `extends` is
        /// followed, which happens in order afterwards).
        mutating func precompile(_ specs: [String]) {
            var work: [(key: String, bytes: [UInt8], path: String)] = []
            for spec in specs where !RulesetLoader.isPath(spec) {
                guard let bytes = BuiltinRulesets.bytes(named: spec) else { continue }
                work.append((BuiltinRulesets.path(of: spec), bytes, BuiltinRulesets.path(of: spec)))
            }
            guard work.count > 1 else { return }
            let loader = self.loader
            let jobs = work
            let compiled = Parallel.map(jobs.count) { i in Self.compile(bytes: jobs[i].bytes, path: jobs[i].path, loader: loader) }
            for (job, result) in zip(work, compiled) { cache[job.key] = result }
        }

        static func compile(bytes: [UInt8], path: String, loader: RulesetLoader) -> Compiled {
            var diagnostics = DiagnosticCollector()
            var out = Compiled(ruleset: nil, extends: [], diagnostics: [], ruleIDs: [])
            let root: ValueMap
            switch loadRoot(bytes: bytes, path: path, loader: loader) {
            case .success(let map): root = map
            case .failure(let error):
                out.diagnostics = error.diagnostics
                return out
            }
            let source = SourceText(bytes: bytes)
            let header = MappingReader(root, file: path, context: "the ruleset header")
            header.checkKeys(RulesetLoader.rulesetKeys, into: &diagnostics)
            let id = header.string("ruleset", required: true, into: &diagnostics) ?? ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            let extends = header.strings("extends", into: &diagnostics)
            for (i, parent) in extends.enumerated() {
                var location = header.valueLocation("extends")
                if case .list(let list)? = header.value("extends"), let p = list.position(at: i) {
                    location = SourceLocation(file: path, position: p)
                }
                out.extends.append((parent, location))
            }
            var compiler = RuleCompiler(
                cel: loader.cel, file: path, source: source, rulesetID: id, diagnostics: diagnostics)
            let parameters = compiler.parameters(header)
            compiler.rulesetDeadline = header.integer("evidence_deadline_days", in: 0...3650, into: &compiler.diagnostics)
            out.overriddenParameters = header.strings("overrides_params", into: &diagnostics).map {
                ($0, header.valueLocation("overrides_params"))
            }
            let rules = Self.rules(header, compiler: &compiler)
            diagnostics = compiler.diagnostics
            var facts: [FactDeclaration] = []
            if let value = header.value("facts"), value != .null {
                facts = FactDeclaration.declarations(value, at: header.valueLocation("facts"), file: path, into: &diagnostics)
            }
            var overrides: [RuleOverride] = []
            if let value = header.value("overrides"), value != .null {
                overrides = RuleOverride.list(value, at: header.valueLocation("overrides"), file: path, origin: "ruleset", into: &diagnostics)
            }
            let terms = Self.terms(header, file: path, into: &diagnostics)
            out.ruleIDs = compiler.ruleIDs
            out.ruleset = Ruleset(
                id: id,
                title: header.text("title", into: &diagnostics),
                version: header.string("version", into: &diagnostics),
                description: header.text("description", into: &diagnostics),
                extends: extends,
                parameters: parameters,
                rules: rules,
                facts: facts,
                terms: terms,
                overrides: overrides,
                file: path,
                sha256: SHA256.hexDigest(bytes))
            out.diagnostics = diagnostics.diagnostics
            return out
        }

        /// The top-level mapping of a ruleset file, or why the file is not a ruleset.
        static func loadRoot(bytes: [UInt8], path: String, loader: RulesetLoader) -> Result<ValueMap, DiagnosticError> {
            let document: YAMLDocument
            // The built-in rulesets are part of the tool, not input: the input size limit
            // (--max-input-bytes) does not apply to them.
            var yaml = loader.yaml
            if path.hasPrefix("builtin:") { yaml.limits.maxInputBytes = max(yaml.limits.maxInputBytes, bytes.count) }
            do {
                document = try yaml.load(bytes: bytes, file: path)
            } catch {
                return .failure(error)
            }
            guard case .map(let root) = document.root else {
                // Say what kind of value the top is without quoting it: the file may not be ours.
                return .failure(DiagnosticError([.error(
                    "ruleset.wrong-type",
                    "'\(path)' is not a ruleset: its top level must be a mapping with 'ruleset' and 'rules'",
                    at: SourceLocation(file: path, line: 1, column: 1)).withoutSourceQuote]))
            }
            if root["ruleset"] == nil && root["rules"] == nil {
                // Not a ruleset at all (a credentials file, say): its keys and lines are not quoted.
                return .failure(DiagnosticError([RulesetDiagnostics.notARuleset(path)]))
            }
            return .success(root)
        }

        /// The `rules` list, each rule validated and compiled.
        static func rules(_ header: MappingReader, compiler: inout RuleCompiler) -> [Rule] {
            guard let value = header.value("rules") else {
                compiler.diagnostics.append(RulesetDiagnostics.missingKey("rules", in: "the ruleset header", at: header.location))
                return []
            }
            guard case .list(let list) = value else {
                if value != .null {
                    compiler.diagnostics.append(RulesetDiagnostics.wrongType("rules", expected: "a list of rules", found: value, at: header.valueLocation("rules")))
                }
                return []
            }
            var rules: [Rule] = []
            for (i, element) in list.elements.enumerated() {
                let here = list.position(at: i).map { SourceLocation(file: header.file, position: $0) } ?? header.location
                guard case .map(let map) = element else {
                    compiler.diagnostics.append(RulesetDiagnostics.wrongType("rules[\(i)]", expected: "a mapping", found: element, at: here))
                    continue
                }
                if let rule = compiler.rule(map) { rules.append(rule) }
            }
            return rules
        }

        mutating func checkDuplicateIDs() {
            var seen: [String: SourceLocation] = [:]
            for (id, location) in ruleIDs {
                if let first = seen[id] {
                    diagnostics.append(RulesetDiagnostics.duplicateID(id, at: location, first: first))
                } else {
                    seen[id] = location
                }
            }
        }
    }
}
