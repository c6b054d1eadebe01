import FlowCore

/// The `tls` namespace (Mule's TLS module) as the loader sees it: the `<tls:context>` of an
/// HTTPS listener or request, at the top level with a `name` or inside
/// `<http:listener-connection>` / `<http:request-connection>`.
public enum TLSDeclaration {
    /// Mule's TLS namespace URI.
    public static let namespaceURI = "http://www.mulesoft.org/schema/mule/tls"
    /// The stereotype a connection's `tlsContext` attribute refers to.
    public static let contextStereotype = "TLS:CONTEXT"

    /// Every element of the `tls` namespace Conduit reads: `key-store` serves a listener's
    /// certificate, `trust-store` says which servers a request trusts (on a listener it is
    /// reported as unsupported where it is written).
    public static let elements: [ElementDeclaration] = [
        // `name` is optional: a context nested in a listener connection has none.
        ElementDeclaration("context", role: .global(stereotype: contextStereotype), parameters: [
            ParameterDeclaration("name"),
        ], children: ["key-store", "trust-store"]),
        ElementDeclaration("key-store", role: .nested, parameters: [
            ParameterDeclaration("path", required: true),
            ParameterDeclaration("type"),
            ParameterDeclaration("password", secret: true),
            ParameterDeclaration("keyPassword", secret: true),
            ParameterDeclaration("alias"),
            ParameterDeclaration("algorithm"),
        ]),
        ElementDeclaration("trust-store", role: .nested, parameters: [
            ParameterDeclaration("path"),
            ParameterDeclaration("type"),
            ParameterDeclaration("password", secret: true),
            ParameterDeclaration("algorithm"),
            ParameterDeclaration("insecure", kind: .boolean),
        ]),
    ]

    /// The declaration the loader reads.
    public static let connector = ConnectorDeclaration(prefix: "tls", namespaceURI: namespaceURI, errorNamespace: "TLS",
                                                       errorTypes: [], elements: elements)
}
