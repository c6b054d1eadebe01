/// The ``ServiceRegistry`` key of the store that keeps the entries of transient object stores
/// (`persistent="false"`, and the internal stores of `idempotent-message-validator` and
/// `redelivery-policy`); unset, they live in this process's memory (``MemoryKeyValueStore``).
///
/// A cluster sets it to the store its nodes share: in Mule's cluster every object store,
/// persistent or not, is shared by the nodes, so an id one node's validator accepted is a
/// duplicate on every other node.
public enum TransientKeyValueStoreKey: ServiceKey {
    /// The store; object stores separate their entries by partition.
    public typealias Value = any KeyValueStore
}
