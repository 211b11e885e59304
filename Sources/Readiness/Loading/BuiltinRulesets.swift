/// The rulesets compiled into the binary (from the top-level `Rulesets/` folder).
public enum BuiltinRulesets {
    /// The built-in rulesets by name, in evaluation order.
    public static let all: [(name: String, bytes: [UInt8])] = [
        ("environment", PackageResources.environment_yaml),
        ("network", PackageResources.network_yaml),
        ("staffing", PackageResources.staffing_yaml),
        ("requirements", PackageResources.requirements_yaml),
        ("data", PackageResources.data_yaml),
        ("training", PackageResources.training_yaml),
        ("deployment", PackageResources.deployment_yaml),
        ("governance", PackageResources.governance_yaml),
    ]

    /// The name that stands for every built-in ruleset (`--ruleset all`, `extends: [all]`).
    public static let allName = "all"

    /// The names of the built-in rulesets.
    public static var names: [String] { all.map(\.name) }

    /// The bytes of a built-in ruleset.
    public static func bytes(named name: String) -> [UInt8]? {
        all.first { $0.name == name }?.bytes
    }

    /// The commented starter snapshot that `readiness init` prints for the built-in rulesets.
    public static var snapshotTemplate: String {
        String(decoding: PackageResources.snapshot_template_yaml, as: UTF8.self)
    }

    /// The pseudo-path a built-in ruleset reports as its file.
    public static func path(of name: String) -> String { "builtin:\(name)" }
}
