// swift-tools-version: 6.2
import PackageDescription

/// Settings every Kizuna target shares: Swift 6 mode, upcoming features, warnings as errors.
let strictSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .treatAllWarnings(as: .error),
]

/// Links the Swift runtime and Foundation into the release executable on Linux. Shared,
/// they are a dozen libraries whose relocations and scattered code pages cost every
/// `kizuna` run about 5 MiB of resident memory before it does any work; linked in, only
/// the code the command uses is loaded. The flag also goes to the compiler, so that the
/// executable's module names the static libraries Foundation needs (CoreFoundation, ICU).
/// lld packs the executable's relative relocations (RELR, glibc 2.36+), which saves the
/// 2 MiB relocation table every start-up reads. Debug builds, whose modules record the
/// shared runtime's paths, stay dynamic. (`-static-stdlib` is not offered on Apple platforms.)
let staticRuntime: (swift: [SwiftSetting], linker: [LinkerSetting]) = {
    let releaseOnLinux = BuildSettingCondition.when(platforms: [.linux], configuration: .release)
    return (
        swift: [.unsafeFlags(["-static-stdlib"], releaseOnLinux)],
        linker: [.unsafeFlags(["-static-stdlib", "-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"], releaseOnLinux)]
    )
}()

let package = Package(
    name: "Kizuna",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "kizuna", targets: ["kizuna"]),
        .library(name: "KizunaCore", targets: ["KizunaCore"]),
        .executable(name: "kizunad", targets: ["kizunad"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .target(
            name: "KizunaCore",
            dependencies: [.product(name: "Yams", package: "Yams"), .product(name: "CSV", package: "CSV.swift")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "KizunaStore",
            dependencies: [
                "KizunaCore", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "KizunaCLI",
            dependencies: [
                "KizunaCore",
                "KizunaStore",
                "KizunaDaemonState",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "KizunaDelivery",
            dependencies: ["KizunaCore", "KizunaStore", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "kizuna",
            dependencies: [
                "KizunaCLI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings + staticRuntime.swift,
            linkerSettings: staticRuntime.linker
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
        .executableTarget(
            name: "kizuna-bench-health",
            dependencies: ["KizunaStore", "KizunaCore"],
            path: "Benchmarks/kizuna-bench-health",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "KizunaCLITests",
            dependencies: ["KizunaCore", "KizunaStore", "KizunaTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "KizunaDeliveryTests",
            dependencies: [
                "KizunaDelivery", "KizunaCore", "KizunaStore", "KizunaTestSupport", .product(name: "Logging", package: "swift-log"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        // Linux interfaces Glibc's module leaves out (timerfd), for the daemon.
        .systemLibrary(name: "CKizunaLinux"),
        // The daemon's files in the state directory (its lock and status), which `kizuna status` reads.
        .target(
            name: "KizunaDaemonState",
            dependencies: ["KizunaCore", "CKizunaLinux"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "KizunaDaemon",
            dependencies: [
                "KizunaCore", "KizunaStore", "KizunaDelivery", "KizunaDaemonState", "KizunaSystemd", "CKizunaLinux",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "kizunad",
            dependencies: [
                "KizunaDaemon", "KizunaSystemd",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings + staticRuntime.swift,
            linkerSettings: staticRuntime.linker
        ),
        .testTarget(
            name: "KizunaDaemonTests",
            dependencies: [
                "KizunaDaemon", "KizunaCore", "KizunaStore", .product(name: "Logging", package: "swift-log"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        .systemLibrary(name: "CSystemd", pkgConfig: "libsystemd", providers: [.apt(["libsystemd-dev"])]),
        .target(
            name: "KizunaSystemd",
            dependencies: ["CSystemd", "KizunaCore", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "kizuna-systemd-probe",
            dependencies: ["KizunaSystemd", .product(name: "Logging", package: "swift-log")],
            path: "Tests/kizuna-systemd-probe",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "KizunaSystemdTests",
            dependencies: ["KizunaSystemd", "KizunaTestSupport", "KizunaCore", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strictSettings
        ),
        // Helpers the test targets share: a local HTTP receiver, a test-owned NOTIFY_SOCKET.
        .target(name: "KizunaTestSupport", path: "Tests/KizunaTestSupport", swiftSettings: strictSettings),
    ]
)
