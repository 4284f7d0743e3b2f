// swift-tools-version: 6.2
import PackageDescription

/// Settings every Kizuna target shares: Swift 6 mode, upcoming features, warnings as errors.
let strictSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .treatAllWarnings(as: .error),
]

let package = Package(
    name: "Kizuna",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "kizuna", targets: ["kizuna"]),
        .library(name: "KizunaCore", targets: ["KizunaCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ],
    targets: [
        .target(
            name: "KizunaCore",
            dependencies: [.product(name: "Yams", package: "Yams"), .product(name: "CSV", package: "CSV.swift")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "KizunaStore",
            dependencies: ["KizunaCore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "KizunaCLI",
            dependencies: [
                "KizunaCore",
                "KizunaStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "kizuna",
            dependencies: [
                "KizunaCLI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "kizuna-bench",
            dependencies: ["KizunaCore"],
            path: "Benchmarks/kizuna-bench",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "KizunaCoreTests",
            dependencies: ["KizunaCore"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "kizuna-bench-store",
            dependencies: ["KizunaStore", "KizunaCore", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Benchmarks/kizuna-bench-store",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "KizunaStoreTests",
            dependencies: ["KizunaStore", "KizunaCore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "KizunaCLITests",
            dependencies: ["KizunaCore", "KizunaStore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
    ]
)
