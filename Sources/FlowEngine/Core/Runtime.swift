import FlowCore
import FlowModel
import Logging

/// A built app: every flow compiled and frozen, every reference resolved, ready to run events.
///
/// Build it once with ``build(_:connectors:options:)``; sources (the HTTP listener) then call
/// ``run(_:_:)`` concurrently for each request.
public final class Runtime: Sendable {
    /// The app's name (`app.name`, and the `app` in error blocks).
    public let appName: String
    /// The flows, in the order the app defines them.
    public let flows: [Flow]
    /// The `http:listener-config` elements, for the HTTP source.
    public let listenerConfigs: [ListenerConfigDefinition]
    /// HTTP endpoints that connectors serve on listener configurations.
    public let endpoints: [ConnectorEndpoint]
    let subFlows: [SubFlow]
    let flowsByName: [String: Flow]
    let configurations: [any ConnectorConfiguration]
    let errorTypes: ErrorTypeRepository
    let coreErrors: CoreErrorTypes
    let property: @Sendable (String) -> String?
    let isSecretProperty: @Sendable (String) -> Bool
    let loggers: LoggerFactory

    init(appName: String, flows: [Flow], subFlows: [SubFlow], listenerConfigs: [ListenerConfigDefinition], endpoints: [ConnectorEndpoint],
         configurations: [any ConnectorConfiguration], errorTypes: ErrorTypeRepository,
         property: @escaping @Sendable (String) -> String?, isSecretProperty: @escaping @Sendable (String) -> Bool,
         loggers: LoggerFactory) {
        self.appName = appName
        self.flows = flows
        self.subFlows = subFlows
        self.listenerConfigs = listenerConfigs
        self.endpoints = endpoints
        self.configurations = configurations
        self.errorTypes = errorTypes
        coreErrors = CoreErrorTypes(errorTypes)
        self.property = property
        self.isSecretProperty = isSecretProperty
        self.loggers = loggers
        flowsByName = Dictionary(flows.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The flow called `name`.
    public func flow(named name: String) -> Flow? { flowsByName[name] }

    /// Runs `event` through `flow` and its error handler.
    public func run(_ flow: Flow, _ event: Event) async -> FlowOutcome {
        let context = ExecutionContext(runtime: self, flowName: flow.name)
        do {
            return .success(try await flow.execute(event, context))
        } catch {
            return .failure(error)
        }
    }

    /// Evaluates `parameter` against `event` as if in `flow` (the HTTP source's response builders
    /// use this); a failure is a `MULE:EXPRESSION` error raised by `element`.
    public func evaluate(_ parameter: ParameterValue, on event: Event, in flow: Flow, at element: ElementReference) throws(FlowFailure) -> Value {
        try ExecutionContext(runtime: self, flowName: flow.name).evaluate(parameter, event, at: element)
    }

    /// A failure of `element` in `flow` with a core error type (`SOURCE_RESPONSE_GENERATE`…),
    /// for errors a source raises itself.
    public func failure(_ coreIdentifier: String, _ description: String, in flow: Flow, at element: ElementReference, event: Event) -> FlowFailure {
        let type = errorTypes.lookup(ErrorTypeName(namespace: "MULE", identifier: coreIdentifier)) ?? coreErrors.unknown
        return ExecutionContext(runtime: self, flowName: flow.name).failure(type, description, at: element, event: event)
    }

    /// Logs the error block of `failure` unless a handler already logged it.
    public func logIfUnlogged(_ failure: FlowFailure) {
        guard !failure.error.isLogged else { return }
        loggers.logger(LogCategories.onErrorPropagate).error("\(ErrorLogBlock.render(failure.error, appName: appName))", metadata: [
            LogMetadataKeys.correlationId: .string(failure.event.correlationId),
            LogMetadataKeys.errorType: .string(failure.error.type.description),
        ])
    }

    /// A logger for `category` at the category's configured level.
    public func logger(category: String) -> Logger { loggers.logger(category) }

    /// Starts every connector configuration, once the listeners are bound.
    public func startConnectors(_ context: ConnectorStartContext) async throws {
        for configuration in configurations {
            try await configuration.start(context)
        }
    }

    /// Shuts every connector configuration down, in reverse order.
    public func shutdownConnectors() async {
        for configuration in configurations.reversed() {
            await configuration.shutdown()
        }
    }

    /// Runs the flow or sub-flow a `flow-ref` resolved to.
    func invoke(_ target: FlowRefTarget, _ event: Event, _ context: ExecutionContext) async throws(FlowFailure) -> Event {
        switch target {
        case .flow(let index):
            return try await flows[index].execute(event, context)
        case .subFlow(let index):
            return try await subFlows[index].chain.process(event, context)
        }
    }
}
