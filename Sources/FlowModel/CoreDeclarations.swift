import FlowCore

/// The elements of Mule's core namespace that Conduit implements, with their attributes as in
/// Mule's extension model (mule-semantics §1).
enum CoreDeclarations {
    static let errorHandlerStereotype = "MULE:ERROR_HANDLER"
    static let flowStereotype = "MULE:FLOW"
    /// The stereotype of `<object>`: a Java bean Conduit does not instantiate.
    static let objectStereotype = "MULE:OBJECT"
    /// The stereotype of an `os:object-store`, which core elements may name in `objectStore`.
    static let objectStoreStereotype = "OS:OBJECT_STORE"

    private static let onErrorParameters: [ParameterDeclaration] = [
        ParameterDeclaration("type", kind: .errorTypes),
        ParameterDeclaration("when", kind: .bareExpression),
        ParameterDeclaration("logException", kind: .boolean),
        ParameterDeclaration("enableNotifications", kind: .boolean),
        ParameterDeclaration("name"),
    ]

    /// The processors that may appear in a flow, sub-flow, scope or handler.
    static let processorNames: Set<String> = [
        "logger", "set-payload", "set-variable", "remove-variable", "flow-ref", "choice", "try",
        "raise-error", "until-successful", "foreach", "async", "parse-template", "scatter-gather", "first-successful", "round-robin",
        "idempotent-message-validator",
    ]

