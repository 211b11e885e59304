import Foundation

extension AssessmentSummary {
    /// The schema marker that every single-snapshot JSON report starts its `schema` with.
    public static let reportSchemaPrefix = "readiness.report/"

    /// Whether the bytes are a Readiness JSON report (`schema` is `readiness.report/N`), judged
    /// by content: a snapshot may be JSON too.
    public static func isReport(_ data: Data) -> Bool {
        guard data.first(where: { !Set<UInt8>([0x20, 0x0A, 0x0D, 0x09]).contains($0) }) == UInt8(ascii: "{"),
            let marker = try? SnakeCaseKeys.decoder().decode(Marker.self, from: data)
        else { return false }
        return marker.schema?.hasPrefix(reportSchemaPrefix) == true || marker.schema?.hasPrefix("readiness.portfolio/") == true
    }

    /// Reads a JSON report of one snapshot (any `readiness.report/N`).
    ///
    /// - Throws: `ReportReadingError` when the report is a portfolio or lacks a field.
    public init(report data: Data, file: String) throws(ReportReadingError) {
        let report: ReportJSON
        do {
            let decoder = SnakeCaseKeys.decoder()
            let marker = try decoder.decode(Marker.self, from: data)
            guard marker.schema?.hasPrefix(Self.reportSchemaPrefix) == true else {
                throw ReportReadingError(file: file, message: "'\(marker.schema ?? "")' is a portfolio report; give the report of one snapshot")
            }
            report = try decoder.decode(ReportJSON.self, from: data)
        } catch let error as ReportReadingError {
            throw error
        } catch {
            throw ReportReadingError(file: file, message: "not a readable Readiness report (\(Self.describe(error)))")
        }
        self.init(report)
    }

    private init(_ r: ReportJSON) {
        let phases = r.phases.planned.map { p in
            PlannedPhase(
                name: p.name, decision: p.decision ?? .go, status: p.status,
                scope: p.scope.keys.sorted().flatMap { kind in (p.scope[kind] ?? []).map { .init(kind: kind, item: $0) } },
                splitFrom: p.splitFrom)
        }
        let waivers =
            r.waivers.applied.map { $0.state("applied") } + r.waivers.expired.map { $0.state("expired") }
            + r.waivers.unused.map { $0.state("unused") }
        self.init(
            project: r.project, asOf: r.asOf, snapshot: r.snapshot, verdict: r.verdict, isStrict: r.strict ?? false,
            readiness: r.scores.overall.readiness, coverage: r.scores.overall.coverage, exposure: r.scores.exposure ?? 0,
            inputs: r.inputs ?? [], areas: r.scores.categories, phases: phases, findings: r.findings, waivers: waivers)
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "missing '\(SnakeCaseKeys.path(context.codingPath + [key]))'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "unexpected value at '\(SnakeCaseKeys.path(context.codingPath))'"
        case DecodingError.dataCorrupted(let context):
            return context.codingPath.isEmpty ? "invalid JSON" : "invalid value at '\(SnakeCaseKeys.path(context.codingPath))'"
        default:
            return "invalid JSON"
        }
    }

    private struct Marker: Decodable {
        var schema: String?
    }

    /// The parts of `readiness.report/N` a summary reads; later versions may add fields.
    private struct ReportJSON: Decodable {
        var inputs: [InputFile]?
        var snapshot: String
        var project: String?
        var asOf: String?
        var strict: Bool?
        var verdict: Verdict
        var scores: ScoresJSON
        var phases: PhasesJSON
        var findings: [Finding]
        var waivers: WaiversJSON
    }

    private struct ScoresJSON: Decodable {
        /// Read as the summary keeps an area (a report's area has more fields).
        var overall: Area
        var categories: [Area]
        var exposure: Int?
    }

    private struct PhasesJSON: Decodable {
        var planned: [PhaseJSON]
    }

    private struct PhaseJSON: Decodable {
        var name: String
        var decision: Verdict?
        var status: String?
        var scope: [String: [String]]
        var splitFrom: String?
    }

    private struct WaiversJSON: Decodable {
        var applied: [ReportWaiver]
        var expired: [ReportWaiver]
        var unused: [ReportWaiver]
    }
}

/// A JSON report that cannot be read as an assessment.
public struct ReportReadingError: Error, Sendable, Equatable {
    /// The report's path.
    public var file: String
    /// What is wrong, lowercase, without a final period.
    public var message: String
}
