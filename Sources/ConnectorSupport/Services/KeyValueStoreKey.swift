import FlowEngine

/// The ``ServiceRegistry`` key of the app's ``KeyValueStore``: set it in `RuntimeOptions.services`
/// to keep connectors' and object stores' values somewhere other than their default files.
public enum KeyValueStoreKey: ServiceKey {
    /// The store; connectors separate their data by partition.
    public typealias Value = any KeyValueStore
}

extension ServiceRegistry {
    /// The registered ``KeyValueStoreKey`` store, else a ``FileKeyValueStore`` in `defaultDirectory`.
    public func keyValueStore(defaultDirectory: String) -> any KeyValueStore {
        self[KeyValueStoreKey.self] ?? FileKeyValueStore(directory: defaultDirectory)
    }
}
