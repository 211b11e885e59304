import Foundation

/// File paths as reports print them: relative to the report's base path, with `/` separators.
enum ReportPath {
    /// `file` relative to `base`. Relative inputs are taken relative to the working directory;
    /// a file outside `base` keeps `..` components, and pseudo-files (`builtin:…`, `<stdin>`)
    /// are returned unchanged.
    static func relative(_ file: String, to base: String) -> String {
        if file.isEmpty || file.hasPrefix("<") || isPseudo(file) { return file }
        let fileParts = absoluteComponents(file)
        let baseParts = absoluteComponents(base.isEmpty ? "." : base)
        var common = 0
        while common < fileParts.count, common < baseParts.count, fileParts[common] == baseParts[common] {
            common += 1
        }
        let ups = Array(repeating: "..", count: baseParts.count - common)
        let parts = ups + fileParts[common...]
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    /// The last path component.
    static func fileName(_ file: String) -> String {
        file.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? file
    }

    /// The file name without its extension.
    static func stem(_ file: String) -> String {
        let name = fileName(file)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// A path as a URI reference: unreserved characters and `/` kept, everything else
    /// percent-encoded as UTF-8.
    static func uriReference(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (byte < 16 ? "0" + hex : hex)
            }
        }
        return out
    }

    /// Whether a reference's link is one a report may link to: an http(s) URL without spaces
    /// (never `javascript:` or a local file).
    static func isWebLink(_ url: String) -> Bool {
        (url.hasPrefix("https://") || url.hasPrefix("http://")) && !url.contains(where: { $0.isWhitespace })
    }

    /// A `file://` URI for an absolute directory, ending in `/`; nil for a relative one.
    static func directoryURI(_ directory: String) -> String? {
        guard directory.hasPrefix("/") else { return nil }
        let normalized = "/" + normalize(directory.split(separator: "/").map(String.init)).joined(separator: "/")
        return "file://" + uriReference(normalized.hasSuffix("/") ? normalized : normalized + "/")
    }

    private static func isPseudo(_ file: String) -> Bool {
        guard let colon = file.firstIndex(of: ":") else { return false }
        let scheme = file[..<colon]
        return scheme.count > 1 && scheme.allSatisfy { $0.isLetter }
    }

    private static func absoluteComponents(_ path: String) -> [String] {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        if path.hasPrefix("/") { return normalize(parts) }
        let cwd = FileManager.default.currentDirectoryPath
        return normalize(cwd.split(separator: "/").map(String.init) + parts)
    }

    private static func normalize(_ parts: [String]) -> [String] {
        var out: [String] = []
        for part in parts {
            switch part {
            case ".", "": continue
            case "..": if !out.isEmpty { out.removeLast() }
            default: out.append(part)
            }
        }
        return out
    }
}
