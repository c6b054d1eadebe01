import Foundation
import FlowCore
import FlowModel
import ConduitTestSupport
import ProcoreConnector

/// A throwaway app directory with the given files, for loader tests.
struct TestApp {
    /// The `<mule>` start tag used by ``wrap(_:)``: one line, so that wrapped content starts on line 2.
    static let muleStart = #"<mule xmlns="http://www.mulesoft.org/schema/mule/core" xmlns:http="http://www.mulesoft.org/schema/mule/http" xmlns:procore="http://www.mulesoft.org/schema/mule/procore" xmlns:doc="http://www.mulesoft.org/schema/mule/documentation">"#

    /// Wraps elements in a `<mule>` root whose start tag is line 1.
    static func wrap(_ body: String) -> String { "\(muleStart)\n\(body)\n</mule>\n" }

    let directory: String

    /// Writes `files` (paths relative to the app directory) into a new temporary directory.
    init(_ files: [String: String]) throws {
        directory = try TemporaryAppDirectory(files, prefix: "conduit-model").path
    }

    /// Loads the app with the HTTP and Procore connectors registered.
    func load(env: String? = nil, defines: [(String, String)] = [], environment: [String: String] = [:]) -> LoadResult {
        AppLoader.load(LoadOptions(appDirectory: directory, environment: env, defines: defines,
                                   environmentVariables: environment, connectors: ProcoreConnectorFixture.declarations))
    }

    /// Loads and returns every diagnostic as printed.
    func messages(env: String? = nil, defines: [(String, String)] = [], environment: [String: String] = [:]) -> [String] {
        load(env: env, defines: defines, environment: environment).diagnostics.map(\.description)
    }

    /// The repository's own directory (for the sample app).
    static var repositoryRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }
}
