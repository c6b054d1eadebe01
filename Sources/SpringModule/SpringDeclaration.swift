import FlowCore

/// The `spring` namespace as the loader sees it: Mule 4's Spring module, of which Conduit reads
/// what protects flows with HTTP Basic authentication (`config` for the beans files,
/// `security-manager` and its delegate providers, `authorization-filter`).
public enum SpringDeclaration {
    /// Mule's Spring module namespace URI.
    public static let namespaceURI = "http://www.mulesoft.org/schema/mule/spring"
    /// The stereotype of `spring:config`.
    static let configStereotype = "SPRING:CONFIG"

    /// Every element Conduit implements.
    static let elements: [ElementDeclaration] = [
        ElementDeclaration("config", role: .global(stereotype: configStereotype), parameters: [
            ParameterDeclaration("name", required: true),
            ParameterDeclaration("files", required: true),
        ]),
        // No name: an app has one security manager, which nothing references.
        ElementDeclaration("security-manager", role: .global(stereotype: "SPRING:SECURITY_MANAGER"), parameters: [],
                           children: ["delegate-security-provider", "delegate-security-providers"]),
        // The wrapper some projects write around the providers (Studio's older form); read the same.
        ElementDeclaration("delegate-security-providers", role: .nested, parameters: [], children: ["delegate-security-provider"]),
        ElementDeclaration("delegate-security-provider", role: .nested, parameters: [
            ParameterDeclaration("name", required: true),
            ParameterDeclaration("delegate-ref", required: true),
            ParameterDeclaration("authenticationProvider-ref"),
        ], children: ["security-property"]),
        ElementDeclaration("security-property", role: .nested, parameters: [
            ParameterDeclaration("name", required: true),
            ParameterDeclaration("value"),
        ]),
        ElementDeclaration("authorization-filter", role: .operation, parameters: [
            ParameterDeclaration("requiredAuthorities"),
        ]),
    ]

    /// The declaration the loader reads; the module raises core security types only.
    static let connector = ConnectorDeclaration(prefix: "spring", namespaceURI: namespaceURI, errorNamespace: "SPRING",
                                                errorTypes: [], elements: elements)
}
