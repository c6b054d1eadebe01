import FlowCore
import FlowEngine
import FlowModel

/// `os:store`: stores `<os:value>` (default the payload) under `key`; the event goes on unchanged.
struct StoreOperation: ObjectStoreOperation {
    let store: ObjectStore
    let key: ParameterValue
    let value: ParameterValue?
    let failIfPresent: ParameterValue?
    let failOnNullValue: ParameterValue?

    func execute(_ input: OperationInput) async throws(ConnectorError) -> Message {
        let value: Value
        if let parameter = self.value {
            value = try input.evaluate(parameter)
        } else {
            value = try input.payloadValue()
        }
        // Mule checks the value before the key.
        if value.isNull {
            if try flag(failOnNullValue, default: true, input) { throw ObjectStoreErrors.nullValue }
            return input.message
        }
        let key = try ObjectStoreKey.evaluate(key, input)
        if try flag(failIfPresent, default: false, input) {
            let stored = try await access { store throws(KeyValueStoreError) in try await store.insert(value, forKey: key) }
            if !stored { throw ObjectStoreErrors.keyAlreadyExists(key) }
        } else {
            try await access { store throws(KeyValueStoreError) in try await store.store(value, forKey: key) }
        }
        return input.message
    }

    private func flag(_ parameter: ParameterValue?, default value: Bool, _ input: OperationInput) throws(ConnectorError) -> Bool {
        guard let parameter else { return value }
        switch try input.evaluate(parameter) {
        case .bool(let flag): return flag
        case .string(let text) where text == "true" || text == "false": return text == "true"
        case let other:
            throw ConnectorError(type: ErrorTypeName(namespace: "MULE", identifier: "EXPRESSION"),
                                 message: "Parameter '\(parameter.name)' must be true or false, got \(ValueText.render(other))")
        }
    }
}
