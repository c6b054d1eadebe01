import FlowCore
import FileConnector
import FlowEngine
import HTTPConnector
import ObjectStoreModule
import ProcoreConnector
import SpringModule
import ValidationModule

/// The connectors this executable ships; the only place that names them.
enum ConnectorCatalog {
    /// Every connector, for the engine.
    static let connectors: [any Connector] = HTTPFlowConnector.all + [ProcoreFlowConnector(), ValidationConnector(), ObjectStoreConnector(), FileConnector(), SpringConnector()]

    /// Their XML vocabularies, for the loader.
    static var declarations: [ConnectorDeclaration] { connectors.map(\.declaration) }
}
