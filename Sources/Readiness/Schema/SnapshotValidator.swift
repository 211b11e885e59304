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

    /// Creates a validator.
    public init(schema: SnapshotSchema, unknownKeySeverity: Diagnostic.Severity = .warning, readTopLevelKeys: Set<String> = []) {
        self.schema = schema
        self.unknownKeySeverity = unknownKeySeverity
        self.readTopLevelKeys = readTopLevelKeys
    }

    /// The problems of a loaded snapshot document, sorted by position.
    public func validate(_ document: YAMLDocument) -> [Diagnostic] {
        var walk = SchemaWalk(file: document.file, unknownKeySeverity: unknownKeySeverity, readTopLevelKeys: readTopLevelKeys)
        walk.check(document.root, schema.root, at: document.rootPosition)
        walk.checkReferences()
        return walk.diagnostics.sorted { ($0.span?.start.position ?? .unknown) < ($1.span?.start.position ?? .unknown) }
    }
}

extension SnapshotValidator {
    /// The validator for a catalog: the standard schema with the catalog's declared facts;
    /// top-level keys its rules read are not unknown; unknown keys are errors when strict.
    public init(for catalog: RuleCatalog, isStrict: Bool) {
        self.init(
            schema: .forCatalog(catalog), unknownKeySeverity: isStrict ? .error : .warning,
            readTopLevelKeys: catalog.readTopLevelKeys)
    }
}
