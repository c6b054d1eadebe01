import FlowCore
import FlowEngine
import FlowModel

/// `os:contains`: whether a value is stored under `key`, as a Boolean payload.
struct ContainsOperation: ObjectStoreOperation {
    let store: ObjectStore
    let key: ParameterValue

    func execute(_ input: OperationInput) async throws(ConnectorError) -> Message {
        let key = try ObjectStoreKey.evaluate(key, input)
        return Message(payload: .bool(try await access { store throws(KeyValueStoreError) in try await store.contains(key) }))
    }
}
