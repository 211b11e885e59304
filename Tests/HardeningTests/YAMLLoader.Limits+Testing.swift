import StrictYAML

extension YAMLLoader.Limits {
    /// The default limits with `change` applied.
    static func with(_ change: (inout Self) -> Void) -> Self {
        var limits = Self()
        change(&limits)
        return limits
    }
}
