import FlowCore

/// The Cache scope of Mule Enterprise's core namespace (`ee`): `<ee:cache>`, its caching strategy
/// and the two components that invalidate it (mule-components, Cache scope).
enum CacheDeclarations {
    /// The stereotype `cachingStrategy-ref` names.
    static let cachingStrategyStereotype = "EE:CACHING_STRATEGY"

    static let elements: [ElementDeclaration] = [
        ElementDeclaration("cache", role: .operation, parameters: [
            ParameterDeclaration("cachingStrategy-ref", kind: .reference(stereotype: cachingStrategyStereotype)),
            ParameterDeclaration("filterExpression", kind: .expression),
        ]),
        ElementDeclaration("object-store-caching-strategy", role: .global(stereotype: cachingStrategyStereotype), parameters: [
            ParameterDeclaration("name", required: true),
            ParameterDeclaration("keyGenerationExpression", kind: .expression),
            ParameterDeclaration("keyGenerator-ref"),
            ParameterDeclaration("responseGenerator-ref"),
            ParameterDeclaration("objectStore", kind: .reference(stereotype: CoreDeclarations.objectStoreStereotype)),
            ParameterDeclaration("synchronized", kind: .boolean),
        ], children: ["os:private-object-store", "simple-event-copy-strategy", "serializable-event-copy-strategy"]),
        // How Mule copies a cached event for each hit; Conduit's values are immutable, so both are the same.
        ElementDeclaration("simple-event-copy-strategy", role: .nested, parameters: []),
        ElementDeclaration("serializable-event-copy-strategy", role: .nested, parameters: []),
        ElementDeclaration("invalidate-key", role: .operation, parameters: [
            ParameterDeclaration("cachingStrategy-ref", required: true, kind: .reference(stereotype: cachingStrategyStereotype)),
            ParameterDeclaration("keyGenerationExpression", kind: .expression),
        ]),
        ElementDeclaration("invalidate-cache", role: .operation, parameters: [
            ParameterDeclaration("cachingStrategy-ref", required: true, kind: .reference(stereotype: cachingStrategyStereotype)),
        ]),
    ]
}
