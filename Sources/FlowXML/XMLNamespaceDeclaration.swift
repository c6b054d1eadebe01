/// One `xmlns:prefix="uri"` (or default `xmlns="uri"`) written on an element.
public struct XMLNamespaceDeclaration: Sendable, Hashable {
    /// The prefix declared, or `""` for the default namespace.
    public let prefix: String
    /// The namespace URI it is bound to.
    public let uri: String

    /// Creates a declaration.
    public init(prefix: String, uri: String) {
        self.prefix = prefix
        self.uri = uri
    }
}
