extension InputFile {
    /// An input and its digest (for assessments read back from a history or built by hand).
    public init(kind: String, path: String, sha256: String) {
        self.init(path: path, kind: kind, sha256: sha256)
    }
}

extension RuleResult.AffectedItem {
    /// An item of a phase scope (for assessments read back from a history or built by hand).
    public init(_ kind: String, _ item: String) {
        self.init(kind: kind, item: item)
    }
}
