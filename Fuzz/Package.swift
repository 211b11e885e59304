// swift-tools-version:5.4
// libFuzzer targets for Readiness. A separate package, so that the main package's
// `swift build` and `swift test` never see it; build and run it with `./run.sh`.
//
// Tools version 5.4 on purpose: from 5.5 on, SwiftPM renames an executable's entry point to
// `<module>_main` and links with `--defsym main=<module>_main`, which fails for these targets,
// whose `main` comes from libFuzzer (`-sanitize=fuzzer`) and which have no top-level code
// (`-parse-as-library`).
import PackageDescription

let package = Package(
    name: "ReadinessFuzz",
    dependencies: [
        // The main package, named so that the targets can refer to it whatever its folder is called.
        .package(name: "Readiness", path: "..")
    ],
    targets: [
        .executableTarget(
            name: "fuzz-yaml", dependencies: [.product(name: "Readiness", package: "Readiness")],
            path: "Sources/FuzzYAML"),
        .executableTarget(
            name: "fuzz-cel-compile", dependencies: [.product(name: "Readiness", package: "Readiness")],
            path: "Sources/FuzzCELCompile"),
        .executableTarget(
            name: "fuzz-cel-eval", dependencies: [.product(name: "Readiness", package: "Readiness")],
            path: "Sources/FuzzCELEval"),
        .executableTarget(
            name: "fuzz-ruleset", dependencies: [.product(name: "Readiness", package: "Readiness")],
            path: "Sources/FuzzRuleset"),
    ],
    swiftLanguageVersions: [.v5]
)
