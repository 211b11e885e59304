import Foundation

/// Writes output files atomically: a temporary file beside the target, then a rename, so a
/// failure part-way never leaves a partial report; refuses to overwrite the run's inputs.
public enum AtomicFile {
    /// Why a write was refused.
    public struct WriteError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Writes `text` to `path`, refusing any path in `protected` (compared after resolving links).
    public static func write(_ text: String, to path: String, protecting protected: [String] = []) throws(WriteError) {
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
        let temporary = directory + "/." + target.lastPathComponent + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else {
            throw WriteError(description: "cannot write '\(path)': permission denied")
        }
        // rename(2) replaces a symbolic link at the target rather than following it.
        if rename(temporary, target.path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw WriteError(description: "cannot write '\(path)': \(reason)")
        }
    }
}
