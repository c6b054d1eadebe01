import FlowCore

/// A connector element as written (a config, a nested connection element or an operation):
/// namespace, name, located parameters and children, checked against the connector's
/// ``ElementDeclaration`` but otherwise uninterpreted. The connector builds its own typed
/// configuration from it.
public struct ComponentDefinition: Sendable {
    /// The connector's error namespace, upper-case (`PROCORE`).
    public let namespace: String
    /// The element's local name (`create-project`).
    public let name: String
    /// Where the element starts.
    public let location: SourceLocation
    /// The processor path Mule prints in error blocks (`create-flow/processors/1`).
    public let path: String
    /// The attributes that were written, by name.
    public let parameters: [String: ParameterValue]
    /// Nested elements its declaration accepts, in document order.
    public let children: [ComponentDefinition]
    /// An operation's `<error-mapping>`s, in order: which of its errors to raise as another type.
    public let errorMappings: [ErrorMappingDefinition]
    /// The element's text content (`<http:body>#[payload]</http:body>`), read as its
    /// declaration's ``ElementDeclaration/text`` kind; nil when it has none.
    public let text: ParameterValue?

    /// Creates a definition.
    public init(namespace: String, name: String, location: SourceLocation, path: String, parameters: [String: ParameterValue],
                children: [ComponentDefinition], text: ParameterValue? = nil, errorMappings: [ErrorMappingDefinition] = []) {
        self.namespace = namespace
        self.name = name
        self.location = location
        self.path = path
        self.parameters = parameters
        self.children = children
        self.text = text
        self.errorMappings = errorMappings
    }

    /// `namespace:name` in lower case, as users write it (`procore:create-project`).
    public var qualifiedName: String { "\(namespace.lowercased()):\(name)" }

    /// The first child called `name`.
    public func child(_ name: String) -> ComponentDefinition? {
        children.first { $0.name == name }
    }

    /// Every child called `name`, in document order.
    public func children(_ name: String) -> [ComponentDefinition] {
        children.filter { $0.name == name }
    }
}
