public import SourceDiagnostics
public import StrictYAML
import Foundation

/// Runs ruleset test files: each names rulesets, a base snapshot, and cases that patch it and
/// state the expected status per rule (or per subject), so a consultant can extend a ruleset
/// safely. See docs/rulesets.md, "Testing rulesets".
public struct RulesetTestRunner: Sendable {
    /// One case's outcome.
    public struct CaseResult: Sendable {
        public var file: String
        public var name: String
        public var location: SourceLocation
        /// Expected against actual, for each expectation that did not hold.
        public var mismatches: [Mismatch]
        /// Input errors that stopped the case from running.
        public var problems: [Diagnostic]
        /// The statuses the case expected, rule by rule (for coverage of a ruleset's tests).
        public var expectations: [(rule: String, status: String)] = []
        public var passed: Bool { mismatches.isEmpty && problems.isEmpty }
    }

    /// An expectation that did not hold.
    public struct Mismatch: Sendable, CustomStringConvertible {
        public var rule: String
        public var subject: String?
        public var expected: String
        public var actual: String
        public var description: String {
            "\(rule)\(subject.map { "[\($0)]" } ?? ""): expected \(expected), got \(actual)"
        }
    }

    static let fileKeys = ["ruleset", "snapshot", "snapshot_file", "as_of", "params", "cases"]
    static let caseKeys = ["name", "snapshot", "snapshot_file", "patch", "params", "as_of", "expect", "strict", "lang", "verdict", "phases", "messages"]

    let rulesets: RulesetLoader
    let snapshots: SnapshotLoader
    let engine: Engine

    /// Creates a runner.
    public init(rulesets: RulesetLoader = RulesetLoader(), snapshots: SnapshotLoader = SnapshotLoader(), engine: Engine = Engine()) {
        self.rulesets = rulesets
        self.snapshots = snapshots
        self.engine = engine
    }

    /// Whether a file name is a ruleset test file's: `*.test.yaml` or `*.test.yml`.
    public static func isTestFileName(_ name: String) -> Bool {
        name.hasSuffix(".test.yaml") || name.hasSuffix(".test.yml")
    }

