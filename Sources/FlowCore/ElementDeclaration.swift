/// How an attribute's text is read once `${…}` placeholders are resolved.
public enum ParameterKind: Sendable, Hashable {
    /// Plain text; `#[…]` is not evaluated (Mule's `@Expression(NOT_SUPPORTED)`).
    case literal
    /// A connector parameter: a whole `#[…]` is an expression, any other text is a literal.
    case expression
    /// A core component value: text mixing `#[…]` is a template yielding a string.
    case template
    /// An expression that may be written with or without `#[ ]` (`when`, `foreach collection`).
    case bareExpression
    /// The name of a global element of the given stereotype (`HTTP:LISTENER_CONFIG`).
    case reference(stereotype: String)
    /// The name of a flow or sub-flow.
    case flowReference
    /// A comma-separated list of error types.
    case errorTypes
    /// A whole number, or an expression yielding one.
    case integer
    /// `true` or `false`, or an expression yielding one.
    case boolean
    /// One of a fixed set of words (compared case-sensitively, as Mule's XSD does).
    case enumeration([String])
    /// A whole DataWeave script (`ee:set-payload`): header and body, never inside `#[ ]`.
    case script
}

/// One attribute an element accepts.
public struct ParameterDeclaration: Sendable, Hashable {
    /// The attribute name as written in XML (`companyId`, `config-ref`).
    public var name: String
    /// Whether leaving it out is an error.
    public var isRequired: Bool
    /// How its value is read.
    public var kind: ParameterKind
    /// Whether the value is a secret that must never reach a log or message.
    public var isSecret: Bool

    /// Creates a declaration.
    public init(_ name: String, required: Bool = false, kind: ParameterKind = .literal, secret: Bool = false) {
        self.name = name
        isRequired = required
        self.kind = kind
        isSecret = secret
    }
}

/// What role an element plays, which decides where it may appear.
public enum ElementRole: Sendable, Hashable {
    /// A top-level element with a `name`, referenced by `config-ref` and friends.
    case global(stereotype: String)
    /// A processor that may appear in a flow (a connector operation).
    case operation
    /// A message source: the first element of a `<flow>`, which feeds it events (`http:listener`,
    /// `scheduler`). A flow has at most one.
    case source
    /// An element that only appears inside another one of the same namespace.
    case nested
}

/// The shape of one XML element of a connector or module: its attributes and children.
///
/// Connectors describe their elements with these, so that the loader can check a file (unknown
/// attributes, missing required ones, references) without knowing anything else about them.
public struct ElementDeclaration: Sendable, Hashable {
    /// The element's local name (`create-project`).
    public var name: String
    /// Where it may appear.
    public var role: ElementRole
    /// The attributes it accepts.
    public var parameters: [ParameterDeclaration]
    /// The child elements it accepts, in no particular order: local names of the same namespace
    /// (`connection`), or `prefix:name` for an element of another module, by that module's
    /// conventional prefix (`tls:context` inside `http:listener-connection`), or `mule:name` for
    /// an element of Mule's core namespace (`mule:reconnection` inside a connection provider).
    public var children: [String]
    /// How its text content (text and CDATA, trimmed) is read, when it takes any: `${…}` is
    /// resolved, then the text is compiled like an attribute of this kind (`http:body` is a
    /// template). Nil when the element takes no text: text there is reported, never dropped.
    public var text: ParameterKind?

    /// Creates a declaration.
    public init(_ name: String, role: ElementRole, parameters: [ParameterDeclaration], children: [String] = [], text: ParameterKind? = nil) {
        self.name = name
        self.role = role
        self.parameters = parameters
        self.children = children
        self.text = text
    }

    /// Whether the element takes text content.
    public var acceptsText: Bool { text != nil }

    /// The declaration of the attribute called `name`, if there is one.
    public func parameter(_ name: String) -> ParameterDeclaration? {
        parameters.first { $0.name == name }
    }
}

/// Everything the loader needs to know about one connector's XML: its namespace, its elements and
/// its error types.
public struct ConnectorDeclaration: Sendable {
    /// The conventional prefix (`procore`); files may bind any prefix to ``namespaceURI``.
    public var prefix: String
    /// The namespace URI that identifies the connector.
    public var namespaceURI: String
    /// The error namespace, upper-case (`PROCORE`).
    public var errorNamespace: String
    /// Error types as `(identifier, parent)`, parents first; a nil parent means `MULE:ANY`.
    public var errorTypes: [(String, String?)]
    /// The connector's elements.
    public var elements: [ElementDeclaration]
    /// Elements of the Mule module this connector stands in for that Conduit does not implement
    /// (the File connector's `file:listener`): reported as unsupported, not as unknown names.
    public var unimplementedElements: Set<String> = []

    /// Creates a declaration.
    public init(prefix: String, namespaceURI: String, errorNamespace: String, errorTypes: [(String, String?)], elements: [ElementDeclaration]) {
        self.prefix = prefix
        self.namespaceURI = namespaceURI
        self.errorNamespace = errorNamespace
        self.errorTypes = errorTypes
        self.elements = elements
    }

    /// The element called `name`, if the connector declares one.
    public func element(_ name: String) -> ElementDeclaration? {
        elements.first { $0.name == name }
    }
}
