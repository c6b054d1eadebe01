import FlowCore

/// One attribute of an element, with its namespace resolved and the positions of its name and value.
///
/// Namespace declarations (`xmlns`, `xmlns:p`) are not attributes, and Studio's `doc:*` metadata is
/// dropped before an element is handed out. An unprefixed attribute has no namespace, as the XML
/// namespaces specification says, whatever the element's default namespace is.
public struct XMLAttribute: Sendable, Hashable {
    /// The namespace URI the attribute's prefix is bound to, or `nil` for an unprefixed attribute.
    public let namespaceURI: String?
    /// The prefix as written in the file, or `nil` when there is none.
    public let prefix: String?
    /// The name without its prefix.
    public let localName: String
    /// The value after XML decoding (character references and `&amp;`-style entities replaced,
    /// line breaks and tabs normalised to spaces as XML requires).
    public let value: String
    /// Where the attribute's name starts.
    public let location: SourceLocation
    /// Where the value's first character is (just after the opening quote).
    public var valueLocation: SourceLocation { valueMap.start }
    /// Where each character of `value` was written, across character references (`&#10;` is one
    /// character of the value written as five) and line breaks (written as such, read as spaces).
    public let valueMap: SourceMap

    /// Creates an attribute; the parser makes these, tests and tools may too.
    public init(
        namespaceURI: String?, prefix: String?, localName: String, value: String,
        location: SourceLocation, valueMap: SourceMap
    ) {
        self.namespaceURI = namespaceURI
        self.prefix = prefix
        self.localName = localName
        self.value = value
        self.location = location
        self.valueMap = valueMap
    }

    /// Creates an attribute whose value is written on one line without references.
    public init(
        namespaceURI: String?, prefix: String?, localName: String, value: String,
        location: SourceLocation, valueLocation: SourceLocation
    ) {
        self.init(namespaceURI: namespaceURI, prefix: prefix, localName: localName, value: value,
                  location: location, valueMap: SourceMap(start: valueLocation))
    }

    /// The name as written: `prefix:localName`, or just `localName`.
    public var qualifiedName: String { prefix.map { "\($0):\(localName)" } ?? localName }
}
