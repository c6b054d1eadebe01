import FlowCore

/// The `validation` namespace as the loader sees it: Mule's Validation module, its elements and
/// error types (mule-components §6).
public enum ValidationDeclaration {
    /// Mule's Validation namespace URI.
    public static let namespaceURI = "http://www.mulesoft.org/schema/mule/validation"
    /// The stereotype of `validation:config`, as `config-ref` names it.
    public static let configStereotype = "VALIDATION:CONFIG"

    /// Mule's hierarchy: `VALIDATION:VALIDATION` under `MULE:VALIDATION`, every other type under
    /// it, so `type="VALIDATION:VALIDATION"` catches the module's errors only and
    /// `type="VALIDATION"` (`MULE:VALIDATION`) also `MULE:DUPLICATE_MESSAGE`.
    public static let errorTypes: [(String, String?)] = [("VALIDATION", "MULE:VALIDATION")] + [
        "INVALID_BOOLEAN", "NULL", "NOT_NULL", "BLANK_STRING", "NOT_BLANK_STRING", "EMPTY_COLLECTION",
        "NOT_EMPTY_COLLECTION", "INVALID_EMAIL", "MISMATCH", "INVALID_NUMBER", "INVALID_SIZE", "INVALID_TIME",
        "INVALID_URL", "INVALID_IP", "REJECTED_IP", "ELAPSED_TIME", "NOT_ELAPSED_TIME", "MULTIPLE",
    ].map { ($0, "VALIDATION") }

    /// The validators `all` and `any` may contain: every operation but themselves.
    static let validatorNames = [
        "is-true", "is-false", "is-null", "is-not-null", "is-empty-collection", "is-not-empty-collection",
        "is-blank-string", "is-not-blank-string", "is-email", "is-number", "matches-regex", "validate-size", "is-url", "is-ip",
    ]

    /// Every element of the `validation` namespace Conduit implements.
    public static let elements: [ElementDeclaration] = [
        ElementDeclaration("config", role: .global(stereotype: configStereotype), parameters: [
            ParameterDeclaration("name", required: true),
        ], children: ["i18n"]),
        ElementDeclaration("i18n", role: .nested, parameters: [
            ParameterDeclaration("bundlePath", required: true),
            ParameterDeclaration("locale"),
        ]),
        validator("is-true", [ParameterDeclaration("expression", required: true, kind: .expression)]),
        validator("is-false", [ParameterDeclaration("expression", required: true, kind: .expression)]),
        validator("is-null", [ParameterDeclaration("value", required: true, kind: .expression)]),
        validator("is-not-null", [ParameterDeclaration("value", required: true, kind: .expression)]),
        validator("is-empty-collection", [ParameterDeclaration("values", kind: .expression)]),
        validator("is-not-empty-collection", [ParameterDeclaration("values", kind: .expression)]),
        validator("is-blank-string", [ParameterDeclaration("value", kind: .expression)]),
        validator("is-not-blank-string", [ParameterDeclaration("value", kind: .expression)]),
        validator("is-email", [ParameterDeclaration("email", required: true, kind: .expression)]),
        validator("is-number", [
            ParameterDeclaration("value", required: true, kind: .expression),
            ParameterDeclaration("numberType", required: true, kind: .enumeration(NumberType.allCases.map(\.rawValue))),
            ParameterDeclaration("minValue", kind: .expression),
            ParameterDeclaration("maxValue", kind: .expression),
        ]),
        validator("matches-regex", [
            ParameterDeclaration("value", required: true, kind: .expression),
            ParameterDeclaration("regex", required: true, kind: .expression),
            ParameterDeclaration("caseSensitive", kind: .boolean),
        ]),
        validator("validate-size", [
            ParameterDeclaration("value", required: true, kind: .expression),
            ParameterDeclaration("min", kind: .integer),
            ParameterDeclaration("max", kind: .integer),
        ]),
        validator("is-url", [ParameterDeclaration("url", required: true, kind: .expression)]),
        validator("is-ip", [ParameterDeclaration("ip", required: true, kind: .expression)]),
        ElementDeclaration("all", role: .operation, parameters: [], children: validatorNames),
        ElementDeclaration("any", role: .operation, parameters: [], children: validatorNames),
    ]

    /// The whole connector declaration.
    public static let connector = ConnectorDeclaration(prefix: "validation", namespaceURI: namespaceURI, errorNamespace: "VALIDATION",
                                                       errorTypes: errorTypes, elements: elements)

    /// A validator: its own parameters plus `config-ref` and `message`, which every one takes.
    private static func validator(_ name: String, _ parameters: [ParameterDeclaration]) -> ElementDeclaration {
        ElementDeclaration(name, role: .operation, parameters: parameters + [
            ParameterDeclaration("config-ref", kind: .reference(stereotype: configStereotype)),
            ParameterDeclaration("message", kind: .expression),
        ])
    }
}
