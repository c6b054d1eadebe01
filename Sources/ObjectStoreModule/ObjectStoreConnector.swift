import FlowCore
import FlowEngine
import FlowModel

/// Mule's Object Store connector: `os:object-store` and `os:private-object-store` (persistent
/// in the app's key-value store, or in memory), `os:config`, and the operations `store`,
/// `retrieve`, `contains`, `remove`, `retrieve-all-keys`, `retrieve-all` and `clear`.
public struct ObjectStoreConnector: ObjectStoreProvider {
    /// Creates the connector.
    public init() {}

    /// The `os` vocabulary.
    public var declaration: ConnectorDeclaration { ObjectStoreDeclaration.connector }

    /// Builds an `os:object-store` (a store other elements name) or an `os:config`.
    public func makeConfiguration(_ definition: ComponentDefinition, context: ConnectorBuildContext) throws(DiagnosticList) -> any ConnectorConfiguration {
        let name = definition.parameters["name"]?.text ?? ""
        guard definition.name == "object-store" else {
            if let reconnection = definition.child("connection")?.children.first {
                context.warning("<reconnection> in <os:connection> has no effect: Conduit's object stores need no connection.",
                                at: reconnection.location)
            }
            return ObjectStoreConfig(name: name)
        }
        let settings = try ObjectStoreSettings(definition) { context.warning($0, at: $1) }
        return DeclaredObjectStore(objectStore: try AppObjectStores.of(context).makeStore(named: name, settings: settings,
                                                                                            at: definition.location))
    }

    /// Builds an inline `os:private-object-store`: named by its `alias`, else by `owner` (the
    /// element's path), which stays the same across restarts so a persistent one keeps its entries.
    public func makePrivateObjectStore(_ definition: ComponentDefinition, owner: String,
                                       context: ConnectorBuildContext) throws(DiagnosticList) -> ObjectStore {
        let settings = try ObjectStoreSettings(definition) { context.warning($0, at: $1) }
        let name = definition.parameters["alias"]?.text ?? owner
        return try AppObjectStores.of(context).makeStore(named: name, settings: settings, at: definition.location)
    }

    /// Operations are built with ``makeOperation(_:configuration:context:)``, which can find
    /// the stores they name.
    public func makeOperation(_ definition: ComponentDefinition, configuration: (any ConnectorConfiguration)?) throws(DiagnosticList) -> any ConnectorOperation {
        throw DiagnosticList([.error("<\(definition.qualifiedName)> needs the app's object stores to be built.", at: definition.location)])
    }

    /// Builds an operation on the store its `objectStore` names, else on the app's default store.
    public func makeOperation(_ definition: ComponentDefinition, configuration: (any ConnectorConfiguration)?,
                              context: ConnectorBuildContext) throws(DiagnosticList) -> any ConnectorOperation {
        let store = try self.store(for: definition, context: context)
        let key = definition.parameters["key"]
        func requiredKey() throws(DiagnosticList) -> ParameterValue {
            guard let key else {
                throw DiagnosticList([.error("Element <\(definition.qualifiedName)> is missing required parameter 'key'.", at: definition.location)])
            }
            return key
        }
        switch definition.name {
        case "store":
            return StoreOperation(store: store, key: try requiredKey(), value: definition.child("value")?.text,
                                  failIfPresent: definition.parameters["failIfPresent"], failOnNullValue: definition.parameters["failOnNullValue"])
        case "retrieve":
            return RetrieveOperation(store: store, key: try requiredKey(), defaultValue: definition.child("default-value")?.text)
        case "contains": return ContainsOperation(store: store, key: try requiredKey())
        case "remove": return RemoveOperation(store: store, key: try requiredKey())
        case "retrieve-all-keys": return StoreWideOperation(store: store, kind: .keys)
        case "retrieve-all": return StoreWideOperation(store: store, kind: .all)
        case "clear": return StoreWideOperation(store: store, kind: .clear)
        default:
            throw DiagnosticList([.error("Element <\(definition.qualifiedName)> is not an operation.", at: definition.location)])
        }
    }

    private func store(for definition: ComponentDefinition, context: ConnectorBuildContext) throws(DiagnosticList) -> ObjectStore {
        guard let reference = definition.parameters["objectStore"] else { return AppObjectStores.of(context).defaultObjectStore }
        guard let configuration = context.configuration(named: reference.text) else {
            // A store that failed to build reported why; a missing one the loader reported.
            throw DiagnosticList([])
        }
        guard let declared = configuration as? any ObjectStoreConfiguration else {
            throw DiagnosticList([.error("'\(reference.text)' is not an object store.", at: reference.valueLocation)])
        }
        return declared.objectStore
    }
}
