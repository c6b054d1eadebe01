/// A finished connector operation (`<procore:create-project>`), as a ``RuntimeObserver``
/// receives it.
public struct OperationReport: Sendable {
    /// The flow or sub-flow whose processors include the operation.
    public var flowName: String
    /// The event's correlation id.
    public var correlationId: String
    /// The operation's element: its processor path (`create-flow/processors/1`) and location.
    public var element: ElementReference
    /// The connector's namespace prefix (`procore`).
    public var connector: String
    /// The operation's element name (`create-project`).
    public var operation: String
    /// Success, or the type of the error the operation raised.
    public var outcome: ObservedOutcome
    /// How long the operation ran, from its call to its result or error.
    public var duration: Duration
    /// The remote system's status code, when the operation's result or error message carries
    /// one in `attributes.statusCode` (HTTP-based connectors do); nil when no answer came.
    public var statusCode: Int?

    /// Creates a report.
    public init(flowName: String, correlationId: String, element: ElementReference, connector: String, operation: String,
                outcome: ObservedOutcome, duration: Duration, statusCode: Int? = nil) {
        self.flowName = flowName
        self.correlationId = correlationId
        self.element = element
        self.connector = connector
        self.operation = operation
        self.outcome = outcome
        self.duration = duration
        self.statusCode = statusCode
    }
}