    static let elements: [ElementDeclaration] = [
        ElementDeclaration("mule", role: .nested, parameters: []),
        ElementDeclaration("configuration-properties", role: .nested, parameters: [
            ParameterDeclaration("file", required: true), ParameterDeclaration("encoding"),
        ]),
        ElementDeclaration("global-property", role: .nested, parameters: [
            ParameterDeclaration("name", required: true), ParameterDeclaration("value", required: true),
        ]),
        ElementDeclaration("configuration", role: .nested, parameters: [
            ParameterDeclaration("defaultErrorHandler-ref", kind: .reference(stereotype: errorHandlerStereotype)),
            ParameterDeclaration("defaultResponseTimeout", kind: .integer),
            ParameterDeclaration("defaultTransactionTimeout", kind: .integer),
            ParameterDeclaration("shutdownTimeout", kind: .integer),
            ParameterDeclaration("correlationIdGeneratorExpression", kind: .expression),
        ]),
        ElementDeclaration("import", role: .nested, parameters: [ParameterDeclaration("file", required: true)]),
        ElementDeclaration("flow", role: .global(stereotype: flowStereotype), parameters: [
            ParameterDeclaration("name", required: true),
            ParameterDeclaration("initialState", kind: .enumeration(["started", "stopped"])),
            ParameterDeclaration("maxConcurrency", kind: .integer),
        ]),
        ElementDeclaration("scheduler", role: .source, parameters: [
            ParameterDeclaration("disallowConcurrentExecution", kind: .boolean),
        ], children: ["scheduling-strategy"]),
        ElementDeclaration("scheduling-strategy", role: .nested, parameters: [], children: ["fixed-frequency", "cron"]),
        ElementDeclaration("fixed-frequency", role: .nested, parameters: [
            ParameterDeclaration("frequency", kind: .integer),
            ParameterDeclaration("startDelay", kind: .integer),
            ParameterDeclaration("timeUnit", kind: .enumeration(["MILLISECONDS", "SECONDS", "MINUTES", "HOURS", "DAYS"])),
        ]),
        ElementDeclaration("cron", role: .nested, parameters: [
            ParameterDeclaration("expression", required: true),
            ParameterDeclaration("timeZone"),
        ]),
        ElementDeclaration("sub-flow", role: .global(stereotype: "MULE:SUB_FLOW"), parameters: [
            ParameterDeclaration("name", required: true),
        ]),
        ElementDeclaration("logger", role: .operation, parameters: [
            ParameterDeclaration("message", kind: .template),
            ParameterDeclaration("level", kind: .enumeration(LogLevel.allCases.map(\.rawValue))),
            ParameterDeclaration("category"),
        ]),
        ElementDeclaration("set-payload", role: .operation, parameters: [
            ParameterDeclaration("value", required: true, kind: .template),
            ParameterDeclaration("mimeType"), ParameterDeclaration("encoding"),
        ]),
        ElementDeclaration("set-variable", role: .operation, parameters: [
            ParameterDeclaration("variableName", required: true),
            ParameterDeclaration("value", required: true, kind: .template),
            ParameterDeclaration("mimeType"), ParameterDeclaration("encoding"),
        ]),
        ElementDeclaration("remove-variable", role: .operation, parameters: [
            ParameterDeclaration("variableName", required: true),
        ]),
        ElementDeclaration("flow-ref", role: .operation, parameters: [
            ParameterDeclaration("name", required: true, kind: .flowReference),
            ParameterDeclaration("target"),
            ParameterDeclaration("targetValue", kind: .expression),
        ]),
        ElementDeclaration("choice", role: .operation, parameters: [], children: ["when", "otherwise"]),
        ElementDeclaration("when", role: .nested, parameters: [
            ParameterDeclaration("expression", required: true, kind: .bareExpression),
        ]),
        ElementDeclaration("otherwise", role: .nested, parameters: []),
        ElementDeclaration("try", role: .operation, parameters: [
            ParameterDeclaration("transactionalAction", kind: .enumeration(["INDIFFERENT", "ALWAYS_BEGIN", "BEGIN_OR_JOIN"])),
            ParameterDeclaration("transactionType", kind: .enumeration(["LOCAL", "XA"])),
        ]),
        ElementDeclaration("raise-error", role: .operation, parameters: [
            ParameterDeclaration("type", required: true),
            ParameterDeclaration("description", kind: .template),
        ]),
        ElementDeclaration("until-successful", role: .operation, parameters: [
            ParameterDeclaration("maxRetries", kind: .integer),
            ParameterDeclaration("millisBetweenRetries", kind: .integer),
        ]),
        ElementDeclaration("parse-template", role: .operation, parameters: [
            ParameterDeclaration("location"),
            ParameterDeclaration("outputMimeType"),
            ParameterDeclaration("outputEncoding"),
            ParameterDeclaration("target"),
            ParameterDeclaration("targetValue", kind: .expression),
        ], children: ["content"]),
        ElementDeclaration("content", role: .nested, parameters: [], text: .template),
        ElementDeclaration("error-mapping", role: .nested, parameters: [
            ParameterDeclaration("sourceType"),
            ParameterDeclaration("targetType", required: true),
        ]),
        ElementDeclaration("scatter-gather", role: .operation, parameters: [
            ParameterDeclaration("timeout", kind: .integer),
            ParameterDeclaration("maxConcurrency", kind: .integer),
            ParameterDeclaration("target"),
            ParameterDeclaration("targetValue", kind: .expression),
        ], children: ["route", "collect-list"]),
        ElementDeclaration("route", role: .nested, parameters: []),
        ElementDeclaration("first-successful", role: .operation, parameters: [], children: ["route"]),
        ElementDeclaration("round-robin", role: .operation, parameters: [], children: ["route"]),
        ElementDeclaration("collect-list", role: .nested, parameters: []),
        ElementDeclaration("async", role: .operation, parameters: [
            ParameterDeclaration("name"),
            ParameterDeclaration("maxConcurrency", kind: .integer),
        ]),
        ElementDeclaration("foreach", role: .operation, parameters: [
            ParameterDeclaration("collection", kind: .bareExpression),
            ParameterDeclaration("batchSize", kind: .integer),
            ParameterDeclaration("counterVariableName"),
            ParameterDeclaration("rootMessageVariableName"),
        ]),
        ElementDeclaration("idempotent-message-validator", role: .operation, parameters: [
            ParameterDeclaration("idExpression", kind: .expression),
            ParameterDeclaration("valueExpression", kind: .expression),
            ParameterDeclaration("objectStore", kind: .reference(stereotype: objectStoreStereotype)),
            ParameterDeclaration("storePrefix"),
        ], children: ["os:private-object-store"]),
        // Inside a message source (`<http:listener>`): counts the failed deliveries of a message.
        ElementDeclaration("redelivery-policy", role: .nested, parameters: [
            ParameterDeclaration("maxRedeliveryCount", kind: .integer),
            ParameterDeclaration("idExpression", kind: .expression),
            ParameterDeclaration("useSecureHash", kind: .boolean),
            ParameterDeclaration("messageDigestAlgorithm"),
            ParameterDeclaration("objectStore", kind: .reference(stereotype: objectStoreStereotype)),
        ], children: ["os:private-object-store"]),
        // Inside a connection provider (`<http:request-connection>`) or an operation.
        ElementDeclaration("reconnection", role: .nested, parameters: [
            ParameterDeclaration("failsDeployment", kind: .boolean),
        ], children: ["reconnect", "reconnect-forever"]),
        ElementDeclaration("reconnect", role: .nested, parameters: [
            ParameterDeclaration("frequency", kind: .integer),
            ParameterDeclaration("count", kind: .integer),
            ParameterDeclaration("blocking", kind: .boolean),
        ]),
        ElementDeclaration("reconnect-forever", role: .nested, parameters: [
            ParameterDeclaration("frequency", kind: .integer),
            ParameterDeclaration("blocking", kind: .boolean),
        ]),
        // A Spring-style Java bean: accepted, never instantiated (Conduit runs no Java).
        ElementDeclaration("object", role: .global(stereotype: objectStereotype), parameters: [
            ParameterDeclaration("name", required: true),
            ParameterDeclaration("class"),
            ParameterDeclaration("ref"),
        ], children: ["property"]),
        ElementDeclaration("property", role: .nested, parameters: [
            ParameterDeclaration("key", required: true),
            ParameterDeclaration("value"),
        ]),
        ElementDeclaration("error-handler", role: .global(stereotype: errorHandlerStereotype), parameters: [
            ParameterDeclaration("name"),
            ParameterDeclaration("ref", kind: .reference(stereotype: errorHandlerStereotype)),
        ], children: ["on-error-propagate", "on-error-continue", "on-error"]),
        ElementDeclaration("on-error-propagate", role: .nested, parameters: onErrorParameters),
        ElementDeclaration("on-error-continue", role: .nested, parameters: onErrorParameters),
        ElementDeclaration("on-error", role: .nested, parameters: [ParameterDeclaration("ref", required: true)]),
    ]

    /// The `secure-properties` namespace.
    static let securePropertiesElements: [ElementDeclaration] = [
        ElementDeclaration("config", role: .global(stereotype: "SECURE-PROPERTIES:CONFIG"), parameters: [
            ParameterDeclaration("name", required: true),
            ParameterDeclaration("key", required: true, secret: true),
            ParameterDeclaration("file", required: true),
            ParameterDeclaration("encoding"),
            ParameterDeclaration("fileLevelEncryption", kind: .boolean),
        ], children: ["encrypt"]),
        ElementDeclaration("encrypt", role: .nested, parameters: [
            ParameterDeclaration("algorithm"),
            ParameterDeclaration("mode"),
            ParameterDeclaration("useRandomIVs", kind: .boolean),
        ]),
    ]

    /// Prefixes and URIs of Mule modules Conduit does not implement, to name them in errors.
    static let knownUnsupportedPrefixes: [String: String] = [
        "http://www.mulesoft.org/schema/mule/salesforce": "salesforce",
        "http://www.mulesoft.org/schema/mule/db": "db",
        "http://www.mulesoft.org/schema/mule/mule-apikit": "apikit",
    ]
}
