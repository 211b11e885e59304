import Foundation

/// Where files named inside a ruleset or a ruleset test (`extends`, `snapshot_file`) may be
/// read from: the folder tree the ruleset or test belongs to, compared after resolving symbolic
/// links, `.` and `..`, plus folders the user allows explicitly (`--allow-path DIR`). A pack
/// downloaded from a third party can then not make the tool read `~/.config/…/credentials.json`,
/// an absolute path, `/proc/self/environ` or a symbolic link that leads out of its folder.
public struct PathConfinement: Sendable {
    /// Folders any file inside which may be read, as given.
    public var allowedDirectories: [String]

    /// Creates a policy with extra allowed folders.
    public init(allowedDirectories: [String] = []) {
        self.allowedDirectories = allowedDirectories
    }

    /// Whether `path` lies inside `root` or an allowed folder, after resolving links. A path
    /// that does not exist yet is judged by its resolved parent folder.
    public func allows(_ path: String, inside root: String) -> Bool {
        guard let resolved = Self.resolve(path) else { return false }
        for folder in [root] + allowedDirectories {
            guard let base = Self.resolve(folder) else { continue }
            if resolved == base || resolved.hasPrefix(base == "/" ? "/" : base + "/") { return true }
        }
        return false
    }

    /// The canonical path (links, `.` and `..` resolved); for a missing file, its resolved
    /// folder joined with its name.
    static func resolve(_ path: String) -> String? {
        if let real = realpath(path, nil) {
            defer { free(real) }
            return String(cString: real)
        }
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        guard name != "..", name != ".", let real = realpath(folder.isEmpty ? "." : folder, nil) else { return nil }
        defer { free(real) }
        return (String(cString: real) as NSString).appendingPathComponent(name)
    }
}
