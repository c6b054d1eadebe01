// swift-tools-version: 6.0
import PackageDescription

/// The libFuzzer executable, kept out of the main package so that its `swift build` and
/// `swift test` neither build it nor take longer. Build and run it with `Fuzz/run TARGET SECONDS`;
/// the entry points live in the main package's `ConduitFuzzing`, which the corpus replay tests
/// call too.
let package = Package(
    name: "ConduitFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Conduit", path: ".."),
    ],
    targets: [
        .executableTarget(name: "conduit-fuzz", dependencies: [
            .product(name: "ConduitFuzzing", package: "Conduit"),
        ]),
    ]
)
