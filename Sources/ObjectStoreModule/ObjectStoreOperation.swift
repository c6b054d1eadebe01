import FlowCore
import FlowEngine
import FlowModel

/// What every `os:` operation shares: the store it works on and the translation of a failing
/// store into `OS:STORE_NOT_AVAILABLE`.
protocol ObjectStoreOperation: ConnectorOperation {
    var store: ObjectStore { get }
}

extension ObjectStoreOperation {
    /// Runs one step of the store, turning its failure into the connector's error.
    func access<Result>(_ step: (ObjectStore) async throws(KeyValueStoreError) -> Result) async throws(ConnectorError) -> Result {
        do { return try await step(store) } catch { throw ObjectStoreErrors.unavailable(error) }
    }
}
