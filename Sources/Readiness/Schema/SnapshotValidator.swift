public import SourceDiagnostics
public import StrictYAML

/// Checks a snapshot against the snapshot schema before it is evaluated, reporting every
/// problem at once with its position: wrong types, values outside an enum or a range, bad
/// dates, missing identifying keys, unknown keys (a warning, or an error when strict) and names
/// that refer to no site or module.
///
/// ```swift
/// let problems = SnapshotValidator(schema: schema).validate(snapshot.document)
/// ```
public struct SnapshotValidator: Sendable {
    /// The schema.
    public var schema: SnapshotSchema
    /// How an unknown key is reported: a warning by default, an error when strict.
    public var unknownKeySeverity: Diagnostic.Severity = .warning
    /// Top-level keys that are not in the schema but that a loaded rule reads (a custom
    /// ruleset's own facts): not reported as unknown.
    public var readTopLevelKeys: Set<String> = []
    /// The schema's root with its `$ref` chains folded, as the walk checks it.
    let root: SchemaNode

    /// Creates a validator.
    public init(schema: SnapshotSchema, unknownKeySeverity: Diagnostic.Severity = .warning, readTopLevelKeys: Set<String> = []) {
        self.schema = schema
        self.root = schema.root.folded()
        self.unknownKeySeverity = unknownKeySeverity
        self.readTopLevelKeys = readTopLevelKeys
    }

    /// The problems of a loaded snapshot document, sorted by position.
    public func validate(_ document: YAMLDocument) -> [Diagnostic] {
        var walk = SchemaWalk(file: document.file, unknownKeySeverity: unknownKeySeverity, readTopLevelKeys: readTopLevelKeys)
        walk.check(document.root, root, at: document.rootPosition)
        walk.checkReferences()
        let sorted = walk.diagnostics.sorted { ($0.span?.start.position ?? .unknown) < ($1.span?.start.position ?? .unknown) }
        // A generated file can be wrong the same way thousands of times: show the first ones.
        let errors = sorted.filter { $0.severity == .error }
        let warnings = sorted.filter { $0.severity != .error }
        var shown = Array(errors.prefix(Self.maxErrors)) + Array(warnings.prefix(Self.maxWarnings))
        let hidden = sorted.count - shown.count
        shown.sort { ($0.span?.start.position ?? .unknown) < ($1.span?.start.position ?? .unknown) }
        if hidden > 0 {
            shown.append(Diagnostic(
                severity: errors.count > Self.maxErrors ? .error : .warning, code: "snapshot.more-problems",
                message: "\(hidden) more problem\(hidden == 1 ? "" : "s") in \(document.file) not shown", span: nil))
        }
        return shown
    }

    /// The most errors and warnings listed for one snapshot.
    static let maxErrors = 200
    static let maxWarnings = 50
}

extension SnapshotValidator {
    /// The validator for a catalog: the standard schema (when a built-in ruleset is loaded)
    /// with the catalog's declared facts; top-level keys its rules read are not unknown;
    /// unknown keys are errors when strict.
    public init(for catalog: RuleCatalog, isStrict: Bool) {
        let usesStandard = catalog.rulesets.contains { $0.file.hasPrefix(BuiltinRulesets.path(of: "")) }
        self.init(
            schema: .forCatalog(catalog, includingStandard: usesStandard), unknownKeySeverity: isStrict ? .error : .warning,
            readTopLevelKeys: catalog.readTopLevelKeys)
    }
}
