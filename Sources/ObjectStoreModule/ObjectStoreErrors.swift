import FlowCore
import FlowEngine

/// The connector's errors, with Mule's types and messages (`ObjectStoreOperations`).
enum ObjectStoreErrors {
    private static func type(_ identifier: String) -> ErrorTypeName { ErrorTypeName(namespace: "OS", identifier: identifier) }

    /// `OS:INVALID_KEY`: the key is null or blank.
    static let invalidKey = ConnectorError(type: type("INVALID_KEY"), message: "Key cannot be null nor empty")

    /// `OS:NULL_VALUE`: `os:store` got a null value with `failOnNullValue="true"`.
    static let nullValue = ConnectorError(type: type("NULL_VALUE"),
                                          message: "A null value was provided. Please provide a non-null value or set the 'failOnNullValue' parameter to 'false'")

    /// `OS:KEY_ALREADY_EXISTS`: `os:store` with `failIfPresent="true"` on a key that holds a value.
    static func keyAlreadyExists(_ key: String) -> ConnectorError {
        ConnectorError(type: type("KEY_ALREADY_EXISTS"), message: "ObjectStore already contains an object for key '\(key)'")
    }

    /// `OS:KEY_NOT_FOUND` from `os:retrieve` without a usable default.
    static func notFoundForRetrieve(_ key: String, store: String) -> ConnectorError {
        ConnectorError(type: type("KEY_NOT_FOUND"),
                       message: "ObjectStore '\(store)' doesn't contain any value for key '\(key)' and default value was not provided or resolved to a null value.")
    }

    /// `OS:KEY_NOT_FOUND` from `os:remove`.
    static func notFoundForRemove(_ key: String) -> ConnectorError {
        ConnectorError(type: type("KEY_NOT_FOUND"), message: "ObjectStore doesn't contain any value for key '\(key)'")
    }

    /// `OS:STORE_NOT_AVAILABLE`: the entries cannot be read or written (a damaged file, a
    /// database that is down); Mule's message, then why.
    static func unavailable(_ failure: KeyValueStoreError) -> ConnectorError {
        ConnectorError(type: type("STORE_NOT_AVAILABLE"), message: "ObjectStore is not available at the moment",
                       detailedMessage: "ObjectStore is not available at the moment: \(failure)")
    }
}
