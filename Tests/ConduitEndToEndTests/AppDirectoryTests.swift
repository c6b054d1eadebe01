import FlowCore
import Foundation
import Testing
import ConduitTestSupport
import NIOHTTP1

/// `conduit run --app DIR` started from another directory keeps its state where
/// `dev.properties` says, relative to the app: `DIR/.conduit/tokens/procore.json` (the
/// connector's `tokenStore`) and `DIR/.conduit/sandbox/state.json` (the bundled sandbox's data).
@Suite(.serialized) struct AppDirectoryTests {
    @Test func relativeStatePathsAreTakenFromTheAppDirectory() async throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let appDirectory = scratch.path + "/app"
        let elsewhere = scratch.path + "/elsewhere"
        let files = FileManager.default
        try files.createDirectory(atPath: appDirectory, withIntermediateDirectories: true)
        try files.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        for folder in ["flows", "properties"] {
            try files.copyItem(atPath: Repository.root + "/" + folder, toPath: appDirectory + "/" + folder)
        }

        let run = try await DevRun.start(app: appDirectory, from: elsewhere)
        defer { run.process.kill() }
        #expect(try await run.send(.GET, "/authorize-procore").status == 200)
        #expect(try await run.interrupt() == 0)

        #expect(try StoredTokens.accessToken(in: appDirectory + "/.conduit/tokens/procore.json") != nil)
        #expect(files.fileExists(atPath: appDirectory + "/.conduit/sandbox/state.json"))
        #expect(!files.fileExists(atPath: elsewhere + "/.conduit"))
    }
}
