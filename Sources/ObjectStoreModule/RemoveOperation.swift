import FlowCore
import FlowEngine
import FlowModel

/// `os:remove`: removes the value under `key` (`OS:KEY_NOT_FOUND` when there is none); the event
/// goes on unchanged.
struct RemoveOperation: ObjectStoreOperation {
    let store: ObjectStore
    let key: ParameterValue

    func execute(_ input: OperationInput) async throws(ConnectorError) -> Message {
        let key = try ObjectStoreKey.evaluate(key, input)
        guard try await access({ store throws(KeyValueStoreError) in try await store.remove(key) }) != nil else {
            throw ObjectStoreErrors.notFoundForRemove(key)
        }
        return input.message
    }
}
