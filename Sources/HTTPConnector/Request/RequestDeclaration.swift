import FlowCore

/// The request side of the `http` namespace: `http:request-config` with its connection,
/// authentication and defaults, and the `http:request` operation (mule-components §2.1, §2.2).
///
/// Only what Conduit implements is declared, so any other attribute is reported where it is
/// written instead of being silently ignored.
public enum RequestDeclaration {
    /// The stereotype of `http:request-config`, as an `http:request` `config-ref` names it.
    public static let requestConfigStereotype = "HTTP:REQUEST_CONFIG"

    /// The largest response body read when `maxResponseBodySize` is not set: 64 MiB.
    public static let defaultMaxResponseBodySize = 64 * 1024 * 1024

    /// Mule's default `responseTimeout` (the runtime's `defaultResponseTimeout`), in milliseconds.
    public static let defaultResponseTimeoutMillis = 10_000

    static let elements: [ElementDeclaration] = [
        ElementDeclaration("request-config", role: .global(stereotype: requestConfigStereotype), parameters: [
            ParameterDeclaration("name", required: true),
            ParameterDeclaration("basePath", kind: .expression),
            ParameterDeclaration("responseTimeout", kind: .integer),
            ParameterDeclaration("followRedirects", kind: .boolean),
            ParameterDeclaration("sendCorrelationId", kind: .enumeration(["AUTO", "ALWAYS", "NEVER"])),
            ParameterDeclaration("sendBodyMode", kind: .enumeration(["AUTO", "ALWAYS", "NEVER"])),
            // Read so that the values Conduit behaves as are accepted and the others reported:
            // bodies always have a known length (Mule's AUTO and NEVER send Content-Length),
            // header names are always lower-cased, and no cookie is kept.
            ParameterDeclaration("requestStreamingMode", kind: .enumeration(["AUTO", "ALWAYS", "NEVER"])),
            ParameterDeclaration("preserveHeadersCase", kind: .boolean),
            ParameterDeclaration("enableCookies", kind: .boolean),
            // Conduit's own: the bound on a response body held in memory (Mule streams instead).
            ParameterDeclaration("maxResponseBodySize", kind: .integer),
        ], children: ["request-connection", "default-headers", "default-query-params"]),
        ElementDeclaration("request-connection", role: .nested, parameters: [
            ParameterDeclaration("host", kind: .expression),
            ParameterDeclaration("port", kind: .integer),
            ParameterDeclaration("protocol", kind: .enumeration(["HTTP", "HTTPS"])),
            ParameterDeclaration("tlsContext", kind: .reference(stereotype: TLSDeclaration.contextStereotype)),
            ParameterDeclaration("usePersistentConnections", kind: .boolean),
            ParameterDeclaration("maxConnections", kind: .integer),
            ParameterDeclaration("connectionIdleTimeout", kind: .integer),
        ], children: ["tls:context", "authentication", "proxy-config", "mule:reconnection"]),
        ElementDeclaration("proxy-config", role: .nested, parameters: [], children: ["proxy", "ntlm-proxy"]),
        ElementDeclaration("proxy", role: .nested, parameters: [
            ParameterDeclaration("host", required: true),
            ParameterDeclaration("port", required: true, kind: .integer),
            ParameterDeclaration("username"),
            ParameterDeclaration("password", secret: true),
            ParameterDeclaration("nonProxyHosts"),
        ]),
        // Declared so that it is reported as unsupported where it is written, not as unknown.
        ElementDeclaration("ntlm-proxy", role: .nested, parameters: [
            ParameterDeclaration("host", required: true),
            ParameterDeclaration("port", required: true, kind: .integer),
            ParameterDeclaration("username"),
            ParameterDeclaration("password", secret: true),
            ParameterDeclaration("ntlmDomain"),
            ParameterDeclaration("nonProxyHosts"),
        ]),
        ElementDeclaration("authentication", role: .nested, parameters: [], children: ["basic-authentication"]),
        ElementDeclaration("basic-authentication", role: .nested, parameters: [
            ParameterDeclaration("username", required: true),
            ParameterDeclaration("password", required: true, secret: true),
            ParameterDeclaration("preemptive", kind: .boolean),
        ]),
        ElementDeclaration("default-headers", role: .nested, parameters: [], children: ["default-header"]),
        ElementDeclaration("default-header", role: .nested, parameters: [
            ParameterDeclaration("key", required: true),
            ParameterDeclaration("value", required: true, kind: .expression),
        ]),
        ElementDeclaration("default-query-params", role: .nested, parameters: [], children: ["query-param"]),
        ElementDeclaration("query-param", role: .nested, parameters: [
            ParameterDeclaration("key", required: true),
            ParameterDeclaration("value", required: true, kind: .expression),
        ]),
        ElementDeclaration("request", role: .operation, parameters: [
            ParameterDeclaration("config-ref", kind: .reference(stereotype: requestConfigStereotype)),
            ParameterDeclaration("method", kind: .expression),
            ParameterDeclaration("path", kind: .expression),
            ParameterDeclaration("url", kind: .expression),
            ParameterDeclaration("followRedirects", kind: .boolean),
            ParameterDeclaration("responseTimeout", kind: .integer),
            ParameterDeclaration("sendCorrelationId", kind: .enumeration(["AUTO", "ALWAYS", "NEVER"])),
            ParameterDeclaration("correlationId", kind: .expression),
            ParameterDeclaration("sendBodyMode", kind: .enumeration(["AUTO", "ALWAYS", "NEVER"])),
            ParameterDeclaration("requestStreamingMode", kind: .enumeration(["AUTO", "ALWAYS", "NEVER"])),
            // How the response body is read instead of by its Content-Type (the SDK's parameter
            // for operations whose output type is not fixed); the encoding is always UTF-8.
            ParameterDeclaration("outputMimeType"),
            ParameterDeclaration("outputEncoding"),
            ParameterDeclaration("target"),
            ParameterDeclaration("targetValue", kind: .expression),
        ], children: ["body", "headers", "query-params", "uri-params", "response-validator", "mule:reconnect", "mule:reconnect-forever"]),
        ElementDeclaration("query-params", role: .nested, parameters: [], text: .bareExpression),
        ElementDeclaration("uri-params", role: .nested, parameters: [], text: .bareExpression),
        ElementDeclaration("response-validator", role: .nested, parameters: [],
                           children: ["success-status-code-validator", "failure-status-code-validator"]),
        ElementDeclaration("success-status-code-validator", role: .nested, parameters: [
            ParameterDeclaration("values", required: true),
        ]),
        ElementDeclaration("failure-status-code-validator", role: .nested, parameters: [
            ParameterDeclaration("values", required: true),
        ]),
    ]
}
