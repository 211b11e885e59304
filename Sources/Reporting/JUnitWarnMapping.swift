/// How the `junit` format reports a `warn` result.
public enum JUnitWarnMapping: String, Sendable, CaseIterable {
    /// A `<failure type="warn">`: the CI server counts the test as failed.
    case failure
    /// A passed test case whose `<system-out>` gives the finding.
    case pass
}
