/// The tool's version, reported by `readiness --version` and recorded in every report.
public enum ReadinessVersion {
    /// The semantic version of this build.
    public static let current = "0.1.0"
}
