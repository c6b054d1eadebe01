import FlowCore

/// The Procore connector's XML vocabulary and error types, as the loader sees them.
public enum ProcoreDeclaration {
    /// The Mule SDK's default namespace for the `procore` prefix.
    package static let namespaceURI = "http://www.mulesoft.org/schema/mule/procore"

    /// The stereotype of `procore:config`, as `config-ref` checks name it.
    package static let configStereotype = "PROCORE:CONFIG"

    /// The connector's error types with their parents (the manual's table and troubleshooting
    /// list, plus the security and connectivity parents the Mule SDK gives such types).
    package static let errorTypes: [(String, String?)] = [
        ("CONNECTIVITY", "MULE:CONNECTIVITY"),
        ("RETRY_EXHAUSTED", "MULE:RETRY_EXHAUSTED"),
        ("BAD_REQUEST", nil),
        ("UNPROCESSABLE_ENTITY", "BAD_REQUEST"),
        ("INVALID_REQUEST", "BAD_REQUEST"),
        ("UNAUTHORIZED", "MULE:CLIENT_SECURITY"),
        ("FORBIDDEN", "MULE:CLIENT_SECURITY"),
        ("ACCESS_TOKEN_MISSING", "MULE:CLIENT_SECURITY"),
        ("OAUTH_STATE_MISSING", "MULE:CLIENT_SECURITY"),
        ("NOT_FOUND", nil),
        ("CONFLICT", nil),
        ("TOO_MANY_REQUESTS", nil),
        ("REQUEST_TIMEOUT", "CONNECTIVITY"),
        ("SERVICE_UNAVAILABLE", "CONNECTIVITY"),
        ("GATEWAY_TIMEOUT", "CONNECTIVITY"),
        ("UNEXPECTED_ERROR", nil),
    ]

    private static let operationCommon: [ParameterDeclaration] = [
        ParameterDeclaration("config-ref", required: true, kind: .reference(stereotype: configStereotype)),
        ParameterDeclaration("companyId", required: true, kind: .expression),
        ParameterDeclaration("customFields", kind: .expression),
        ParameterDeclaration(ClearedFields.parameter, kind: .expression),
        ParameterDeclaration("target", kind: .literal),
        ParameterDeclaration("targetValue", kind: .expression),
    ]

    private static let readCommon: [ParameterDeclaration] = [
        ParameterDeclaration("config-ref", required: true, kind: .reference(stereotype: configStereotype)),
        ParameterDeclaration("companyId", required: true, kind: .expression),
        ParameterDeclaration("target", kind: .literal),
        ParameterDeclaration("targetValue", kind: .expression),
    ]

    private static func fieldParameters(_ fields: [ProjectField], required: Set<String>) -> [ParameterDeclaration] {
        fields.map { ParameterDeclaration($0.parameter, required: required.contains($0.parameter), kind: .expression) }
    }

    /// Every element of the `procore` namespace.
    package static let elements: [ElementDeclaration] = [
        ElementDeclaration("config", role: .global(stereotype: configStereotype),
                           parameters: [ParameterDeclaration("name", required: true)],
                           children: ["connection"]),
        ElementDeclaration("connection", role: .nested, parameters: [
            ParameterDeclaration("baseUrl"),
            ParameterDeclaration("loginUrl"),
            ParameterDeclaration("connectionTimeout", kind: .integer),
            ParameterDeclaration("responseTimeout", kind: .integer),
            ParameterDeclaration("maxRetries", kind: .integer),
            ParameterDeclaration("retryBaseDelay", kind: .integer),
            ParameterDeclaration("retryDeadline", kind: .integer),
            ParameterDeclaration("tokenStore"),
        ], children: ["oauth-authorization-code", "oauth-callback-config", "client-credentials"]),
        ElementDeclaration("oauth-authorization-code", role: .nested, parameters: [
            ParameterDeclaration("consumerKey", required: true),
            ParameterDeclaration("consumerSecret", required: true, secret: true),
            ParameterDeclaration("authorizationUrl"),
            ParameterDeclaration("accessTokenUrl"),
            ParameterDeclaration("scopes"),
            ParameterDeclaration("resourceOwnerId"),
        ]),
        ElementDeclaration("oauth-callback-config", role: .nested, parameters: [
            ParameterDeclaration("listenerConfig", required: true, kind: .reference(stereotype: "HTTP:LISTENER_CONFIG")),
            ParameterDeclaration("callbackPath", required: true),
            ParameterDeclaration("authorizePath", required: true),
            ParameterDeclaration("externalCallbackUrl"),
            ParameterDeclaration("authorizeAllowedAddresses"),
            ParameterDeclaration("authorizeUsername"),
            ParameterDeclaration("authorizePassword", secret: true),
            ParameterDeclaration("allowAnonymousResourceOwnerId", kind: .boolean),
        ]),
        ElementDeclaration("client-credentials", role: .nested, parameters: [
            ParameterDeclaration("consumerKey", required: true),
            ParameterDeclaration("consumerSecret", required: true, secret: true),
            ParameterDeclaration("accessTokenUrl"),
            ParameterDeclaration("scopes"),
        ]),
        ElementDeclaration("create-project", role: .operation,
                           parameters: operationCommon + fieldParameters(ProjectField.create, required: ["name"]),
                           children: ["custom-fields"]),
        ElementDeclaration("update-project", role: .operation,
                           parameters: operationCommon + [ParameterDeclaration("projectId", required: true, kind: .expression)]
                               + fieldParameters(ProjectField.update, required: []),
                           children: ["custom-fields"]),
        ElementDeclaration("get-project", role: .operation, parameters: readCommon + [
            ParameterDeclaration("projectId", required: true, kind: .expression),
        ]),
        ElementDeclaration("list-projects", role: .operation,
                           parameters: readCommon + ProjectListQuery.filterParameters.map { ParameterDeclaration($0, kind: .expression) }),
        ElementDeclaration("custom-fields", role: .nested, parameters: [], children: ["custom-field"]),
        ElementDeclaration("custom-field", role: .nested, parameters: [
            ParameterDeclaration("key", required: true),
            ParameterDeclaration("value", required: true, kind: .expression),
        ]),
        ElementDeclaration("unauthorize", role: .operation, parameters: [
            ParameterDeclaration("config-ref", required: true, kind: .reference(stereotype: configStereotype)),
            ParameterDeclaration("resourceOwnerId", kind: .expression),
        ]),
    ]

    /// The declaration the loader registers.
    public static let connector = ConnectorDeclaration(
        prefix: "procore", namespaceURI: namespaceURI, errorNamespace: "PROCORE",
        errorTypes: errorTypes, elements: elements)
}
