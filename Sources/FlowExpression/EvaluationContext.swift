import FlowCore
import FlowFormats

/// Everything an expression can read while one event passes: the message, variables, the error
/// being handled, and names from the app.
///
/// The parts live in one shared box: every expression evaluation takes a copy of the context, and
/// a copy of eight separately counted parts cost more than many expressions themselves.
public struct EvaluationContext: Sendable {
    private struct Parts: Sendable {
        var payload: TypedValue
        var attributes: Value
        var vars: ValueObject
        var error: Value?
        var correlationId: String
        var authentication: Value
        var flowName: String
        var appName: String
        var property: @Sendable (String) -> String?
        var isSecretProperty: @Sendable (String) -> Bool
        var log: (@Sendable (String) -> Void)?
    }

    private var parts: CopyOnWriteBox<Parts>

    /// The message payload (`payload`) with its media type; a body received from outside is read
    /// the first time an expression selects from it, so an expression that never names `payload`
    /// never parses it.
    public var payload: TypedValue {
        get { parts.value.payload }
        set { parts.value.payload = newValue }
    }
    /// The message attributes (`attributes`), for example the HTTP request's.
    public var attributes: Value {
        get { parts.value.attributes }
        set { parts.value.attributes = newValue }
    }
    /// The flow variables (`vars`).
    public var vars: ValueObject {
        get { parts.value.vars }
        set { parts.value.vars = newValue }
    }
    /// The error being handled (`error`), already shaped as Mule's error object; nil outside
    /// error handlers, where `error` reads as null. See ``errorObject(description:detailedDescription:namespace:identifier:errorMessage:)``.
    public var error: Value? {
        get { parts.value.error }
        set { parts.value.error = newValue }
    }
    /// The event's correlation id (`correlationId`).
    public var correlationId: String {
        get { parts.value.correlationId }
        set { parts.value.correlationId = newValue }
    }
    /// Who sent the event once a security filter checked (`authentication`: `principal`,
    /// `credentials`, `properties`); null before.
    public var authentication: Value {
        get { parts.value.authentication }
        set { parts.value.authentication = newValue }
    }
    /// The running flow's name (`flow.name`).
    public var flowName: String {
        get { parts.value.flowName }
        set { parts.value.flowName = newValue }
    }
    /// The app's name (`app.name`).
    public var appName: String {
        get { parts.value.appName }
        set { parts.value.appName = newValue }
    }
    /// Resolves a configuration property for `p('key')` and `Mule::p('key')`; nil when unknown.
    public var property: @Sendable (String) -> String? {
        get { parts.value.property }
        set { parts.value.property = newValue }
    }

    /// Whether a property key is secret (`secure::` keys); a failing expression that read one
    /// shows no values in its message.
    public var isSecretProperty: @Sendable (String) -> Bool {
        get { parts.value.isSecretProperty }
        set { parts.value.isSecretProperty = newValue }
    }

    /// Where DataWeave's `log` function writes its line (`prefix - value`); nil drops it.
    public var log: (@Sendable (String) -> Void)? {
        get { parts.value.log }
        set { parts.value.log = newValue }
    }

    /// Creates a context; every part has an empty default so tests and tools state only what they use.
    public init(
        payload: TypedValue = TypedValue(.null),
        attributes: Value = .null,
        vars: ValueObject = ValueObject(),
        error: Value? = nil,
        correlationId: String = "",
        authentication: Value = .null,
        flowName: String = "",
        appName: String = "",
        property: @escaping @Sendable (String) -> String? = { _ in nil },
        isSecretProperty: @escaping @Sendable (String) -> Bool = { $0.hasPrefix("secure::") },
        log: (@Sendable (String) -> Void)? = nil
    ) {
        parts = CopyOnWriteBox(Parts(payload: payload, attributes: attributes, vars: vars, error: error,
                                     correlationId: correlationId, authentication: authentication, flowName: flowName, appName: appName,
                                     property: property, isSecretProperty: isSecretProperty, log: log))
    }

    /// Creates a context whose payload is `payload` with no declared format.
    public init(
        payload: Value,
        attributes: Value = .null,
        vars: ValueObject = ValueObject(),
        error: Value? = nil,
        correlationId: String = "",
        flowName: String = "",
        appName: String = "",
        property: @escaping @Sendable (String) -> String? = { _ in nil },
        isSecretProperty: @escaping @Sendable (String) -> Bool = { $0.hasPrefix("secure::") }
    ) {
        self.init(payload: TypedValue(payload), attributes: attributes, vars: vars, error: error, correlationId: correlationId,
                  flowName: flowName, appName: appName, property: property, isSecretProperty: isSecretProperty)
    }

    /// Builds the `error` object the way Mule shapes it (mule-semantics §3.2).
    ///
    /// `errorType` is an object with `namespace`, `identifier` and `parentErrorType` (the same
    /// shape for the parent, `parents` from the nearest up; null above the last); in a template or
    /// `as String` it reads as `NAMESPACE:IDENTIFIER`. `errorMessage` is null when the failing
    /// component gave no message. `childErrors` is always empty here.
    public static func errorObject(
        description: String,
        detailedDescription: String? = nil,
        namespace: String,
        identifier: String,
        parents: [(namespace: String, identifier: String)] = [],
        errorMessage: (payload: Value, attributes: Value)? = nil
    ) -> Value {
        var object = ValueObject()
        object.append("description", .string(description))
        object.append("detailedDescription", .string(detailedDescription ?? description))
        var parentType = Value.null
        for parent in parents.reversed() {
            parentType = errorType(namespace: parent.namespace, identifier: parent.identifier, parent: parentType)
        }
        object.append("errorType", errorType(namespace: namespace, identifier: identifier, parent: parentType))
        if let errorMessage {
            object.append("errorMessage", .object(ValueObject([("payload", errorMessage.payload),
                                                                ("attributes", errorMessage.attributes)])))
        } else {
            object.append("errorMessage", .null)
        }
        object.append("childErrors", .array([]))
        return .object(object)
    }

    /// Mule's error type object: `{namespace, identifier, parentErrorType}`.
    private static func errorType(namespace: String, identifier: String, parent: Value) -> Value {
        .object(ValueObject([("namespace", .string(namespace)), ("identifier", .string(identifier)), ("parentErrorType", parent)]))
    }
}
