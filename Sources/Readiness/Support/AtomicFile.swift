import Foundation

/// Writes output files atomically: a temporary file beside the target, then a rename, so a
/// failure part-way never leaves a partial report; refuses to overwrite the run's inputs.
/// A device, FIFO or socket at the target (`/dev/null`, `/dev/stdout`) is written directly
/// instead, and the temporary file is removed if SIGINT or SIGTERM ends the process.
public enum AtomicFile {
    /// Why a write was refused.
    public struct WriteError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Writes `text` to `path`, refusing any path in `protected` (compared after resolving links).
    public static func write(_ text: String, to path: String, protecting protected: [String] = []) throws(WriteError) {
        var text = text
        // The text's own UTF-8 buffer is written, without a copy.
        try write(to: path, protecting: protected) { next in
            _ = text.withUTF8 { next(UnsafeRawBufferPointer($0)) }
        }
    }

    /// Writes buffers one after another to `path` (a large report, never joined into one).
    public static func write(pieces: [[UInt8]], to path: String, protecting protected: [String] = []) throws(WriteError) {
        try write(to: path, protecting: protected) { next in
            for piece in pieces where !piece.withUnsafeBytes(next) { return }
        }
    }

    /// Writes to `path` the buffers `produce` hands to the function it is given, in order;
    /// that function returns false once a write has failed (the rest are then skipped).
    public static func write(
        to path: String, protecting protected: [String] = [], producing produce: ((UnsafeRawBufferPointer) -> Bool) -> Void
    ) throws(WriteError) {
        try write(to: path, protecting: protected) { fd in
            var failure: Int32?
            produce { buffer in
                guard failure == nil else { return false }
                failure = writeAll(fd, buffer)
                return failure == nil
            }
            return failure
        }
    }

    /// Writes a whole buffer; the `errno` of a failure, or nil.
    private static func writeAll(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> Int32? {
        var offset = 0
        while offset < buffer.count {
            let written = Foundation.write(fd, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return nil
    }

    /// Opens a temporary file beside `path`, lets `body` write it (returning the `errno` of a
    /// failure, or nil), and renames it over `path`.
    private static func write(
        to path: String, protecting protected: [String], _ body: (Int32) -> Int32?
    ) throws(WriteError) {
        let target = URL(fileURLWithPath: path).standardizedFileURL
        let resolvedTarget = target.resolvingSymlinksInPath().path
        for input in protected where !input.hasPrefix("builtin:") {
            let resolvedInput = URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path
            if resolvedInput == resolvedTarget {
                throw WriteError(description: "refusing to write '\(path)': it is one of the inputs")
            }
        }
        let directory = target.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw WriteError(description: "cannot write '\(path)': directory '\(directory)' does not exist")
        }
        if FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw WriteError(description: "cannot write '\(path)': it is a directory")
        }
        if let descriptor = standardDescriptor(path) {
            try writeDirectly(to: descriptor, shownAs: path, body)
            return
        }
        if try isSpecialFile(target.path) {
            try writeDirectly(to: target.path, shownAs: path, body)
            return
        }
        let temporary = directory + "/." + target.lastPathComponent + ".tmp-\(getpid())"
        // O_EXCL: never through a link or over a file someone planted at the temporary name.
        var fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if fd < 0, errno == EEXIST {
            // Left by a run that died with this process id: unlink removes it (or a link
            // planted there, never what it points to), and the open is tried once more.
            unlink(temporary)
            fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        }
        guard fd >= 0 else {
            throw WriteError(description: "cannot write '\(path)': \(String(cString: strerror(errno)))")
        }
        let slot = TemporaryFiles.register(temporary)
        defer { TemporaryFiles.unregister(slot) }
        let failure = body(fd)
        if close(fd) != 0 || failure != nil {
            let reason = String(cString: strerror(failure ?? errno))
            unlink(temporary)
            throw WriteError(description: "cannot write '\(path)': \(reason)")
        }
        // rename(2) replaces a symbolic link at the target rather than following it.
        if rename(temporary, target.path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw WriteError(description: "cannot write '\(path)': \(reason)")
        }
    }

    /// Whether `path` is a FIFO, a character device or a socket, to be written directly: named
    /// as such, or through a link when the path itself is a system one (`/dev/stdout`,
    /// `/dev/fd/1`, `/proc/self/fd/1`). A link elsewhere (one planted in a checkout, say) is
    /// replaced as before, never followed onto a device; a block device is never written.
    private static func isSpecialFile(_ path: String) throws(WriteError) -> Bool {
        var own = stat()
        guard lstat(path, &own) == 0 else { return false }
        var info = own
        if own.st_mode & S_IFMT == S_IFLNK {
            guard path.hasPrefix("/dev/") || path.hasPrefix("/proc/") else { return false }
            // A system link is never replaced: what it leads to is written, or nothing is.
            guard stat(path, &info) == 0 else {
                throw WriteError(description: "cannot write '\(path)': \(String(cString: strerror(errno)))")
            }
            if info.st_mode & S_IFMT == S_IFREG { return true }
        }
        switch info.st_mode & S_IFMT {
        case S_IFIFO, S_IFCHR, S_IFSOCK: return true
        case S_IFBLK: throw WriteError(description: "refusing to write '\(path)': it is a block device")
        default: return false
        }
    }

    /// The descriptor a path names (`/dev/stdout`, `/dev/stderr`, `/dev/fd/N`,
    /// `/proc/self/fd/N`), written as it is, whatever it leads to (a pipe, a terminal, or a
    /// file the shell redirected it to), never replaced.
    static func standardDescriptor(_ path: String) -> Int32? {
        switch path {
        case "/dev/stdout": return 1
        case "/dev/stderr": return 2
        default:
            for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
                if let n = Int32(path.dropFirst(prefix.count)), n >= 0 { return n }
            }
            return nil
        }
    }

    /// Writes into an open descriptor, which stays open.
    private static func writeDirectly(to descriptor: Int32, shownAs name: String, _ body: (Int32) -> Int32?) throws(WriteError) {
        if let failure = body(descriptor) {
            throw WriteError(description: "cannot write '\(name)': \(String(cString: strerror(failure)))")
        }
    }

    /// Writes into a device or FIFO as it is: such a target is opened for writing, never
    /// replaced by a regular file (as a rename would, run as root).
    private static func writeDirectly(to path: String, shownAs name: String, _ body: (Int32) -> Int32?) throws(WriteError) {
        let fd = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else {
            throw WriteError(description: "cannot write '\(name)': \(String(cString: strerror(errno)))")
        }
        // A system link that leads to a regular file: the report replaces its content.
        var info = stat()
        if fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG { _ = ftruncate(fd, 0) }
        let failure = body(fd)
        if close(fd) != 0 && failure == nil && errno != EINTR || failure != nil {
            throw WriteError(description: "cannot write '\(name)': \(String(cString: strerror(failure ?? errno)))")
        }
    }
}
