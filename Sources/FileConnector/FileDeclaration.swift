import FlowCore

/// The `file` namespace as the loader sees it: Mule's File connector's configuration and its
/// `read` operation, with the connector's error types.
public enum FileDeclaration {
    /// Mule's File connector namespace URI.
    public static let namespaceURI = "http://www.mulesoft.org/schema/mule/file"
    /// The stereotype of `file:config`.
    public static let configStereotype = "FILE:CONFIG"

    /// The File connector's types (its `FileError`); `CONNECTIVITY` is a `MULE:CONNECTIVITY`.
    public static let errorTypes: [(String, String?)] = [
        ("ILLEGAL_PATH", nil), ("ACCESS_DENIED", nil), ("ILLEGAL_CONTENT", nil), ("FILE_ALREADY_EXISTS", nil),
        ("FILE_LOCK", nil), ("CONNECTIVITY", "MULE:CONNECTIVITY"),
    ]

    /// Every element of the `file` namespace that Conduit runs.
    public static let elements: [ElementDeclaration] = [
        ElementDeclaration("config", role: .global(stereotype: configStereotype), parameters: [ParameterDeclaration("name", required: true)],
                           children: ["connection"]),
        ElementDeclaration("connection", role: .nested, parameters: [ParameterDeclaration("workingDir")], children: ["mule:reconnection"]),
        ElementDeclaration("read", role: .operation, parameters: [
            ParameterDeclaration("config-ref", kind: .reference(stereotype: configStereotype)),
            ParameterDeclaration("path", required: true, kind: .expression),
            ParameterDeclaration("outputMimeType"),
            ParameterDeclaration("outputEncoding"),
            ParameterDeclaration("lock", kind: .boolean),
            ParameterDeclaration("target"),
            ParameterDeclaration("targetValue", kind: .expression),
        ]),
    ]

    /// The declaration the loader and the engine use.
    public static let connector: ConnectorDeclaration = {
        var declaration = ConnectorDeclaration(prefix: "file", namespaceURI: namespaceURI, errorNamespace: "FILE",
                                               errorTypes: errorTypes, elements: elements)
        // The rest of Mule's File connector (mule-file-connector 1.x).
        declaration.unimplementedElements = ["listener", "write", "list", "copy", "move", "rename", "delete", "create-directory", "matcher"]
        return declaration
    }()
}
