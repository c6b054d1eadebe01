import ConduitTestSupport
import FlowCore
import FlowEngine
import FlowModel
import Foundation
import HTTPConnector
import Logging

/// A throwaway app directory with the given files, loaded and built (not started) with the HTTP
/// module, as `conduit validate` does.
struct AppDirectory {
    let directory: String

    /// Writes `files` (paths relative to the app directory) into a new temporary directory.
    init(_ files: [String: String]) throws {
        directory = NSTemporaryDirectory() + "conduit-http-\(UUID().uuidString)"
        for (path, content) in files {
            let full = (directory as NSString).appendingPathComponent(path)
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try content.write(toFile: full, atomically: true, encoding: .utf8)
        }
    }

    /// The runtime when nothing is wrong, and every diagnostic of the loader and the build step.
    func prepare() -> (runtime: Runtime?, diagnostics: [Diagnostic]) {
        let loaded = AppLoader.load(LoadOptions(appDirectory: directory, connectors: TestApp.standardConnectors.map(\.declaration)))
        return Runtime.prepare(loaded, connectors: TestApp.standardConnectors,
                               options: RuntimeOptions(logHandlerFactory: { _ in SwiftLogNoOpLogHandler() }))
    }

    /// Every diagnostic as printed.
    func messages() -> [String] { prepare().diagnostics.map(\.description) }
}
