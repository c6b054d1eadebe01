import FlowCore
import FlowModel

/// A connector the engine can run (Procore, a test double): a factory of configurations and
/// operations for the elements of its namespace.
///
/// The engine never imports a connector; the executable hands the engine the connectors it
/// knows. Building happens once, before the first request; errors are reported as diagnostics
/// naming the element and where it is written.
public protocol Connector: Sendable {
    /// The connector's XML vocabulary and error types.
    var declaration: ConnectorDeclaration { get }

    /// Builds the configuration a global element (`<procore:config>`) describes.
    func makeConfiguration(_ definition: ComponentDefinition, context: ConnectorBuildContext) throws(DiagnosticList) -> any ConnectorConfiguration

    /// Builds the operation an element in a flow (`<procore:create-project>`) describes, with
    /// the configuration its `config-ref` names (nil when it names none).
    func makeOperation(_ definition: ComponentDefinition, configuration: (any ConnectorConfiguration)?) throws(DiagnosticList) -> any ConnectorOperation
}

/// A built connector configuration: shared by the operations that reference it, started after
/// the listeners are bound and shut down after they have drained.
public protocol ConnectorConfiguration: Sendable {
    /// The global element's `name`.
    var name: String { get }

    /// Gets ready to serve (for example reads stored tokens); the listeners' addresses are known.
    func start(_ context: ConnectorStartContext) async throws

    /// Releases what ``start(_:)`` acquired.
    func shutdown() async

    /// Whether the configuration can serve now, answered from what it already knows (no remote
    /// call): a readiness probe asks every configuration through ``Runtime/health()``.
    var health: ConfigurationHealth { get async }
}

extension ConnectorConfiguration {
    /// Does nothing.
    public func start(_ context: ConnectorStartContext) async throws {}

    /// Does nothing.
    public func shutdown() async {}

    /// Up: a configuration with nothing to report is ready.
    public var health: ConfigurationHealth { .up }
}

/// A built connector operation: evaluates its parameters against the input and returns a
/// payload with attributes, or fails with one of the connector's error types.
public protocol ConnectorOperation: Sendable {
    /// Runs the operation.
    func execute(_ input: OperationInput) async throws(ConnectorError) -> Message
}
