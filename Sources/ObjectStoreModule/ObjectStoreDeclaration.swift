import FlowCore

/// The `os` namespace as the loader sees it: Mule's Object Store connector, its elements and
/// error types (mule-components §7).
public enum ObjectStoreDeclaration {
    /// Mule's Object Store namespace URI.
    public static let namespaceURI = "http://www.mulesoft.org/schema/mule/os"
    /// The stereotype of `os:object-store`, as `objectStore="…"` names it (here and in core's
    /// `idempotent-message-validator` and `redelivery-policy`).
    public static let storeStereotype = "OS:OBJECT_STORE"
    /// The stereotype of `os:config`.
    public static let configStereotype = "OS:CONFIG"

    /// Mule's types; none has a parent, so each is a child of `MULE:ANY`.
    public static let errorTypes: [(String, String?)] = [
        ("INVALID_KEY", nil), ("KEY_ALREADY_EXISTS", nil), ("KEY_NOT_FOUND", nil), ("NULL_VALUE", nil), ("STORE_NOT_AVAILABLE", nil),
    ]

    static let timeUnits = ["NANOSECONDS", "MICROSECONDS", "MILLISECONDS", "SECONDS", "MINUTES", "HOURS", "DAYS"]

    /// The settings of `os:object-store` and `os:private-object-store`.
    static let storeParameters: [ParameterDeclaration] = [
        ParameterDeclaration("persistent", kind: .boolean),
        ParameterDeclaration("maxEntries", kind: .integer),
        ParameterDeclaration("entryTtl", kind: .integer),
        ParameterDeclaration("entryTtlUnit", kind: .enumeration(timeUnits)),
        ParameterDeclaration("expirationInterval", kind: .integer),
        ParameterDeclaration("expirationIntervalUnit", kind: .enumeration(timeUnits)),
        ParameterDeclaration("config-ref", kind: .reference(stereotype: configStereotype)),
    ]

    private static func operation(_ name: String, key: Bool, target: Bool, _ extra: [ParameterDeclaration] = [],
                                  children: [String] = []) -> ElementDeclaration {
        var parameters = [
            ParameterDeclaration("objectStore", kind: .reference(stereotype: storeStereotype)),
            ParameterDeclaration("config-ref", kind: .reference(stereotype: configStereotype)),
        ] + extra
        if key { parameters.append(ParameterDeclaration("key", required: true, kind: .expression)) }
        if target { parameters += [ParameterDeclaration("target"), ParameterDeclaration("targetValue", kind: .expression)] }
        return ElementDeclaration(name, role: .operation, parameters: parameters, children: children)
    }

    /// Every element of the `os` namespace.
    public static let elements: [ElementDeclaration] = [
        ElementDeclaration("config", role: .global(stereotype: configStereotype), parameters: [ParameterDeclaration("name", required: true)],
                           children: ["connection"]),
        ElementDeclaration("connection", role: .nested, parameters: [], children: ["mule:reconnection"]),
        ElementDeclaration("object-store", role: .global(stereotype: storeStereotype),
                           parameters: [ParameterDeclaration("name", required: true)] + storeParameters),
        ElementDeclaration("private-object-store", role: .nested, parameters: [ParameterDeclaration("alias")] + storeParameters),
        operation("store", key: true, target: false, [
            ParameterDeclaration("failIfPresent", kind: .boolean),
            ParameterDeclaration("failOnNullValue", kind: .boolean),
        ], children: ["value"]),
        ElementDeclaration("value", role: .nested, parameters: [], text: .expression),
        operation("retrieve", key: true, target: true, children: ["default-value"]),
        ElementDeclaration("default-value", role: .nested, parameters: [], text: .expression),
        operation("contains", key: true, target: true),
        operation("remove", key: true, target: false),
        operation("retrieve-all-keys", key: false, target: true),
        operation("retrieve-all", key: false, target: true),
        operation("clear", key: false, target: false),
    ]

    /// The declaration the loader and the engine use.
    public static let connector = ConnectorDeclaration(prefix: "os", namespaceURI: namespaceURI, errorNamespace: "OS",
                                                       errorTypes: errorTypes, elements: elements)
}
