import FlowCore

/// The `http` namespace as the loader sees it: the listener and request sides of Mule's HTTP
/// connector, their elements and error types (mule-semantics §2, §3.1; mule-components §2).
public enum HTTPDeclaration {
    /// Mule's HTTP namespace URI.
    public static let namespaceURI = "http://www.mulesoft.org/schema/mule/http"
    /// The stereotype of `http:listener-config`, as `config-ref` and `listenerConfig` name it.
    public static let listenerConfigStereotype = "HTTP:LISTENER_CONFIG"

    /// The error types of Mule's HTTP connector, so that handlers may name them.
    public static let errorTypes: [(String, String?)] = [
        ("CONNECTIVITY", "MULE:CONNECTIVITY"),
        ("RETRY_EXHAUSTED", "MULE:RETRY_EXHAUSTED"),
        ("TRANSFORMATION", "MULE:TRANSFORMATION"),
        ("MULTIPLE_CHOICES", nil), ("MOVED_PERMANENTLY", nil), ("MOVED_TEMPORARILY", nil), ("SEE_OTHER", nil),
        ("NOT_MODIFIED", nil),
        ("PARSING", nil), ("TIMEOUT", nil), ("BAD_REQUEST", nil), ("NOT_FOUND", nil),
        ("METHOD_NOT_ALLOWED", nil), ("NOT_ACCEPTABLE", nil), ("UNSUPPORTED_MEDIA_TYPE", nil),
        ("TOO_MANY_REQUESTS", nil), ("INTERNAL_SERVER_ERROR", nil), ("BAD_GATEWAY", nil),
        ("SERVICE_UNAVAILABLE", nil), ("GATEWAY_TIMEOUT", nil),
        ("SECURITY", "MULE:SECURITY"),
        ("CLIENT_SECURITY", "MULE:CLIENT_SECURITY"),
        ("SERVER_SECURITY", "MULE:SERVER_SECURITY"),
        ("UNAUTHORIZED", "CLIENT_SECURITY"),
        ("FORBIDDEN", "CLIENT_SECURITY"),
        ("BASIC_AUTHENTICATION", "SERVER_SECURITY"),
    ]

    /// Every element of the `http` namespace Conduit implements.
    public static let elements: [ElementDeclaration] = listenerElements + securityElements + RequestDeclaration.elements

    /// `basic-security-filter`, which authenticates a listener request against the app's
    /// security manager (`spring:security-manager`), and its list of providers.
    static let securityElements: [ElementDeclaration] = [
        ElementDeclaration("basic-security-filter", role: .operation, parameters: [
            ParameterDeclaration("realm", required: true),
            ParameterDeclaration("securityProviders"),
            ParameterDeclaration("attributes", kind: .expression),
        ], children: ["security-providers"]),
        ElementDeclaration("security-providers", role: .nested, parameters: [], children: ["security-provider"]),
        ElementDeclaration("security-provider", role: .nested, parameters: [ParameterDeclaration("value", required: true)]),
    ]

    /// The listener's elements, and the `body` and `headers` children the request shares.
    static let listenerElements: [ElementDeclaration] = [
        ElementDeclaration("listener-config", role: .global(stereotype: listenerConfigStereotype), parameters: [
            ParameterDeclaration("name", required: true),
            ParameterDeclaration("basePath"),
            ParameterDeclaration("rejectInvalidTransferEncoding", kind: .boolean),
            // Conduit's: the origins whose pages may send state-changing requests (see README, Security).
            ParameterDeclaration("allowedOrigins"),
        ], children: ["listener-connection"]),
        ElementDeclaration("listener-connection", role: .nested, parameters: [
            ParameterDeclaration("host", required: true),
            ParameterDeclaration("port", required: true, kind: .integer),
            ParameterDeclaration("protocol", kind: .enumeration(["HTTP", "HTTPS"])),
            ParameterDeclaration("tlsContext", kind: .reference(stereotype: TLSDeclaration.contextStereotype)),
            ParameterDeclaration("usePersistentConnections", kind: .boolean),
            ParameterDeclaration("connectionIdleTimeout", kind: .integer),
            ParameterDeclaration("readTimeout", kind: .integer),
            ParameterDeclaration("maxRequestBodySize", kind: .integer),
            // Conduit's: open connections beyond it are answered 503 (README, Security).
            ParameterDeclaration("maxConnections", kind: .integer),
        ], children: ["tls:context", "mule:reconnection"]),
        ElementDeclaration("listener", role: .source, parameters: [
            ParameterDeclaration("config-ref", required: true, kind: .reference(stereotype: listenerConfigStereotype)),
            ParameterDeclaration("path", required: true),
            ParameterDeclaration("allowedMethods"),
            ParameterDeclaration("responseStreamingMode", kind: .enumeration(["AUTO", "ALWAYS", "NEVER"])),
            ParameterDeclaration("deferredResponse", kind: .boolean),
            // Accepted as every Mule 4 source takes them; the body is read by its Content-Type,
            // and without a cluster every node is the primary one.
            ParameterDeclaration("outputMimeType"),
            ParameterDeclaration("outputEncoding"),
            ParameterDeclaration("primaryNodeOnly", kind: .boolean),
            // Conduit's: HTML form bodies become objects only where a flow asks for it (README, Security).
            ParameterDeclaration("decodeFormBody", kind: .boolean),
        ], children: ["response", "error-response", "mule:redelivery-policy"]),
        ElementDeclaration("response", role: .nested, parameters: [
            ParameterDeclaration("statusCode", kind: .expression),
            ParameterDeclaration("reasonPhrase", kind: .expression),
        ], children: ["body", "headers"]),
        ElementDeclaration("error-response", role: .nested, parameters: [
            ParameterDeclaration("statusCode", kind: .expression),
            ParameterDeclaration("reasonPhrase", kind: .expression),
        ], children: ["body", "headers"]),
        ElementDeclaration("body", role: .nested, parameters: [], text: .template),
        ElementDeclaration("headers", role: .nested, parameters: [], text: .bareExpression),
    ]

    /// The declaration the loader reads.
    public static let connector = ConnectorDeclaration(prefix: "http", namespaceURI: namespaceURI, errorNamespace: "HTTP",
                                                       errorTypes: errorTypes, elements: elements)
}
