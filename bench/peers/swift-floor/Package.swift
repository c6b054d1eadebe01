// swift-tools-version: 6.0
import PackageDescription

// The least a Swift service doing Conduit's main job can do, on Conduit's own stack: Hummingbird's
// listener and AsyncHTTPClient's pooled client at the versions Conduit's Package.swift names
// (swift-nio only for the types AsyncHTTPClient's API takes; it is already in both graphs).
// A package of its own, so that Conduit's build and dependency graph stay as they are.
let package = Package(
    name: "SwiftFloor",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
    ],
    targets: [
        .target(name: "FloorSupport", dependencies: [
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
        ]),
        .executableTarget(name: "swift-floor", dependencies: [
            "FloorSupport",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdCore", package: "hummingbird"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
        ]),
        .executableTarget(name: "ahc-loop", dependencies: [
            "FloorSupport",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
        ]),
    ]
)
