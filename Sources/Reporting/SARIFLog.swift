import Readiness

/// The subset of the SARIF 2.1.0 object model that `SARIFReporter` writes, encoded with sorted
/// keys so the same evaluation always gives the same bytes.
struct SARIFLog: Encodable, Sendable {
    static let schemaURI =
        "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

    var schema = SARIFLog.schemaURI
    var version = "2.1.0"
    var runs: [Run]

    enum CodingKeys: String, CodingKey {
        case schema = "$schema"
        case version, runs
    }

    struct Run: Encodable, Sendable {
        var tool: Tool
        var originalUriBaseIds: [String: ArtifactLocation]
        var artifacts: [Artifact]
        /// One per finding, by the ten thousand: encoded on all cores.
        @ParallelJSONArray var results: [Result]
        var columnKind = "unicodeCodePoints"
        var language: String
        var properties: RunProperties
        /// Set when a portfolio's results are split over several runs: each run's category.
        var automationDetails: AutomationDetails?
        /// Set when there is something to say about the run itself (expired or unused waivers).
        var invocations: [Invocation]?
    }

    struct AutomationDetails: Encodable, Sendable {
        var id: String
    }

    struct Invocation: Encodable, Sendable {
        var executionSuccessful: Bool
        var toolExecutionNotifications: [Notification]
    }

    /// A notification about the run: an expired or unused waiver, at its line.
    struct Notification: Encodable, Sendable {
        var level: String
        var message: Message
        var locations: [Location]
        var descriptor: DescriptorReference
        var associatedRule: DescriptorReference?
    }

    struct DescriptorReference: Encodable, Sendable {
        var id: String
    }

    struct Tool: Encodable, Sendable {
        var driver: ToolComponent
    }

    struct ToolComponent: Encodable, Sendable {
        var name: String
        var version: String
        var semanticVersion: String?
        var rules: [ReportingDescriptor]
    }

    struct ReportingDescriptor: Encodable, Sendable {
        var id: String
        var name: String
        var shortDescription, fullDescription, help: Message
        var helpUri: String?
        var defaultConfiguration: Configuration
        var properties: RuleProperties
    }

    struct Configuration: Encodable, Sendable {
        var level: String
    }

    struct RuleProperties: Encodable, Sendable {
        var category: String
        var tags: [String]
        var action: String
        var severity: String
        var likelihood: Int
        var impact: Int
        /// Likelihood × impact, 1–25.
        var exposure: Int
        var ruleset: String
        var problemSeverity: String

        enum CodingKeys: String, CodingKey {
            case category, tags, action, severity, likelihood, impact, exposure, ruleset
            case problemSeverity = "problem.severity"
        }
    }

    struct Message: Encodable, Sendable {
        var text: String
        var markdown: String?

        /// A message whose plain text is escaped for SARIF (`[`, `]`, bidi controls).
        init(text: String, markdown: String? = nil) {
            self.text = text.sarifTextEscaped
            self.markdown = markdown
        }
    }

    struct ArtifactLocation: Encodable, Sendable {
        var uri: String?
        var uriBaseId: String?
        var index: Int?
        var description: Message?
    }

    struct Artifact: Encodable, Sendable {
        var location: ArtifactLocation
        var hashes: [String: String]
        var roles: [String]
        var mimeType: String
    }

    struct Result: Encodable, Sendable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Message
        var locations: [Location]
        var partialFingerprints: [String: String]
        var suppressions: [Suppression]?
        var properties: ResultProperties
    }

    struct Location: Encodable, Sendable {
        var physicalLocation: PhysicalLocation
        var logicalLocations: [LogicalLocation]?
    }

    struct PhysicalLocation: Encodable, Sendable {
        var artifactLocation: ArtifactLocation
        var region: Region
    }

    struct Region: Encodable, Sendable {
        var startLine: Int
        var startColumn: Int?
    }

    struct LogicalLocation: Encodable, Sendable {
        var name: String
        var kind: String
    }

    /// A waived finding's suppression: external (the waiver is not written at the finding) and
    /// accepted.
    struct Suppression: Encodable, Sendable {
        var kind = "external"
        var status = "accepted"
        var justification: String
        var properties: SuppressionProperties
    }

    struct SuppressionProperties: Encodable, Sendable {
        var approvedBy, expires: String
    }

    struct ResultProperties: Encodable, Sendable {
        var status: String
        var subject: String?
        var category: String
        var action: String
        var severity: String
        var missingFact: String?
        var recommendation: String?
        /// The single-fact changes that would clear the finding, as the text report words them.
        var whatItTakes: String?
    }

    struct RunProperties: Encodable, Sendable {
        var readiness: [SnapshotSummary]
    }

    /// One snapshot's verdict and scores, so a SARIF consumer can gate on them.
    struct SnapshotSummary: Encodable, Sendable {
        var snapshot: String
        var project: String
        var asOf: String
        var stage: String
        var verdict: String
        var status: String
        var readiness, coverage: Double
        var exposure: Int
        var strict: Bool
        /// Each area's status, by area name.
        var areas: [String: String]
        /// Each planned phase's decision and status.
        var phases: [PhaseSummary]
        /// The client's calibration of rules in force (`overrides:`), when there is any.
        var overrides: [OverrideSummary]?
    }

    /// One rule override: the rule, where it comes from, why, and what it changed.
    struct OverrideSummary: Encodable, Sendable {
        var rule: String
        var origin: String
        var reason: String
        var changes: [RuleOverride.Change]
    }

    /// One planned phase's decision and status.
    struct PhaseSummary: Encodable, Sendable {
        var name: String
        var decision: String
        var status: String
    }
}
