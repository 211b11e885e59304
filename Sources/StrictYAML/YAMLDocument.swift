public import SourceDiagnostics

/// A loaded YAML or JSON document: its root value, the file it came from, and where the root stands.
public struct YAMLDocument: Sendable {
    /// The file's path as given (or a pseudo-name for text that did not come from a file).
    public var file: String
    /// The root value.
    public var root: Value
    /// The position of the root node.
    public var rootPosition: SourcePosition

    /// Creates a document.
    public init(file: String, root: Value, rootPosition: SourcePosition) {
        self.file = file
        self.root = root
        self.rootPosition = rootPosition
    }

    /// A full location in this document's file.
    public func location(_ position: SourcePosition) -> SourceLocation {
        SourceLocation(file: file, position: position)
    }
}
