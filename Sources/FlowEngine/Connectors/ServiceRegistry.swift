/// The key of one service in a ``ServiceRegistry``: a type whose `Value` is what is stored under it.
///
/// Keys are declared by whoever defines the service (a token storage key in the connector
/// support library), so the engine carries services without knowing their types, the way
/// SwiftUI's `EnvironmentKey` works.
public protocol ServiceKey {
    /// What is stored under the key.
    associatedtype Value: Sendable
}

/// Services the executable provides to connectors (a token storage, a key-value store), typed
/// by their ``ServiceKey``.
///
/// The executable fills it in ``RuntimeOptions/services``; connectors read it from
/// ``ConnectorBuildContext/services`` and fall back to their own defaults when a key is unset,
/// so another implementation (a database shared by a cluster) plugs in without connectors knowing.
public struct ServiceRegistry: Sendable {
    private var values: [ObjectIdentifier: any Sendable] = [:]

    /// An empty registry.
    public init() {}

    /// The service stored under `key`, or nil; setting nil removes it.
    public subscript<Key: ServiceKey>(_ key: Key.Type) -> Key.Value? {
        get { values[ObjectIdentifier(key)] as? Key.Value }
        set { values[ObjectIdentifier(key)] = newValue }
    }

    /// Whether nothing is registered.
    public var isEmpty: Bool { values.isEmpty }
}
