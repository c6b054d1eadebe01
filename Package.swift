// swift-tools-version: 6.0
import PackageDescription

/// One set of compiler settings for every target (Hummingbird's habit): `any` spelled out for
/// existentials, and each file importing the modules whose members it uses.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Conduit",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "conduit", targets: ["conduit"]),
        // For the libFuzzer package in Fuzz/, which depends on this one by path.
        .library(name: "ConduitFuzzing", targets: ["ConduitFuzzing"]),
    ],
    // Floors are the newest releases this project builds and tests with, past every published
    // advisory (see the commit that set them); Package.resolved is not committed, so a floor is
    // what keeps a fresh resolution off a vulnerable release.
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-atomics", from: "1.3.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        // Already in the graph through Hummingbird and AsyncHTTPClient: its task-local context
        // carries the W3C trace context of a flow run.
        .package(url: "https://github.com/apple/swift-distributed-tracing", from: "1.7.3"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // libxcrypt, for Spring's {bcrypt} passwords; linked on Linux only (SpringModule).
        .systemLibrary(name: "CLibCrypt"),
        // glibc's mallopt, for HeapRetention (FlowCore).
        .systemLibrary(name: "CMalloc"),
        .systemLibrary(name: "CSystemRandom"),
        .target(name: "FlowCore", dependencies: ["CMalloc", "CSystemRandom"]),
        .target(name: "FlowXML", dependencies: ["FlowCore", "CLibXML2"]),
        .target(name: "FlowProperties", dependencies: [
            "FlowCore",
            .product(name: "Yams", package: "Yams"),
            .product(name: "_CryptoExtras", package: "swift-crypto"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(name: "FlowFormats", dependencies: [
            "FlowCore", "CLibXML2",
            .product(name: "Atomics", package: "swift-atomics"),
        ]),
        .target(name: "FlowExpression", dependencies: [
            "FlowCore", "FlowFormats",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(name: "FlowModel", dependencies: ["FlowCore", "FlowXML", "FlowProperties", "FlowExpression"]),
        .target(name: "FlowEngine", dependencies: [
            "FlowCore", "FlowModel", "FlowExpression", "FlowFormats",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "Atomics", package: "swift-atomics"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Instrumentation", package: "swift-distributed-tracing"),
        ]),
        .target(name: "HTTPConnector", dependencies: [
            "FlowCore", "FlowFormats", "FlowModel", "FlowEngine", "ConnectorSupport",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            .product(name: "Atomics", package: "swift-atomics"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdCore", package: "hummingbird"),
            .product(name: "HummingbirdTLS", package: "hummingbird"),
            // Also brings BoringSSL (CNIOBoringSSL), whose 3DES opens JCEKS keys.
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            // SHA-1 and MD5 of Java key stores.
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(name: "ConnectorSupport", dependencies: [
            "FlowCore", "FlowFormats", "FlowModel", "FlowEngine",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "ProcoreConnector", dependencies: [
            "FlowCore", "FlowFormats", "FlowModel", "FlowExpression", "FlowEngine", "HTTPConnector", "ConnectorSupport",
            .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "Management", dependencies: [
            "FlowCore", "FlowEngine",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Metrics", package: "swift-metrics"),
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ]),
        .target(name: "ClusterStore", dependencies: [
            "FlowCore", "FlowEngine", "ConnectorSupport",
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
        ]),
        .target(name: "ValidationModule", dependencies: ["FlowCore", "FlowModel", "FlowExpression", "FlowEngine"]),
        .target(name: "ObjectStoreModule", dependencies: ["FlowCore", "FlowModel", "FlowEngine", "ConnectorSupport"]),
        .target(name: "FileConnector", dependencies: ["FlowCore", "FlowModel", "FlowFormats", "FlowEngine"]),
        .target(name: "SpringModule", dependencies: [
            "FlowCore", "FlowXML", "FlowModel", "FlowEngine", "ConnectorSupport", "CLibCrypt",
            .product(name: "Logging", package: "swift-log"),
        ], linkerSettings: [.linkedLibrary("crypt", .when(platforms: [.linux]))]),
        .target(name: "ProcoreSandbox", dependencies: [
            "FlowCore",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "conduit-bench", dependencies: ["FlowCore", "FlowExpression", "FlowFormats"], path: "Sources/ConduitBench"),
        .executableTarget(name: "conduit", dependencies: [
            "FlowCore", "Management", "FlowModel", "FlowProperties", "ProcoreConnector", "ProcoreSandbox", "FlowEngine", "HTTPConnector", "ValidationModule", "ObjectStoreModule", "FileConnector",
            "SpringModule", "ClusterStore", "ConnectorSupport",
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Metrics", package: "swift-metrics"),
            .product(name: "Prometheus", package: "swift-prometheus"),
        ]),
        .target(name: "ConduitFuzzing", dependencies: [
            "FlowCore", "FlowFormats", "FlowExpression", "FlowProperties", "FlowModel", "FlowEngine", "HTTPConnector",
            "ProcoreConnector", "ValidationModule", "ObjectStoreModule", "FileConnector", "SpringModule",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        .target(name: "ConduitTestSupport", dependencies: [
            "FlowCore", "FlowModel", "FlowEngine", "HTTPConnector",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ], path: "Tests/ConduitTestSupport"),
        .testTarget(name: "FlowCoreTests", dependencies: ["FlowCore", "ConduitTestSupport"]),
        .testTarget(name: "FlowXMLTests", dependencies: ["FlowXML"]),
        .testTarget(name: "FlowFormatsTests", dependencies: ["FlowFormats", "FlowCore"]),
        .testTarget(name: "FlowPropertiesTests", dependencies: ["FlowProperties"]),
        .testTarget(name: "FlowExpressionTests", dependencies: ["FlowExpression", "FlowFormats", "ConduitTestSupport"]),
        .testTarget(name: "FlowModelTests", dependencies: ["FlowModel", "HTTPConnector", "ProcoreConnector", "ConduitTestSupport"]),
        .testTarget(name: "FlowEngineTests", dependencies: [
            "FlowEngine", "FlowModel", "FlowCore", "FlowFormats", "ConduitTestSupport",
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "HTTPConnectorTests", dependencies: [
            "HTTPConnector", "FlowEngine", "FlowFormats", "FlowModel", "FlowCore", "ConduitTestSupport", "ProcoreSandbox",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ], exclude: ["Fixtures"]),
        .testTarget(name: "ConnectorSupportTests", dependencies: [
            "ConnectorSupport", "FlowEngine", "FlowCore", "FlowFormats", "ProcoreSandbox", "ConduitTestSupport",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
        ]),
        .testTarget(name: "ProcoreConnectorTests", dependencies: [
            "ProcoreConnector", "ConnectorSupport", "FlowEngine", "ProcoreSandbox", "FlowCore", "FlowFormats", "ConduitTestSupport",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "ValidationModuleTests", dependencies: ["ValidationModule", "FlowEngine", "FlowCore", "FlowFormats", "ConduitTestSupport"]),
        .testTarget(name: "SpringModuleTests", dependencies: [
            "SpringModule", "HTTPConnector", "FlowEngine", "FlowModel", "FlowCore", "ConduitTestSupport",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
        ]),
        .testTarget(name: "FileConnectorTests", dependencies: [
            "FileConnector", "FlowEngine", "FlowModel", "FlowCore", "FlowFormats", "ConduitTestSupport",
        ]),
        .testTarget(name: "ObjectStoreModuleTests", dependencies: [
            "ObjectStoreModule", "ClusterStore", "ConnectorSupport", "HTTPConnector", "FlowEngine", "FlowModel", "FlowCore", "FlowFormats", "ConduitTestSupport",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
        ]),
        .testTarget(name: "ProcoreSandboxTests", dependencies: [
            "ProcoreSandbox", "FlowCore", "ConduitTestSupport",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "ClusterStoreTests", dependencies: [
            "ClusterStore", "ConnectorSupport", "FlowCore", "ConduitTestSupport",
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "ConduitCLITests", dependencies: ["conduit", "ConduitTestSupport"]),
        .testTarget(name: "FuzzReplayTests", dependencies: ["ConduitFuzzing", "conduit", "FlowCore", "FlowEngine"]),
        .testTarget(name: "ConduitEndToEndTests", dependencies: [
            "conduit", "FlowCore", "FlowModel", "FlowEngine", "HTTPConnector", "ProcoreConnector", "ProcoreSandbox", "ConduitTestSupport",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
    ]
)

for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + swiftSettings
}
