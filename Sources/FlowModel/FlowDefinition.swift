import FlowCore

/// A `<flow>`: an optional listener, processors, and an optional error handler.
public struct FlowDefinition: Sendable {
    public let name: String
    public let location: SourceLocation
    /// False for `initialState="stopped"`.
    public let startsStarted: Bool
    /// `maxConcurrency`, when set.
    public let maxConcurrency: Int?
    public let source: ListenerDefinition?
    public let processors: [ProcessorDefinition]
    public let errorHandler: ErrorHandlerDefinition?

    public init(name: String, location: SourceLocation, startsStarted: Bool, maxConcurrency: Int?, source: ListenerDefinition?, processors: [ProcessorDefinition], errorHandler: ErrorHandlerDefinition?) {
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
    public let name: String
    public let location: SourceLocation
    public let processors: [ProcessorDefinition]

    public init(name: String, location: SourceLocation, processors: [ProcessorDefinition]) {
        self.name = name
        self.location = location
        self.processors = processors
    }
}
