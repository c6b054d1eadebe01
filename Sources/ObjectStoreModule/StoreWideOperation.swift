import FlowCore
import FlowEngine

/// The operations on a whole store: `os:retrieve-all-keys` (an Array of the keys, oldest entry
/// first), `os:retrieve-all` (an Object of every key and value) and `os:clear` (removes every
/// entry; the event goes on unchanged).
struct StoreWideOperation: ObjectStoreOperation {
    enum Kind {
        case keys, all, clear
    }

    let store: ObjectStore
    let kind: Kind

    func execute(_ input: OperationInput) async throws(ConnectorError) -> Message {
        switch kind {
        case .keys:
            let keys = try await access { store throws(KeyValueStoreError) in try await store.keys() }
            return Message(payload: .array(keys.map { .string($0) }))
        case .all:
            let entries = try await access { store throws(KeyValueStoreError) in try await store.entries() }
            return Message(payload: .object(ValueObject(entries.map { ($0.key, $0.value) })))
        case .clear:
            try await access { store throws(KeyValueStoreError) in try await store.clear() }
            return input.message
        }
    }
}
