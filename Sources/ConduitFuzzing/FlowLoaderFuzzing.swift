import FlowCore
import FlowEngine
import FileConnector
import FlowModel
import Foundation
import HTTPConnector
import Logging
import ObjectStoreModule
import ProcoreConnector
import SpringModule
import ValidationModule

/// `conduit validate` on one flow file: the input becomes `flows/fuzz.xml` of an otherwise empty
/// app, which is loaded and built with every connector the executable ships. Any bytes end in
/// diagnostics, and every problem in the file says where it is.
enum FlowLoaderFuzzing {
    /// The connectors of `conduit`'s `ConnectorCatalog` (a replay test keeps the two equal).
    static let connectors: [any Connector] = HTTPFlowConnector.all + [ProcoreFlowConnector(), ValidationConnector(), ObjectStoreConnector(), FileConnector(), SpringConnector()]

    /// One app directory per process, its flow file rewritten for each input.
    static let appDirectory: String = {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("conduit-fuzz-app-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.createDirectory(at: directory.appendingPathComponent("flows"), withIntermediateDirectories: true)
        return directory.path
    }()

    static func run(_ bytes: [UInt8]) throws(FuzzFinding) {
        let file = appDirectory + "/flows/fuzz.xml"
        guard FileManager.default.createFile(atPath: file, contents: Data(bytes)) else {
            throw FuzzFinding("could not write \(file)")
        }
        let loaded = AppLoader.load(LoadOptions(appDirectory: appDirectory, connectors: connectors.map(\.declaration)))
        let prepared = Runtime.prepare(loaded, connectors: connectors,
                                       options: RuntimeOptions(logHandlerFactory: { _ in SwiftLogNoOpLogHandler() }))
        for diagnostic in prepared.diagnostics where diagnostic.location.file.hasSuffix("fuzz.xml") {
            guard diagnostic.location.line >= 1, !diagnostic.message.isEmpty else {
                throw FuzzFinding("a problem in the flow file without a line or message: \(diagnostic)")
            }
        }
    }
}
