import FlowCore

/// One element of a parsed file, as plain Swift values: no pointer into libxml2 survives the parse.
///
/// Every element knows its namespace URI (match on that, never on the prefix), where its `<` is, its
/// attributes in document order, its child elements and its character data.
public struct XMLElement: Sendable, Hashable {
    /// The namespace URI of the element, or `nil` when it is in no namespace.
    public let namespaceURI: String?
    /// The prefix as written in the file, or `nil` when there is none.
    public let prefix: String?
    /// The name without its prefix.
    public let localName: String
    /// The attributes in document order, without namespace declarations and without `doc:*` metadata.
    public let attributes: [XMLAttribute]
    /// The child elements in document order.
    public let children: [XMLElement]
    /// All character data directly inside this element (text and CDATA, in order, whitespace
    /// included), with character references and predefined entities decoded.
    public let text: String
    /// Where the first character of `text` is, or `nil` when `text` is empty.
    public let textLocation: SourceLocation?
    /// Where the element's `<` is.
    public let location: SourceLocation
    /// The namespaces this element declares (`xmlns:db="…"`), in the order written.
    public let namespaceDeclarations: [XMLNamespaceDeclaration]

    /// Creates an element; the parser makes these, tests and tools may too.
    public init(
        namespaceURI: String?, prefix: String?, localName: String, attributes: [XMLAttribute],
        children: [XMLElement], text: String, textLocation: SourceLocation?, location: SourceLocation,
        namespaceDeclarations: [XMLNamespaceDeclaration] = []
    ) {
        self.namespaceURI = namespaceURI
        self.prefix = prefix
        self.localName = localName
        self.attributes = attributes
        self.children = children
        self.text = text
        self.textLocation = textLocation
        self.location = location
        self.namespaceDeclarations = namespaceDeclarations
    }

    /// The name as written: `prefix:localName`, or just `localName`.
    public var qualifiedName: String { prefix.map { "\($0):\(localName)" } ?? localName }

    /// The first attribute with this local name in this namespace (`nil`, the default, means an
    /// unprefixed attribute).
    public func attribute(_ localName: String, namespaceURI: String? = nil) -> XMLAttribute? {
        attributes.first { $0.localName == localName && $0.namespaceURI == namespaceURI }
    }
}
