import FlowCore
import FlowModel

/// A connector that builds object stores declared inline in another element
/// (`<os:private-object-store>` inside an `idempotent-message-validator`).
public protocol ObjectStoreProvider: Connector {
    /// The store `definition` declares, private to the element `owner` (a processor path such as
    /// `orders/processors/2`, which names the store when the definition gives no alias).
    func makePrivateObjectStore(_ definition: ComponentDefinition, owner: String,
                                context: ConnectorBuildContext) throws(DiagnosticList) -> ObjectStore
}
