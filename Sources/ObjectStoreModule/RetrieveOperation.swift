import FlowCore
import FlowEngine
import FlowModel

/// `os:retrieve`: the value under `key` as the payload (attributes null); when there is none,
/// `<os:default-value>` if it is given and not null (and not stored), else `OS:KEY_NOT_FOUND`.
struct RetrieveOperation: ObjectStoreOperation {
    let store: ObjectStore
    let key: ParameterValue
    let defaultValue: ParameterValue?

    func execute(_ input: OperationInput) async throws(ConnectorError) -> Message {
        let key = try ObjectStoreKey.evaluate(key, input)
        if let value = try await access({ store throws(KeyValueStoreError) in try await store.retrieve(key) }) {
            return Message(payload: value)
        }
        if let defaultValue {
            let value = try input.evaluate(defaultValue)
            if !value.isNull { return Message(payload: value) }
        }
        throw ObjectStoreErrors.notFoundForRetrieve(key, store: store.name)
    }
}
