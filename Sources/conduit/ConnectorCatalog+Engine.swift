import FlowEngine
import ProcoreConnector

extension ConnectorCatalog {
    /// What the engine needs to build the connectors' configurations and operations.
    static let connectors: [any Connector] = [ProcoreFlowConnector()]
}
