// swift-tools-version:6.1
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Acumen",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "acumen", targets: ["acumen"]),
        .library(name: "AcumenModel", targets: ["AcumenCore", "AcumenAnalytics", "AcumenStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CNcursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        // The model: values and JSON; pure analytics (no file system); the only module on disk.
        .target(name: "AcumenCore", swiftSettings: strictSettings),
        .target(name: "AcumenAnalytics", dependencies: ["AcumenCore"], swiftSettings: strictSettings),
        .target(name: "AcumenStore", dependencies: ["AcumenCore", "AcumenAnalytics"], swiftSettings: strictSettings),
        .target(name: "AcumenUI", dependencies: ["AcumenCore", "AcumenAnalytics", "AcumenStore"], swiftSettings: strictSettings),
        .target(name: "AcumenTerminal", dependencies: ["AcumenUI", "CNcursesw"], swiftSettings: strictSettings),
        .executableTarget(
            name: "acumen",
            dependencies: [
                "AcumenCore", "AcumenAnalytics", "AcumenStore", "AcumenUI", "AcumenTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "acumen-bench",
            dependencies: [
                "AcumenCore", "AcumenAnalytics", "AcumenStore", "AcumenUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/AcumenBench",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "AcumenModelTests", dependencies: ["AcumenCore", "AcumenAnalytics", "AcumenStore"],
            exclude: ["Fixtures/csv"], resources: [.copy("Fixtures/broken")], swiftSettings: strictSettings
        ),
        .testTarget(name: "AcumenUITests", dependencies: ["AcumenUI", "AcumenCore", "AcumenAnalytics", "AcumenStore"], swiftSettings: strictSettings),
        .testTarget(name: "AcumenTerminalTests", dependencies: ["AcumenTerminal"], swiftSettings: strictSettings),
        .testTarget(name: "acumenTests", dependencies: ["acumen", "AcumenCore", "AcumenAnalytics", "AcumenStore", "AcumenUI"], swiftSettings: strictSettings),
    ],
    swiftLanguageModes: [.v6]
)
