public import SourceDiagnostics
public import StrictYAML

/// A project snapshot: the loaded document and the parts of it the engine itself reads.
public struct Snapshot: Sendable {
    /// The loaded document; its top-level keys are the variables rules see.
    public var document: YAMLDocument
    /// SHA-256 of the file's bytes, hex.
    public var sha256: String
    /// The project's name (`project.name`), when given.
    public var projectName: String?
    /// The evaluation date from `project.as_of`, when given.
    public var asOf: Timestamp?
    /// The project's go-live (`project.go_live`), when given: the go-live of a plan without phases.
    public var projectGoLive: Timestamp? = nil
    /// The project's start (`project.start`), when given.
    public var projectStart: Timestamp? = nil
    /// The stage the snapshot states (`project.stage`), which wins over the one the dates give.
    public var stage: ProjectStage? = nil
    /// Parameter overrides from the snapshot's `params:`.
    public var parameterOverrides: [(name: String, value: Value, location: SourceLocation)]
    /// Waivers from the snapshot's `waivers:`.
    public var waivers: [Waiver]
    /// The client's calibration of rules for this project (`overrides:`), applied to the
    /// loaded rules when the snapshot is evaluated.
    public var ruleOverrides: [RuleOverride] = []
    /// The project's phases.
    public var phases: [Phase]
    /// The facts rules see: the document's root without the explicit unknowns (`null`,
    /// `unknown`, `TBD`; see `UnknownFacts`); nil when it is the root itself.
    public var facts: Value? = nil

    /// The facts rules see: `facts`, or the document's root.
    public var factRoot: Value { facts ?? document.root }

    /// The file the snapshot came from.
    public var file: String { document.file }
}

/// A phase of the project plan, as the snapshot gives it.
public struct Phase: Sendable, Hashable {
    public var name: String
    /// Start and end dates as written (`YYYY-MM-DD`), when given.
    public var start: String?
    public var end: String?
    /// The go-live date as written (`go_live`), when it differs from the start.
    public var goLive: String? = nil
    /// Scope by kind (`sites`, `modules`, …), in the order given.
    public var scope: [ScopeEntry]
    /// Names of the phases this one depends on.
    public var dependsOn: [String]
    /// Where the phase stands in the snapshot.
    public var location: SourceLocation

    /// One kind of scope and its items.
    public struct ScopeEntry: Sendable, Hashable {
        public var kind: String
        public var items: [String]

        /// Creates a scope entry: the items of one kind.
        public init(kind: String, items: [String]) {
            self.kind = kind
            self.items = items
        }
    }

    /// The day the phase goes live: its `go_live`, else its start.
    public var goLiveDate: String? { goLive ?? start }

    /// The items of a scope kind.
    public func items(of kind: String) -> [String] {
        scope.first { $0.kind == kind }?.items ?? []
    }
}

/// An accepted risk: a rule (optionally one subject) that may fail until a date.
public struct Waiver: Sendable, Hashable {
    public var ruleID: String
    public var subject: String?
    public var reason: String
    public var approvedBy: String
    /// The last day the waiver holds, `YYYY-MM-DD`.
    public var expires: String
    /// The expiry as a timestamp (end of that day, UTC).
    public var expiresAt: Timestamp
    public var location: SourceLocation
}
