/// A connector configuration that is an object store (`<os:object-store name="…">`), so that
/// whatever names it (`objectStore="…"` on an `idempotent-message-validator`, a
/// `redelivery-policy` or an `os:` operation) finds the store without knowing its connector.
public protocol ObjectStoreConfiguration: ConnectorConfiguration {
    /// The store.
    var objectStore: ObjectStore { get }
}
