import FlowCore

/// A `<flow>`: an optional message source, processors, and an optional error handler.
public struct FlowDefinition: Sendable {
    /// The flow's `name`.
    public let name: String
    /// Where `<flow>` is written.
    public let location: SourceLocation
    /// False for `initialState="stopped"`.
    public let startsStarted: Bool
    /// `maxConcurrency`, when set.
    public let maxConcurrency: Int?
    /// The element that feeds the flow events (`http:listener`, `scheduler`), as written; the
    /// connector owning its namespace builds it. Nil for a flow only `flow-ref` calls.
    public let source: ComponentDefinition?
    /// The flow's processors, in order.
    public let processors: [ProcessorDefinition]
    /// The flow's own `<error-handler>`, if it has one.
    public let errorHandler: ErrorHandlerDefinition?

    /// Creates a definition.
    public init(name: String, location: SourceLocation, startsStarted: Bool, maxConcurrency: Int?, source: ComponentDefinition?,
                processors: [ProcessorDefinition], errorHandler: ErrorHandlerDefinition?) {
        self.name = name
        self.location = location
        self.startsStarted = startsStarted
        self.maxConcurrency = maxConcurrency
        self.source = source
        self.processors = processors
        self.errorHandler = errorHandler
    }
}

/// A `<sub-flow>`: processors only; errors go to the caller.
public struct SubFlowDefinition: Sendable {
    /// The sub-flow's `name`.
    public let name: String
    /// Where `<sub-flow>` is written.
    public let location: SourceLocation
    /// The sub-flow's processors, in order.
    public let processors: [ProcessorDefinition]

    /// Creates a definition.
    public init(name: String, location: SourceLocation, processors: [ProcessorDefinition]) {
        self.name = name
        self.location = location
        self.processors = processors
    }
}