    /// The test files under the given paths: files as given, folders searched (recursively)
    /// for `*.test.yaml` and `*.test.yml`, so rulesets and snapshots beside them are not taken
    /// for tests.
    public static func testFiles(in paths: [String]) -> [String] {
        var out: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                let files = (FileManager.default.enumerator(atPath: path)?.allObjects as? [String] ?? [])
                    .filter(isTestFileName)
                    .sorted()
                out.append(contentsOf: files.map { (path as NSString).appendingPathComponent($0) })
            } else {
                out.append(path)
            }
        }
        return out
    }

    /// Runs every case of one test file.
    /// - Throws: `DiagnosticError` when the file itself cannot be read as a test file.
    public func run(file: String) throws(DiagnosticError) -> [CaseResult] {
        let document = try rulesets.yaml.load(contentsOf: file)
        var diagnostics = DiagnosticCollector()
        guard case .map(let root) = document.root else {
            throw DiagnosticError(RulesetDiagnostics.wrongType("test file", expected: "a mapping with 'ruleset' and 'cases'", found: document.root, at: document.location(document.rootPosition)))
        }
        let reader = MappingReader(root, file: file, context: "a ruleset test file")
        reader.checkKeys(Self.fileKeys, into: &diagnostics)
        let specs = reader.strings("ruleset", into: &diagnostics).map { spec -> String in
            if BuiltinRulesets.names.contains(spec) && !FileManager.default.fileExists(atPath: relative(spec, to: file)) { return spec }
            return relative(spec, to: file)
        }
        if specs.isEmpty { diagnostics.append(RulesetDiagnostics.missingKey("ruleset", in: "a ruleset test file", at: reader.location)) }
        let base = baseSnapshot(reader, file: file, into: &diagnostics)
        guard case .list(let cases)? = reader.value("cases") else {
            diagnostics.append(RulesetDiagnostics.missingKey("cases", in: "a ruleset test file", at: reader.location))
            try diagnostics.throwIfErrors()
            return []
        }
        try diagnostics.throwIfErrors()
        let catalog = try rulesets.load(specs).catalog
        let fileAsOf = reader.string("as_of", into: &diagnostics)
        let fileParams = root["params"]?.mapValue
        var results: [CaseResult] = []
        for (i, element) in cases.elements.enumerated() {
            let here = cases.position(at: i).map { SourceLocation(file: file, position: $0) } ?? reader.location
            var caseDiagnostics = DiagnosticCollector()
            guard case .map(let map) = element else {
                results.append(CaseResult(file: file, name: "case \(i + 1)", location: here, mismatches: [], problems: [
                    RulesetDiagnostics.wrongType("cases[\(i)]", expected: "a mapping", found: element, at: here),
                ]))
                continue
            }
            let c = MappingReader(map, file: file, context: "a test case")
            c.checkKeys(Self.caseKeys, into: &caseDiagnostics)
            let name = c.string("name", into: &caseDiagnostics) ?? "case \(i + 1)"
            var snapshotValue = baseSnapshot(c, file: file, into: &caseDiagnostics) ?? base ?? .map(.empty)
            if let patch = map["patch"] { snapshotValue = Self.merge(snapshotValue, patch) }
            var options = EvaluationOptions()
            options.isStrict = map["strict"] == .bool(true)
            if let language = c.string("lang", into: &caseDiagnostics) { options.language = language }
            if let text = c.string("as_of", into: &caseDiagnostics) ?? fileAsOf {
                options.asOf = CalendarDate.parse(text)
                if options.asOf == nil { caseDiagnostics.append(RulesetDiagnostics.invalidDate(text, field: "as_of", at: c.valueLocation("as_of"))) }
            }
            for params in [fileParams, map["params"]?.mapValue].compactMap({ $0 }) {
                for k in 0..<params.count {
                    if case .string(let n) = params.keys[k] { options.parameters.append((n, params.values[k])) }
                }
            }
            guard !caseDiagnostics.hasErrors else {
                results.append(CaseResult(file: file, name: name, location: here, mismatches: [], problems: caseDiagnostics.diagnostics))
                continue
            }
            do {
                let snapshot = try snapshots.snapshot(from: YAMLDocument(file: file, root: snapshotValue, rootPosition: here.position), sha256: "")
                let evaluation = try engine.evaluate(catalog, against: snapshot, options: options).evaluation
                let mismatches = Self.compare(map["expect"], with: evaluation, at: c.valueLocation("expect"), file: file, into: &caseDiagnostics)
                    + Self.comparePlan(c, with: evaluation, into: &caseDiagnostics)
                    + Self.compareMessages(c, with: evaluation, into: &caseDiagnostics)
                results.append(CaseResult(
                    file: file, name: name, location: here, mismatches: mismatches,
                    problems: caseDiagnostics.diagnostics.filter { $0.severity == .error },
                    expectations: Self.expectations(map["expect"])))
            } catch {
                results.append(CaseResult(file: file, name: name, location: here, mismatches: [], problems: error.diagnostics))
            }
        }
        return results
    }

    /// The folder a test file's `snapshot_file` may read from: the test's own folder, or the
    /// folder above it when the test sits in a `tests` folder of a ruleset pack (beside the
    /// pack's rulesets and snapshot templates).
    static func packFolder(of file: String) -> String {
        var folder = (file as NSString).deletingLastPathComponent
        if folder.isEmpty { folder = "." }
        if (folder as NSString).lastPathComponent == "tests" {
            let parent = (folder as NSString).deletingLastPathComponent
            return parent.isEmpty ? "." : parent
        }
        return folder
    }

    func relative(_ path: String, to file: String) -> String {
        if path.hasPrefix("/") { return path }
        return ((file as NSString).deletingLastPathComponent as NSString).appendingPathComponent(path)
    }

    func baseSnapshot(_ reader: MappingReader, file: String, into diagnostics: inout DiagnosticCollector) -> Value? {
        if let inline = reader.value("snapshot"), inline != .null { return inline }
        guard let path = reader.string("snapshot_file", into: &diagnostics) else { return nil }
        let folder = Self.packFolder(of: file)
        guard rulesets.confinement.allows(relative(path, to: file), inside: folder) else {
            diagnostics.append(RulesetDiagnostics.outsideFolder(
                key: "snapshot_file", path, folder: folder, at: reader.valueLocation("snapshot_file")))
            return nil
        }
        do {
            return try snapshots.yaml.load(contentsOf: relative(path, to: file)).root
        } catch {
            for var d in error.diagnostics {
                if d.span == nil { d.span = SourceSpan(reader.valueLocation("snapshot_file")) }
                diagnostics.append(d)
            }
            return nil
        }
    }

    /// Deep merge: maps merge key by key, any other value replaces, null deletes the key.
    public static func merge(_ base: Value, _ patch: Value) -> Value {
        guard case .map(let b) = base, case .map(let p) = patch else { return patch }
        var keys = b.keys
        var values = b.values
        var positions: [SourcePosition] = b.entryPositions.count == 2 * b.count ? b.entryPositions : Array(repeating: .unknown, count: 2 * b.count)
        for i in 0..<p.count {
            let key = p.keys[i]
            if let j = keys.firstIndex(of: key) {
                if p.values[i] == .null {
                    keys.remove(at: j)
                    values.remove(at: j)
                    positions.removeSubrange((2 * j)...(2 * j + 1))
                } else {
                    values[j] = merge(values[j], p.values[i])
                    positions[2 * j + 1] = p.valuePosition(at: i) ?? .unknown
                }
            } else if p.values[i] != .null {
                keys.append(key)
                values.append(p.values[i])
                positions.append(p.keyPosition(at: i) ?? .unknown)
                positions.append(p.valuePosition(at: i) ?? .unknown)
            }
        }
        return .map(ValueMap(keys: keys, values: values, entryPositions: positions, position: b.position))
    }

    /// Every (rule, status) pair an `expect` mapping states.
    static func expectations(_ expect: Value?) -> [(rule: String, status: String)] {
        guard case .map(let m)? = expect else { return [] }
        var out: [(String, String)] = []
        for i in 0..<m.count {
            guard case .string(let rule) = m.keys[i] else { continue }
            switch m.values[i] {
            case .string(let status): out.append((rule, status))
            case .map(let bySubject): out.append(contentsOf: bySubject.values.compactMap { $0.stringValue.map { (rule, $0) } })
            default: break
            }
        }
        return out
    }

    static func compare(
        _ expect: Value?, with evaluation: Evaluation, at location: SourceLocation, file: String,
        into diagnostics: inout DiagnosticCollector
    ) -> [Mismatch] {
        guard case .map(let expectations)? = expect else {
            diagnostics.append(RulesetDiagnostics.missingKey("expect", in: "a test case", at: location))
            return []
        }
        var mismatches: [Mismatch] = []
        let statuses = ResultStatus.allCases.map(\.rawValue)
        for i in 0..<expectations.count {
            let here = expectations.valuePosition(at: i).map { SourceLocation(file: file, position: $0) } ?? location
            guard case .string(let ruleID) = expectations.keys[i] else { continue }
            guard let ruleIndex = evaluation.rules.firstIndex(where: { $0.rule.id == ruleID }) else {
                diagnostics.append(.error("test.unknown-rule", "the case expects rule '\(ruleID)', which the loaded rulesets do not define", at: here))
                continue
            }
            switch expectations.values[i] {
            case .string(let expected):
                guard statuses.contains(expected) else {
                    diagnostics.append(RulesetDiagnostics.invalidEnum(expected, field: "status", allowed: statuses, at: here))
                    continue
                }
                let actual = evaluation.rules[ruleIndex].status.rawValue
                if actual != expected { mismatches.append(Mismatch(rule: ruleID, subject: nil, expected: expected, actual: actual)) }
            case .map(let bySubject):
                let results = evaluation.results.filter { $0.ruleIndex == ruleIndex }
                for k in 0..<bySubject.count {
                    let subject = bySubject.keys[k].stringValue ?? bySubject.keys[k].description
                    guard case .string(let expected) = bySubject.values[k], statuses.contains(expected) else {
                        diagnostics.append(RulesetDiagnostics.invalidEnum(bySubject.values[k].stringValue ?? "?", field: "status", allowed: statuses, at: here))
                        continue
                    }
                    let matching = results.filter { $0.subject == subject }
                    let actual = matching.map(\.status).max { $0.severityRank < $1.severityRank }?.rawValue ?? "absent"
                    if actual != expected { mismatches.append(Mismatch(rule: ruleID, subject: subject, expected: expected, actual: actual)) }
                }
            default:
                diagnostics.append(RulesetDiagnostics.wrongType(ruleID, expected: "a status or a mapping from subject to status", found: expectations.values[i], at: here))
            }
        }
        return mismatches
    }
}
