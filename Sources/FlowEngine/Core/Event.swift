import FlowCore
import FlowFormats

/// What travels through a flow: the message (payload and attributes), the flow variables, the
/// error being handled (inside an error handler), who sent it once a security filter checked
/// (its authentication) and the correlation id.
///
/// A value type: every processor receives an event and returns a new one, so a scope can keep
/// its input and restore it (`foreach`, `until-successful`, `target`).
public struct Event: Sendable {
    /// The message body (`payload` in expressions) with its media type. A body received from
    /// outside stays its original bytes until something reads it (``TypedValue``).
    public var payload: TypedValue
    /// The message metadata (`attributes`), such as the HTTP request's method and headers.
    public var attributes: Value
    /// The flow variables (`vars`).
    public var vars: ValueObject
    /// The error being handled; set only while an error handler runs and on a failed outcome.
    public var error: FlowError?
    /// The id that ties together everything done for one request (`correlationId`).
    public let correlationId: String
    /// Who sent the event, set by a security filter (`authentication` in expressions); nil until
    /// one has checked.
    public var authentication: Authentication?

    /// Creates an event.
    public init(payload: TypedValue = TypedValue(.null), attributes: Value = .null, vars: ValueObject = ValueObject(), error: FlowError? = nil,
                correlationId: String) {
        self.payload = payload
        self.attributes = attributes
        self.vars = vars
        self.error = error
        self.correlationId = correlationId
    }

    /// Creates an event whose payload is `payload` with no declared format.
    public init(payload: Value, attributes: Value = .null, vars: ValueObject = ValueObject(), error: FlowError? = nil, correlationId: String) {
        self.init(payload: TypedValue(payload), attributes: attributes, vars: vars, error: error, correlationId: correlationId)
    }

    /// The payload and attributes together.
    public var message: Message {
        get { Message(payload: payload, attributes: attributes) }
        set {
            payload = newValue.payload
            attributes = newValue.attributes
        }
    }
}
