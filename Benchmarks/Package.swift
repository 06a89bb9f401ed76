// swift-tools-version:6.2
import PackageDescription

// MotCua's benchmarks, apart from the product so that its build and CI stay lean.
// Run: cd Benchmarks && swift package benchmark   (see docs/PERFORMANCE.md)

/// What both benchmarks write through: the product's store and its query builder.
let store: [Target.Dependency] = [
    .product(name: "MotCuaStore", package: "motcua"),
    .product(name: "SQLKit", package: "sql-kit"),
]

let package = Package(
    name: "motcua-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "motcua", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
    ],
    targets: [
        // The engine race against SpiffWorkflow: run it with ./engine-vs-spiffworkflow.sh (docs/PERFORMANCE.md).
        .executableTarget(
            name: "EngineRace",
            dependencies: store + [.product(name: "MotCuaCore", package: "motcua")],
            path: "EngineRace",
            exclude: ["mot_cua.motcua.bpmn"]
        ),
        .executableTarget(
            name: "OneStop",
            dependencies: store + [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "MotCuaServer", package: "motcua"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            path: "Benchmarks/OneStop",
            // package-benchmark's `Benchmark` is not Sendable; Swift 5 mode lets the closures measure it.
            swiftSettings: [.swiftLanguageMode(.v5)],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
