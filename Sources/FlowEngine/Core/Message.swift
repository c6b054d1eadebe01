import FlowCore
import FlowFormats

/// A payload with its attributes: what an operation returns, and what a failing component can
/// attach to its error (`error.errorMessage`, such as a remote server's error response).
public struct Message: Sendable, Hashable {
    /// The body, with its media type; a received body stays bytes until something reads it.
    public var payload: TypedValue
    /// The metadata (for a remote response: status code, headers).
    public var attributes: Value

    /// Creates a message.
    public init(payload: TypedValue, attributes: Value = .null) {
        self.payload = payload
        self.attributes = attributes
    }

    /// Creates a message whose payload is `payload` with no declared format.
    public init(payload: Value, attributes: Value = .null) {
        self.init(payload: TypedValue(payload), attributes: attributes)
    }

    /// `{payload: …, attributes: …}`, the shape expressions see; a payload whose bytes do not
    /// read as its media type shows as their text.
    public var value: Value {
        .object(ValueObject([("payload", payload.lenientValue), ("attributes", attributes)]))
    }
}
