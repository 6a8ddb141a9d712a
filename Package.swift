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
        .library(name: "AcumenModel", targets: ["AcumenModel"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CNcursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        .target(name: "AcumenModel", swiftSettings: strictSettings),
        .target(name: "AcumenUI", dependencies: ["AcumenModel"], swiftSettings: strictSettings),
        .target(name: "AcumenTerminal", dependencies: ["AcumenUI", "CNcursesw"], swiftSettings: strictSettings),
        .executableTarget(
            name: "acumen",
            dependencies: [
                "AcumenModel", "AcumenUI", "AcumenTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "acumen-bench",
            dependencies: [
                "AcumenModel", "AcumenUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/AcumenBench",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "AcumenModelTests", dependencies: ["AcumenModel"],
            exclude: ["Fixtures/csv"], resources: [.copy("Fixtures/broken")], swiftSettings: strictSettings
        ),
        .testTarget(name: "AcumenUITests", dependencies: ["AcumenUI", "AcumenModel"], swiftSettings: strictSettings),
        .testTarget(name: "AcumenTerminalTests", dependencies: ["AcumenTerminal"], swiftSettings: strictSettings),
        .testTarget(name: "acumenTests", dependencies: ["acumen", "AcumenModel", "AcumenUI"], swiftSettings: strictSettings),
    ],
    swiftLanguageModes: [.v6]
)
