public import SourceDiagnostics
import Foundation

/// Loads YAML and JSON files strictly into the project's value tree.
///
/// The loader follows the YAML 1.2 core schema (`yes`, `no`, `on` and `off` stay strings),
/// keeps the source position of every value, rejects duplicate keys, and bounds alias
/// expansion and nesting depth, so that hostile input ends in a diagnostic instead of a crash.
public struct YAMLLoader: Sendable {
    /// Bounds that protect the loader against hostile input; set one by name
    /// (`limits.maxDepth = 64`), the rest keep their defaults.
    public struct Limits: Sendable, Hashable {
        /// The largest file accepted, in bytes: 256 MiB.
        public var maxInputBytes = 256 << 20
        /// The deepest nesting of lists and maps accepted: 256 levels.
        public var maxDepth = 256
        /// The most nodes that aliases may add by expansion, in all: a million.
        public var maxAliasNodes = 1_000_000
        /// The most bytes of scalar text that aliases may add by expansion, in all (16 MiB): an
        /// alias repeating a megabyte-long name a hundred times stays within the node limit but
        /// not this one.
        public var maxAliasBytes = 16 << 20
        /// Whether `.inf`, `.nan` and numbers too large for a double (`1e400`) are accepted (by
        /// default they are); snapshots and rulesets refuse them (a NaN threshold makes every
        /// comparison false).
        public var allowsNonFiniteNumbers = true

        /// The default limits.
        public init() {}

        /// The default limits.
        public static let `default` = Limits()
    }

    /// The limits in force.
    public var limits: Limits

    /// Creates a loader with the given limits.
    public init(limits: Limits = .default) {
        self.limits = limits
    }

    /// Files at least this large are parsed in parts on several cores (see `SplitParse`).
    static let splitThreshold = 2 << 20

    /// Loads the single document in a file.
    /// - Parameter path: the file's path; it is also the name diagnostics show.
    public func load(contentsOf path: String) throws(DiagnosticError) -> YAMLDocument {
        try load(bytes: Self.readFile(path, limit: limits.maxInputBytes), file: path)
    }

    /// Loads the single document in a string.
    public func load(_ text: String, file: String = "<input>") throws(DiagnosticError) -> YAMLDocument {
        try load(bytes: Array(text.utf8), file: file)
    }

    /// Loads the single document in a buffer of UTF-8 (or BOM-marked UTF-16) bytes.
    public func load(bytes: [UInt8], file: String) throws(DiagnosticError) -> YAMLDocument {
        if bytes.count > limits.maxInputBytes {
            throw DiagnosticError(
                YAMLDiagnostics.inputTooLarge(bytes.count, limit: limits.maxInputBytes, file: file))
        }
        if bytes.count >= Self.splitThreshold, let document = SplitParse.load(bytes, file: file, limits: limits) {
            return document
        }
        do {
            return try parse(bytes, file: file)
        } catch {
            // JSON's surrogate-pair escapes: rewritten and parsed again (see `SurrogateEscapes`).
            guard error.diagnostics.contains(where: { $0.message.contains(SurrogateEscapes.libyamlMessage) }),
                let rewritten = SurrogateEscapes.rewritten(bytes)
            else { throw error }
            return try parse(rewritten, file: file)
        }
    }

    private func parse(_ bytes: [UInt8], file: String) throws(DiagnosticError) -> YAMLDocument {
        var parser = YAMLParser(file: file, limits: limits)
        return try bytes.withUnsafeBufferPointer { buffer throws(DiagnosticError) in
            try parser.parse(buffer)
        }
    }

    /// Reads a file's bytes, refusing anything but a regular file (directories, FIFOs, devices)
    /// and files over `limit` bytes. The file is opened without blocking, so a FIFO with no
    /// writer cannot hang the tool, and its type is checked on the open descriptor.
    public static func readFile(_ path: String, limit: Int) throws(DiagnosticError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let reason: String
            switch errno {
            case ENOENT: reason = "no such file"
            case EACCES: reason = "permission denied"
            case ELOOP: reason = "too many levels of symbolic links"
            case EISDIR: reason = "it is a directory"
            default: reason = String(cString: strerror(errno))
            }
            throw DiagnosticError(YAMLDiagnostics.fileUnreadable(path, reason: reason))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw DiagnosticError(YAMLDiagnostics.fileUnreadable(path, reason: String(cString: strerror(errno))))
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            break
        case S_IFDIR:
            throw DiagnosticError(YAMLDiagnostics.fileUnreadable(path, reason: "it is a directory"))
        default:
            throw DiagnosticError(YAMLDiagnostics.fileUnreadable(path, reason: "it is not a regular file"))
        }
        let size = Int(info.st_size)
        if size > limit {
            throw DiagnosticError(YAMLDiagnostics.inputTooLarge(size, limit: limit, file: path))
        }
        // Blocking reads from here on: a regular file never blocks indefinitely.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        // Read straight into the array's storage: zero-filling it first would touch every page
        // of a large file twice.
        return [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var filled = 0
            while filled < size, let base = buffer.baseAddress {
                let n = read(fd, base + filled, size - filled)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { break }
                filled += n
            }
            initialized = filled
        }
    }
}
