// swift-tools-version:6.2
import PackageDescription

// Why each dependency earns its build time:
// - hummingbird: the HTTP server (structured concurrency, Swift 6); HummingbirdTesting runs the router in tests.
// - hummingbird-auth: bcrypt for officer passwords (HummingbirdBcrypt).
// - sql-kit + sqlite-kit + postgres-kit: one query builder over embedded SQLite and PostgreSQL.
// - swift-argument-parser: the `motcua` command line.
// - swift-log, swift-prometheus: logs and the /metrics endpoint; swift-http-types: header names.
// - swift-crypto: SHA-256 of bearer tokens (already in the graph through postgres-nio).
// - swift-service-lifecycle: the SLA watch runs beside the server and stops with it (already in Hummingbird's graph).
// - swift-mustache: logic-less HTML templates for the web pages (every value comes from a Swift view model).
// - multipart-kit: the citizens' file uploads (multipart/form-data) when filing online.
// - jwt-kit: verifying the national e-ID's OpenID Connect ID tokens (JWKS, RS256/ES256), and signing them in the
//   identity-provider simulator.
// - async-http-client: MotCua's calls to national systems (the e-ID provider's discovery, keys and token endpoints);
//   already built for HummingbirdTesting's live tests.
let package = Package(
    name: "motcua",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "motcua", targets: ["motcua"]),
        .library(name: "MotCuaCore", targets: ["MotCuaCore"]),
        .library(name: "MotCuaStore", targets: ["MotCuaStore"]),
        .library(name: "MotCuaServer", targets: ["MotCuaServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.1"),
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.7.1"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
    ],
    targets: [
        .target(name: "MotCuaCore"),
        .target(
            name: "MotCuaStore",
            dependencies: [
                "MotCuaCore",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Resources")]
        ),
        .target(
            name: "MotCuaServer",
            dependencies: [
                "MotCuaCore",
                "MotCuaStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            resources: [.copy("Resources")]
        ),
        // Stand-ins for the national systems MotCua cannot reach from here (the e-ID provider), run as separate
        // processes (`motcua sim …`) for the demo and the tests; the product talks to them only by protocol.
        .target(
            name: "MotCuaSimulators",
            dependencies: [
                "MotCuaCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "motcua",
            dependencies: [
                "MotCuaCore",
                "MotCuaStore",
                "MotCuaServer",
                "MotCuaSimulators",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "MotCuaTestSupport",
            dependencies: [
                "MotCuaCore",
                "MotCuaStore",
                "MotCuaServer",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            path: "Tests/MotCuaTestSupport"
        ),
        .testTarget(name: "MotCuaCoreTests", dependencies: ["MotCuaCore", "MotCuaTestSupport"]),
        .testTarget(name: "MotCuaStoreTests", dependencies: [
            "MotCuaTestSupport", .product(name: "SQLKit", package: "sql-kit"), .product(name: "SQLiteKit", package: "sqlite-kit"),
        ]),
        .testTarget(name: "MotCuaServerTests", dependencies: [
            "MotCuaTestSupport", .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "SQLKit", package: "sql-kit"), .product(name: "JWTKit", package: "jwt-kit"),
        ]),
        .testTarget(name: "MotCuaEndToEndTests", dependencies: ["MotCuaTestSupport", "MotCuaCore", "MotCuaStore", "MotCuaSimulators"]),
    ]
)
