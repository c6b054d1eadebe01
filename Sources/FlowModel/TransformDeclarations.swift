import FlowCore

/// The elements of Mule Enterprise's core namespace (`ee`) that Conduit implements: the Transform
/// component and its script holders (mule-components §8.1).
enum TransformDeclarations {
    /// The children that hold one script each: text (usually CDATA) or a `resource` file.
    static let scriptHolders: Set<String> = ["set-payload", "set-attributes", "set-variable"]

    static let elements: [ElementDeclaration] = [
        // `mode="deferred"` streams the output in Mule; Conduit's result is the same value either way.
        ElementDeclaration("transform", role: .operation, parameters: [
            ParameterDeclaration("mode", kind: .enumeration(["immediate", "deferred"])),
        ], children: ["message", "variables"]),
        ElementDeclaration("message", role: .nested, parameters: [], children: ["set-payload", "set-attributes"]),
        ElementDeclaration("variables", role: .nested, parameters: [], children: ["set-variable"]),
        ElementDeclaration("set-payload", role: .nested, parameters: [ParameterDeclaration("resource")], text: .script),
        ElementDeclaration("set-attributes", role: .nested, parameters: [ParameterDeclaration("resource")], text: .script),
        ElementDeclaration("set-variable", role: .nested, parameters: [
            ParameterDeclaration("variableName", required: true),
            ParameterDeclaration("resource"),
        ], text: .script),
    ]
}
