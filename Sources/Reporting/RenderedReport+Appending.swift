extension RenderedReport {
    /// The report followed by more text, as one more piece (nothing is copied).
    public func appending(_ text: String) -> RenderedReport {
        RenderedReport(storage: storage + [.array(Array(text.utf8))])
    }
}
