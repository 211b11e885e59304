import Foundation

extension CLI {
    /// The nearest directory at or above `directory` that holds an entry named `name` (a file
    /// or a folder), or nil when no directory up to the root does.
    static func nearestDirectory(from directory: String, containing name: String) -> String? {
        var url = URL(fileURLWithPath: directory, isDirectory: true).standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent(name).path) { return url.path }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
        }
    }
}
