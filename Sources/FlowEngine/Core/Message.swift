import FlowCore
import FlowFormats

/// A payload with its attributes: what an operation returns, and what a failing component can
/// attach to its error (`error.errorMessage`, such as a remote server's error response).
public struct Message: Sendable, Hashable {
    /// The body, with its media type; a received body stays bytes until something reads it.
    public var payload: TypedValue
    /// The metadata (for a remote response: status code, headers).
    public var attributes: Value
    /// The name of the attributes' type, when a component marks them for another one that
    /// recognises it, as Mule tells attributes apart by their Java class: the listener answers
    /// an error whose message carries `HttpListenerResponseAttributes` (a basic security
    /// filter's 401) with their status and headers. Nil for any other message.
    public var attributesType: String?

    /// Creates a message.
    public init(payload: TypedValue, attributes: Value = .null, attributesType: String? = nil) {
        self.payload = payload
        self.attributes = attributes
        self.attributesType = attributesType
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
