public import Readiness

/// The output formats of `readiness check`.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, sarif, junit, github, markdown, html

    /// The reporter for this format.
    public func makeReporter() -> any Reporter {
        switch self {
        case .text: TextReporter()
        case .json: JSONReporter()
        case .sarif: SARIFReporter()
        case .junit: JUnitReporter()
        case .github: GitHubReporter()
        case .markdown: MarkdownReporter()
        case .html: HTMLReporter()
        }
    }
}

/// What every reporter is told besides the evaluations: version, language, paths, colour.
///
/// Reports never read the clock: the same inputs give byte-identical output.
public struct ReportContext: Sendable {
    /// The tool's version.
    public var toolVersion: String
    /// The report language (`en` or `zh`).
    public var language: String
    /// The directory that paths in the report are made relative to (SARIF's `%SRCROOT%`).
    public var basePath: String
    /// Whether to colour terminal output.
    public var usesColor: Bool

    /// Creates a context.
    public init(
        toolVersion: String = ReadinessVersion.current, language: String = "en",
        basePath: String = ".", usesColor: Bool = false
    ) {
        self.toolVersion = toolVersion
        self.language = language
        self.basePath = basePath
        self.usesColor = usesColor
    }
}

/// Renders evaluations in one format.
///
/// `evaluations` holds one entry per snapshot, in argument order; when there are several, the
/// report covers the portfolio (see `Portfolio`).
public protocol Reporter: Sendable {
    /// The whole report as text.
    func render(_ evaluations: [Evaluation], context: ReportContext) -> String

    /// The whole report as pieces to write in order (by default, the text as one piece).
    func renderPieces(_ evaluations: [Evaluation], context: ReportContext) -> RenderedReport
}

extension Reporter {
    public func renderPieces(_ evaluations: [Evaluation], context: ReportContext) -> RenderedReport {
        RenderedReport(render(evaluations, context: context))
    }
}

/// A rendered report as UTF-8 buffers to be written one after another, so a large report
/// reaches its file without first being joined into one buffer.
public struct RenderedReport: Sendable {
    /// One buffer: an array, or the memory a JSON writer filled, handed over without a copy.
    enum Piece: Sendable {
        case array([UInt8])
        case buffer(ReportBuffer)
    }

    let storage: [Piece]

    /// A report held as pieces.
    public init(pieces: [[UInt8]]) {
        storage = pieces.map(Piece.array)
    }

    init(storage: [Piece]) {
        self.storage = storage
    }

    /// A report held as one text.
    public init(_ text: String) {
        storage = [.array(Array(text.utf8))]
    }

    /// The buffers, in order (copies of the ones a writer handed over).
    public var pieces: [[UInt8]] {
        storage.map { piece in
            switch piece {
            case .array(let bytes): bytes
            case .buffer(let buffer): Array(buffer.bytes)
            }
        }
    }

    /// Calls `body` with each buffer in order (valid for that call), until it returns false;
    /// whether every call returned true.
    @discardableResult
    public func forEachBuffer(_ body: (UnsafeRawBufferPointer) -> Bool) -> Bool {
        for piece in storage {
            let ok = switch piece {
            case .array(let bytes): bytes.withUnsafeBytes(body)
            case .buffer(let buffer): body(UnsafeRawBufferPointer(buffer.bytes))
            }
            guard ok else { return false }
        }
        return true
    }

    /// How many buffers the report is held in.
    public var pieceCount: Int { storage.count }

    /// The whole report as one text.
    public var text: String {
        var total = 0
        forEachBuffer { buffer in
            total += buffer.count
            return true
        }
        var joined: [UInt8] = []
        joined.reserveCapacity(total)
        forEachBuffer { buffer in
            joined += buffer
            return true
        }
        return String(decoding: joined, as: UTF8.self)
    }
}

/// Bytes a writer filled, owned from then on by the report (freed with it).
final class ReportBuffer: @unchecked Sendable {
    // Never written after the writer hands it over, so it can be shared between threads.
    private let base: UnsafeMutablePointer<UInt8>
    private let count: Int

    /// Takes ownership of memory from `UnsafeMutablePointer.allocate`.
    init(taking base: UnsafeMutablePointer<UInt8>, count: Int) {
        self.base = base
        self.count = count
    }

    deinit {
        base.deallocate()
    }

    var bytes: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base, count: count)
    }
}
