import FlowCore

/// Everything an expression can read while one event passes: the message, variables, the error
/// being handled, and names from the app.
public struct EvaluationContext: Sendable {
    /// The message payload (`payload`).
    public var payload: Value
    /// The message attributes (`attributes`), for example the HTTP request's.
    public var attributes: Value
    /// The flow variables (`vars`).
    public var vars: ValueObject
    /// The error being handled (`error`), already shaped as Mule's error object; nil outside
    /// error handlers, where `error` reads as null. See ``errorObject(description:detailedDescription:namespace:identifier:errorMessage:)``.
    public var error: Value?
    /// The event's correlation id (`correlationId`).
    public var correlationId: String
    /// The running flow's name (`flow.name`).
    public var flowName: String
    /// The app's name (`app.name`).
    public var appName: String
    /// Resolves a configuration property for `p('key')` and `Mule::p('key')`; nil when unknown.
    public var property: @Sendable (String) -> String?

    /// Creates a context; every part has an empty default so tests and tools state only what they use.
    public init(
        payload: Value = .null,
        attributes: Value = .null,
        vars: ValueObject = ValueObject(),
        error: Value? = nil,
        correlationId: String = "",
        flowName: String = "",
        appName: String = "",
        property: @escaping @Sendable (String) -> String? = { _ in nil }
    ) {
        self.payload = payload
        self.attributes = attributes
        self.vars = vars
        self.error = error
        self.correlationId = correlationId
        self.flowName = flowName
        self.appName = appName
        self.property = property
    }

    /// Builds the `error` object the way Mule shapes it (mule-semantics §3.2).
    ///
    /// `errorType` is an object with `namespace` and `identifier`; in a template or `as String`
    /// it reads as `NAMESPACE:IDENTIFIER`. `errorMessage` is null when the failing component
    /// gave no message. `childErrors` is always empty here.
    public static func errorObject(
        description: String,
        detailedDescription: String? = nil,
        namespace: String,
        identifier: String,
        errorMessage: (payload: Value, attributes: Value)? = nil
    ) -> Value {
        var object = ValueObject()
        object.append("description", .string(description))
        object.append("detailedDescription", .string(detailedDescription ?? description))
        object.append("errorType", .object(ValueObject([("namespace", .string(namespace)),
                                                         ("identifier", .string(identifier))])))
        if let errorMessage {
            object.append("errorMessage", .object(ValueObject([("payload", errorMessage.payload),
                                                                ("attributes", errorMessage.attributes)])))
        } else {
            object.append("errorMessage", .null)
        }
        object.append("childErrors", .array([]))
        return .object(object)
    }
}
