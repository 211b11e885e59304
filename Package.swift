// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Readiness",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Readiness", targets: ["Readiness"]),
        .executable(name: "readiness", targets: ["readiness"]),
        .executable(name: "readiness-bench", targets: ["readiness-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // The system SQLite, for the readiness history (a thin layer; see docs/history.md).
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        .target(name: "SourceDiagnostics"),
        // glibc's heap tuning (mallopt), which Swift's Glibc module does not export.
        .target(name: "CHeap"),
        .target(name: "StrictYAML", dependencies: ["CLibYAML", "SourceDiagnostics"]),
        .target(
            name: "CEL", dependencies: ["StrictYAML", "SourceDiagnostics"],
            // The Unicode script table `\p{Han}` and the like read, compiled into the binary.
            resources: [.embedInCode("Evaluator/Regex/UnicodeScripts.txt")]
        ),
        .target(
            name: "Readiness",
            dependencies: [
                "CEL", "StrictYAML", "SourceDiagnostics",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            // Symbolic links to the top-level Rulesets/ files, compiled into the binary so the
            // tool works with no other file.
            resources: [.embedInCode("BuiltinRulesets")]
        ),
        .target(name: "Reporting", dependencies: ["Readiness", "CEL", "StrictYAML", "SourceDiagnostics"]),
        // The readiness history: assessments recorded in a SQLite file.
        .target(name: "ReadinessHistory", dependencies: ["Readiness", "CSQLite"]),
        // The commands, as a library the tests link.
        .target(
            name: "ReadinessCLI",
            dependencies: [
                "CHeap", "Readiness", "ReadinessHistory", "Reporting", "CEL", "StrictYAML", "SourceDiagnostics",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The executable: a one-line main over ReadinessCLI.
        .executableTarget(
            name: "readiness",
            dependencies: ["ReadinessCLI"],
            // A Linux release build links the Swift runtime and Foundation into the binary: no
            // shared libraries to load and bind at start-up (about 5 ms of every run), and runtime
            // calls such as retain and release go direct rather than through the PLT. The module
            // is compiled with the flag too, so it names the static libraries' own dependencies
            // (_FoundationICU and the like) for the linker. Library targets stay free of unsafe
            // flags, so the package can still be used as a dependency, and no test links this
            // target (they link ReadinessCLI), so `swift test -c release` links as usual.
            swiftSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))],
            linkerSettings: [.unsafeFlags(["-static-stdlib", "-use-ld=lld"], .when(platforms: [.linux], configuration: .release))]
        ),
        .executableTarget(
            name: "readiness-bench",
            dependencies: [
                "Readiness", "ReadinessHistory", "Reporting", "CEL", "StrictYAML", "CLibYAML", "SourceDiagnostics",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "StrictYAMLTests", dependencies: ["StrictYAML"], exclude: ["Fixtures"]),
        .testTarget(name: "CELTests", dependencies: ["CEL", "StrictYAML"]),
        .testTarget(name: "ReadinessTests", dependencies: ["Readiness", "CEL", "StrictYAML", "SourceDiagnostics"], exclude: ["Fixtures"]),
        .testTarget(
            name: "HardeningTests",
            dependencies: ["Readiness", "Reporting", "CEL", "StrictYAML", "SourceDiagnostics"],
            exclude: ["Corpus"]
        ),
        .testTarget(
            name: "CLITests",
            dependencies: [
                "ReadinessCLI", "Readiness", "Reporting", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting", "Readiness"], exclude: ["Golden"]),
        .testTarget(
            name: "HistoryTests",
            dependencies: ["ReadinessHistory", "ReadinessCLI", "Readiness", "Reporting"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
