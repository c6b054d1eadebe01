import FlowCore

/// A payload with its attributes: what an operation returns, and what a failing component can
/// attach to its error (`error.errorMessage`, such as a remote server's error response).
public struct Message: Sendable, Hashable {
    /// The body.
    public var payload: Value
    /// The metadata (for a remote response: status code, headers).
    public var attributes: Value

    /// Creates a message.
    public init(payload: Value, attributes: Value = .null) {
        self.payload = payload
        self.attributes = attributes
    }

    /// `{payload: …, attributes: …}`, the shape expressions see.
    public var value: Value {
        .object(ValueObject([("payload", payload), ("attributes", attributes)]))
    }
}
