// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Conduit",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "conduit", targets: ["conduit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.20.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .target(name: "FlowCore"),
        .target(name: "FlowXML", dependencies: ["FlowCore", "CLibXML2"]),
        .target(name: "FlowProperties", dependencies: [
            "FlowCore",
            .product(name: "Yams", package: "Yams"),
            .product(name: "_CryptoExtras", package: "swift-crypto"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(name: "FlowExpression", dependencies: ["FlowCore"]),
        .target(name: "FlowModel", dependencies: ["FlowCore", "FlowXML", "FlowProperties", "FlowExpression"]),
        .target(name: "FlowEngine", dependencies: [
            "FlowCore", "FlowModel", "FlowExpression",
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "HTTPConnector", dependencies: [
            "FlowEngine",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        .target(name: "ProcoreConnector", dependencies: [
            "FlowCore", "FlowModel", "FlowEngine",
            .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "ProcoreSandbox", dependencies: [
            "FlowCore",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "conduit-bench", dependencies: ["FlowCore", "FlowExpression"], path: "Sources/ConduitBench"),
        .executableTarget(name: "conduit", dependencies: [
            "FlowCore", "FlowModel", "FlowProperties", "ProcoreConnector", "ProcoreSandbox", "FlowEngine", "HTTPConnector",
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "FlowCoreTests", dependencies: ["FlowCore"]),
        .testTarget(name: "FlowXMLTests", dependencies: ["FlowXML"]),
        .testTarget(name: "FlowPropertiesTests", dependencies: ["FlowProperties"]),
        .testTarget(name: "FlowExpressionTests", dependencies: ["FlowExpression"]),
        .testTarget(name: "FlowModelTests", dependencies: ["FlowModel", "ProcoreConnector"]),
        .testTarget(name: "FlowEngineTests", dependencies: [
            "FlowEngine", "FlowModel", "FlowCore",
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "HTTPConnectorTests", dependencies: [
            "HTTPConnector", "FlowEngine", "FlowModel", "FlowCore",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        .testTarget(name: "ProcoreConnectorTests", dependencies: [
            "ProcoreConnector", "ProcoreSandbox", "FlowCore",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "ProcoreSandboxTests", dependencies: [
            "ProcoreSandbox", "FlowCore",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "ConduitCLITests", dependencies: ["conduit"]),
    ]
)
