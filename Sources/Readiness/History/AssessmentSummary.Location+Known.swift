import SourceDiagnostics

extension AssessmentSummary.Location {
    /// The place a source location names, or nil when its position is unknown.
    public init?(known location: SourceLocation?) {
        self.init(location)
    }
}
