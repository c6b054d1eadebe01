import Foundation
import FlowModel

extension AppOptions {
    /// The loader's options for these command-line options, with the connectors this build ships.
    func loadOptions() throws -> LoadOptions {
        LoadOptions(appDirectory: app, environment: env, defines: try parsedDefines(),
                    environmentVariables: ProcessInfo.processInfo.environment,
                    connectors: ConnectorCatalog.declarations)
    }
}
