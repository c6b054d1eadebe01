import FlowCore
import FlowModel

/// A connector the engine can run (HTTP, Procore, a test double): a factory of configurations,
/// operations and message sources for the elements of its namespace.
///
/// The engine never imports a connector; the executable hands the engine the connectors it
/// knows. Building happens once, before anything runs; errors are reported as diagnostics naming
/// the element and where it is written.
public protocol Connector: Sendable {
    /// The connector's XML vocabulary and error types.
    var declaration: ConnectorDeclaration { get }

    /// Builds the configuration a global element (`<procore:config>`) describes.
    func makeConfiguration(_ definition: ComponentDefinition, context: ConnectorBuildContext) throws(DiagnosticList) -> any ConnectorConfiguration

    /// Builds the operation an element in a flow (`<procore:create-project>`) describes, with
    /// the configuration its `config-ref` names (nil when it names none).
    func makeOperation(_ definition: ComponentDefinition, configuration: (any ConnectorConfiguration)?) throws(DiagnosticList) -> any ConnectorOperation

    /// Builds an operation that also needs the app (another global element it names besides its
    /// `config-ref`, a store shared by the app's operations); by default the same as
    /// ``makeOperation(_:configuration:)``.
    func makeOperation(_ definition: ComponentDefinition, configuration: (any ConnectorConfiguration)?,
                       context: ConnectorBuildContext) throws(DiagnosticList) -> any ConnectorOperation

    /// Builds the message source a flow starts with (an element whose role is
    /// ``ElementRole/source``, such as `<http:listener>`), which will feed `flow` its events once
    /// started, with the configuration its `config-ref` names (nil when it names none).
    func makeSource(_ definition: ComponentDefinition, flow: SourceFlow, configuration: (any ConnectorConfiguration)?,
                    context: ConnectorBuildContext) throws(DiagnosticList) -> any FlowSource
}

extension Connector {
    /// Builds the operation without the context.
    public func makeOperation(_ definition: ComponentDefinition, configuration: (any ConnectorConfiguration)?,
                              context: ConnectorBuildContext) throws(DiagnosticList) -> any ConnectorOperation {
        try makeOperation(definition, configuration: configuration)
    }

    /// Reports that the connector has no sources.
    public func makeSource(_ definition: ComponentDefinition, flow: SourceFlow, configuration: (any ConnectorConfiguration)?,
                           context: ConnectorBuildContext) throws(DiagnosticList) -> any FlowSource {
        throw DiagnosticList([.error("Element <\(definition.qualifiedName)> is not a message source.", at: definition.location)])
    }
}

/// A built connector configuration: shared by the operations and sources that reference it.
///
/// The engine starts configurations before any source, in the order they were built (a
/// configuration another one looks up while it is built starts first), and shuts them down in
/// reverse once the sources have stopped and in-flight events have finished.
public protocol ConnectorConfiguration: Sendable {
    /// The global element's `name`.
    var name: String { get }

    /// Gets ready to serve: binds a server, creates a client, reads stored tokens.
    func start() async throws

    /// Releases what ``start()`` acquired; called once events no longer use the configuration.
    func shutdown() async

    /// Whether the configuration can serve now, answered from what it already knows (no remote
    /// call): a readiness probe asks every configuration through ``Runtime/health()``.
    var health: ConfigurationHealth { get async }

    /// Whether the configuration may act for its user now, for one that authorizes through
    /// OAuth; nil for any other. Answered from what it already knows (no remote call).
    var authorization: AuthorizationStatus? { get async }
}

extension ConnectorConfiguration {
    /// Does nothing.
    public func start() async throws {}

    /// Does nothing.
    public func shutdown() async {}

    /// Up: a configuration with nothing to report is ready.
    public var health: ConfigurationHealth { .up }

    /// None: the configuration does not authorize through OAuth.
    public var authorization: AuthorizationStatus? { nil }
}

/// A built connector operation: evaluates its parameters against the input and returns a
/// payload with attributes, or fails with one of the connector's error types.
public protocol ConnectorOperation: Sendable {
    /// Runs the operation.
    func execute(_ input: OperationInput) async throws(ConnectorError) -> Message
}
