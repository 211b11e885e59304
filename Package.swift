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
        .target(name: "SourceDiagnostics"),
        // glibc's heap tuning (mallopt), which Swift's Glibc module does not export.
        .target(name: "CHeap"),
        .target(name: "StrictYAML", dependencies: ["CLibYAML", "SourceDiagnostics"]),
        .target(name: "CEL", dependencies: ["StrictYAML", "SourceDiagnostics"]),
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
        .executableTarget(
            name: "readiness",
            dependencies: [
                "CHeap", "Readiness", "Reporting", "CEL", "StrictYAML", "SourceDiagnostics",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "readiness-bench",
            dependencies: [
                "Readiness", "Reporting", "CEL", "StrictYAML", "CLibYAML", "SourceDiagnostics",
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
            dependencies: ["readiness", "Readiness", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting", "Readiness"], exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
