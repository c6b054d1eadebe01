import FlowCore
import FlowModel
import Logging

/// Turns definitions into processors (the "reifier"): one pass over the app, collecting every
/// problem before failing.
struct RuntimeBuilder {
    let app: AppDefinition
    let loggers: LoggerFactory
    let property: @Sendable (String) -> String?
    /// Handed to connectors through the build context.
    var services = ServiceRegistry()
    private let connectors: [String: any Connector]
    private let flowIndex: [String: Int]
    private let subFlowIndex: [String: Int]
    private var diagnostics: [Diagnostic] = []
    private var configurations: [String: any ConnectorConfiguration] = [:]
    private var configurationOrder: [any ConnectorConfiguration] = []
    private var globalHandlers: [String: ErrorHandler] = [:]
    private var handlersInProgress: Set<String> = []
    private var loggerCache: [String: Logger] = [:]

    init(app: AppDefinition, connectors: [any Connector], loggers: LoggerFactory, property: @escaping @Sendable (String) -> String?) {
        self.app = app
        self.loggers = loggers
        self.property = property
        self.connectors = Dictionary(connectors.map { ($0.declaration.errorNamespace.uppercased(), $0) }, uniquingKeysWith: { first, _ in first })
        flowIndex = Dictionary(app.flows.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        subFlowIndex = Dictionary(app.subFlows.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    mutating func build() throws(DiagnosticList) -> Runtime {
        let buildContext = ConnectorBuildContext(appName: app.name, appDirectory: app.directory, listenerConfigs: app.listenerConfigs, properties: property, loggers: loggers)
        buildContext.services = services
        for definition in app.connectorConfigs {
            buildConfiguration(definition, buildContext)
        }
        let listenerNames = Set(app.listenerConfigs.map(\.name))
        for endpoint in buildContext.endpoints where !listenerNames.contains(endpoint.listenerConfig) {
            diagnostics.append(.error("Endpoint '\(endpoint.path)' is to be served on http:listener-config '\(endpoint.listenerConfig)', but no such definition exists in the application configuration.",
                                      at: endpoint.location))
        }
        if let name = app.defaultErrorHandlerName {
            _ = globalHandler(named: name, at: .synthetic("<configuration defaultErrorHandler-ref>"))
        }
        let subFlows = app.subFlows.map { SubFlow(name: $0.name, chain: chain($0.processors)) }
        var flows: [Flow] = []
        for definition in app.flows {
            let handler = resolveHandler(definition.errorHandler, owner: definition.location)
            flows.append(Flow(definition: definition, chain: chain(definition.processors), errorHandler: handler))
        }
        let list = DiagnosticList(diagnostics)
        if list.hasErrors { throw list }
        let lifecycle = logger(LogCategories.flowLifecycle)
        for flow in flows where !flow.isStarted {
            lifecycle.info("Flow \(flow.name) has not been started (initial state = 'stopped')")
        }
        return Runtime(appName: app.name, flows: flows, subFlows: subFlows, listenerConfigs: app.listenerConfigs,
                       endpoints: buildContext.endpoints, configurations: configurationOrder, errorTypes: app.errorTypes,
                       property: property, isSecretProperty: { [resolver = app.properties] in resolver.readsSecret(key: $0) }, loggers: loggers)
    }

    // MARK: Connectors

    private mutating func buildConfiguration(_ definition: ComponentDefinition, _ context: ConnectorBuildContext) {
        guard let connector = connectors[definition.namespace.uppercased()] else {
            diagnostics.append(.error("No connector handles <\(definition.qualifiedName)>.", at: definition.location))
            return
        }
        do {
            let configuration = try connector.makeConfiguration(definition, context: context)
            configurations[configuration.name] = configuration
            configurationOrder.append(configuration)
        } catch {
            diagnostics.append(contentsOf: error.diagnostics)
        }
    }

    private mutating func operation(_ definition: ComponentDefinition, _ processor: ProcessorDefinition) -> any Processor {
        let element = reference(processor)
        guard let connector = connectors[definition.namespace.uppercased()] else {
            diagnostics.append(.error("No connector handles <\(definition.qualifiedName)>.", at: definition.location))
            return PassThroughProcessor()
        }
        var configuration: (any ConnectorConfiguration)?
        if let configName = definition.parameters["config-ref"]?.text {
            configuration = configurations[configName]
            if configuration == nil {
                diagnostics.append(.error("<\(definition.qualifiedName)> references config '\(configName)', which could not be built.", at: definition.location))
                return PassThroughProcessor()
            }
        }
        do {
            let operation = try connector.makeOperation(definition, configuration: configuration)
            return OperationProcessor(element: element, operation: operation, target: definition.parameters["target"]?.text,
                                      targetValue: definition.parameters["targetValue"],
                                      logger: logger("conduit.connector.\(connector.declaration.prefix)"))
        } catch {
            diagnostics.append(contentsOf: error.diagnostics)
            return PassThroughProcessor()
        }
    }

    // MARK: Processors

    private mutating func chain(_ definitions: [ProcessorDefinition]) -> ProcessorChain {
        var processors: [any Processor] = []
        processors.reserveCapacity(definitions.count)
        for definition in definitions {
            processors.append(compile(definition))
        }
        return ProcessorChain(processors: processors)
    }

    private mutating func compile(_ definition: ProcessorDefinition) -> any Processor {
        let element = reference(definition)
        switch definition.kind {
        case .logger(let message, let level, let category):
            return LoggerProcessor(element: element, message: message, level: level.swiftLogLevel,
                                   logger: logger(category ?? LogCategories.logger))
        case .setPayload(let value):
            return SetPayloadProcessor(element: element, value: value)
        case .setVariable(let name, let value):
            return SetVariableProcessor(element: element, name: name, value: value)
        case .removeVariable(let name):
            return RemoveVariableProcessor(element: element, name: name, logger: logger(LogCategories.removeVariable))
        case .flowRef(let name, let target, let targetValue):
            let callee: FlowRefTarget
            if let index = flowIndex[name] {
                callee = .flow(index)
            } else if let index = subFlowIndex[name] {
                callee = .subFlow(index)
            } else {
                diagnostics.append(.error("'flow-ref' is pointing to '\(name)' which does not exist", at: definition.location))
                return PassThroughProcessor()
            }
            return FlowRefProcessor(element: element, calleeName: name, callee: callee, target: target, targetValue: targetValue)
        case .choice(let routes, let otherwise):
            let compiledRoutes = routes.map { ChoiceProcessor.Route(condition: $0.condition, chain: chain($0.processors)) }
            return ChoiceProcessor(element: element, routes: compiledRoutes, otherwise: otherwise.map { chain($0) })
        case .tryScope(let processors, let errorHandler):
            let body = chain(processors)
            return TryProcessor(chain: body, errorHandler: resolveHandler(errorHandler, owner: definition.location))
        case .raiseError(let name, let description):
            let type = app.errorTypes.lookup(name) ?? ErrorType(namespace: name.namespace, identifier: name.identifier,
                                                                  parent: app.errorTypes.core("ANY"))
            return RaiseErrorProcessor(element: element, type: type, errorDescription: description)
        case .untilSuccessful(let maxRetries, let millisBetweenRetries, let processors):
            return UntilSuccessfulProcessor(element: element, maxRetries: maxRetries, millisBetweenRetries: millisBetweenRetries,
                                            chain: chain(processors), logger: logger(LogCategories.untilSuccessful))
        case .forEach(let collection, let counterVariableName, let rootMessageVariableName, let processors):
            return ForEachProcessor(element: element, collection: collection, counterVariableName: counterVariableName,
                                    rootMessageVariableName: rootMessageVariableName, chain: chain(processors))
        case .operation(let component):
            return operation(component, definition)
        }
    }

    // MARK: Error handlers

    /// The handler of a flow or `try`: its own entries, the global one it references, else the
    /// app's default handler, else the implicit one (log and propagate).
    private mutating func resolveHandler(_ definition: ErrorHandlerDefinition?, owner: SourceLocation) -> ErrorHandler {
        if let definition {
            if let ref = definition.ref {
                return globalHandler(named: ref, at: definition.location) ?? implicitHandler()
            }
            return compileHandler(definition)
        }
        if let name = app.defaultErrorHandlerName, let handler = globalHandler(named: name, at: owner) {
            return handler
        }
        return implicitHandler()
    }

    private mutating func globalHandler(named name: String, at location: SourceLocation) -> ErrorHandler? {
        if let handler = globalHandlers[name] { return handler }
        guard let definition = app.globalErrorHandlers[name] else {
            diagnostics.append(.error("Error handler '\(name)' does not exist.", at: location))
            return nil
        }
        guard !handlersInProgress.contains(name) else {
            diagnostics.append(.error("Error handler '\(name)' refers to itself.", at: location))
            return nil
        }
        handlersInProgress.insert(name)
        let handler = compileHandler(definition)
        handlersInProgress.remove(name)
        globalHandlers[name] = handler
        return handler
    }

    private mutating func compileHandler(_ definition: ErrorHandlerDefinition) -> ErrorHandler {
        var handlers: [OnErrorHandler] = []
        for entry in definition.handlers {
            let category = entry.kind == .continue ? LogCategories.onErrorContinue : LogCategories.onErrorPropagate
            handlers.append(OnErrorHandler(kind: entry.kind, types: entry.types, condition: entry.condition,
                                           logException: entry.logException, chain: chain(entry.processors),
                                           element: ElementReference(path: entry.kind.rawValue, location: entry.location),
                                           logger: logger(category)))
        }
        let any = app.errorTypes.core("ANY")
        let lastAcceptsAll = handlers.last.map { $0.condition == nil && ($0.types.isEmpty || $0.types.contains(any)) } ?? false
        if !lastAcceptsAll {
            handlers.append(implicitEntry())
        }
        return ErrorHandler(handlers: handlers)
    }

    private mutating func implicitHandler() -> ErrorHandler {
        ErrorHandler(handlers: [implicitEntry()])
    }

    private mutating func implicitEntry() -> OnErrorHandler {
        OnErrorHandler(kind: .propagate, types: [], condition: nil, logException: true, chain: .empty,
                       element: ElementReference(path: "on-error-propagate", location: .synthetic("default error handler")),
                       logger: logger(LogCategories.onErrorPropagate))
    }

    // MARK: Helpers

    private func reference(_ definition: ProcessorDefinition) -> ElementReference {
        ElementReference(path: definition.path, location: definition.location)
    }

    private mutating func logger(_ category: String) -> Logger {
        if let cached = loggerCache[category] { return cached }
        let made = loggers.logger(category)
        loggerCache[category] = made
        return made
    }
}

/// Stands in for an element that could not be built; never runs, because building then fails.
struct PassThroughProcessor: Processor {
    func process(_ event: Event, _ context: ExecutionContext) async throws(FlowFailure) -> Event { event }
}
