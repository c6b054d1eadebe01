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
        directory = try TemporaryAppDirectory(files, prefix: "conduit-http").path
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
