import Readiness
import SourceDiagnostics

extension RuleResult {
    /// The finding's location when it points at a real line.
    var knownLocation: SourceLocation? {
        guard let location, location.position.isKnown else { return nil }
        return location
    }
}
