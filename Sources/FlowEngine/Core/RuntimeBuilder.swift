import FlowCore
import FlowModel
import Logging
import FlowProperties

/// Turns definitions into processors, configurations and sources (the "reifier"): one pass over
/// the app, collecting every problem before failing.
///
/// For a partly loaded app (`isPartial`), the elements the loader reported are skipped and
/// references to what it could not read are not reported again: the build then only adds the
/// connectors' own findings.
final class RuntimeBuilder {
    let app: AppDefinition
    let loggers: LoggerFactory
    let property: @Sendable (String) -> String?
    private let isPartial: Bool
    /// Wrapped around flows and operations when set (``RuntimeOptions/observer``).
    var observer: (any RuntimeObserver)?
    /// Handed to connectors through the build context.
    var services = ServiceRegistry()
    private let connectors: [String: any Connector]
    private let flowIndex: [String: Int]
    private let subFlowIndex: [String: Int]
    private let configDefinitions: [String: ComponentDefinition]
    var diagnostics: [Diagnostic] = []
    private var configurations: [String: any ConnectorConfiguration] = [:]
    private var configurationOrder: [any ConnectorConfiguration] = []
    /// Configurations being built, to report a configuration that needs itself.
    private var configurationsInProgress: Set<String> = []
    /// Configurations tried already, built or not, so that each is built (and reported) once.
    private var configurationsTried: Set<String> = []
    private var globalHandlers: [String: ErrorHandler] = [:]
    private var handlersInProgress: Set<String> = []
    private var loggerCache: [String: Logger] = [:]
    /// The caching strategies built so far, by name, so every scope naming one shares it.
    var cachingStrategies: [String: CachingStrategy] = [:]
    /// Where the internal stores of validators and redelivery policies keep their entries: the
    /// registered transient store (a cluster's), else this process's memory.
    private let internalStores: any KeyValueStore
    private lazy var buildContext: ConnectorBuildContext = {
        let context = ConnectorBuildContext(
            appName: app.name, layout: app.layout, properties: { [properties = app.properties] in properties.value(forKey: $0) }, loggers: loggers,
            observer: observer,
            lookup: { [unowned self] name in self.configuration(named: name) },
            globalNames: { [unowned self] namespace, element in self.globalNames(namespace: namespace, element: element) },
            warn: { [unowned self] diagnostic in self.diagnostics.append(diagnostic) })
        context.services = services
        return context
    }()

    init(app: AppDefinition, connectors: [any Connector], options: RuntimeOptions, isPartial: Bool) {
        self.app = app
        self.isPartial = isPartial
        observer = options.observer
        services = options.services
        internalStores = options.services[TransientKeyValueStoreKey.self] ?? MemoryKeyValueStore()
        let properties = app.properties
        // Expressions read configuration properties only (`p()`, issue 21 L1); log levels may
        // also come from the command line and the environment.
        property = { properties.configurationValue(forKey: $0) }
        loggers = LoggerFactory(levels: LogLevels(overrides: options.logLevelOverrides, property: { properties.value(forKey: $0) },
                                                  configured: app.logging.levels.compactMapValues(LogLevels.parse)),
                                makeHandler: options.logHandlerFactory)
        self.connectors = Dictionary(connectors.map { ($0.declaration.errorNamespace.uppercased(), $0) }, uniquingKeysWith: { first, _ in first })
        flowIndex = Dictionary(app.flows.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        subFlowIndex = Dictionary(app.subFlows.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        configDefinitions = Dictionary(app.connectorConfigs.compactMap { definition in definition.parameters["name"].map { ($0.text, definition) } },
                                       uniquingKeysWith: { first, _ in first })
    }

    func build() throws(DiagnosticList) -> Runtime {
        for definition in app.connectorConfigs {
            if let name = definition.parameters["name"]?.text {
                _ = configuration(named: name)
            } else {
                unnamedConfiguration(definition)
            }
        }
        if let name = app.defaultErrorHandlerName {
            _ = globalHandler(named: name, at: .synthetic("<configuration defaultErrorHandler-ref>"))
        }
        let subFlows = app.subFlows.map { SubFlow(name: $0.name, chain: chain($0.processors)) }
        var flows: [Flow] = []
        for definition in app.flows {
            let handler = resolveHandler(definition.errorHandler, owner: definition.location)
            flows.append(Flow(definition: definition, chain: chain(definition.processors), errorHandler: handler, observer: observer))
        }
        let runtime = Runtime(appName: app.name, flows: flows, subFlows: subFlows, configurations: configurationOrder,
                              errorTypes: app.errorTypes, property: property,
                              isSecretProperty: { [resolver = app.properties] in resolver.readsSecret(key: $0) }, loggers: loggers,
                              observer: observer)
        var sources: [(flow: Flow, source: any FlowSource)] = []
        for (definition, flow) in zip(app.flows, flows) {
            guard let sourceDefinition = definition.source, !isSkipped(sourceDefinition) else { continue }
            let redelivery = sourceDefinition.child("redelivery-policy").flatMap { redeliveryPolicy($0, owner: "\(flow.name)/source") }
            guard let source = source(sourceDefinition, flow: SourceFlow(flow: flow, runtime: runtime, redelivery: redelivery)) else { continue }
            sources.append((flow, source))
        }
        let list = DiagnosticList(diagnostics)
        if list.hasErrors { throw list }
        let lifecycle = logger(LogCategories.flowLifecycle)
        for flow in flows where !flow.isStarted {
            lifecycle.info("Flow \(flow.name) has not been started (initial state = 'stopped')")
        }
        runtime.install(sources, warnings: diagnostics)
        return runtime
    }

    // MARK: Connectors

    /// The configuration called `name`, built on first use (so a configuration another one looks
    /// up is built, and started, first); nil when there is none or it could not be built.
    private func configuration(named name: String) -> (any ConnectorConfiguration)? {
        if let built = configurations[name] { return built }
        guard let definition = configDefinitions[name], !configurationsTried.contains(name) else { return nil }
        guard !configurationsInProgress.contains(name) else {
            diagnostics.append(.error("Configuration '\(name)' needs itself to be built.", at: definition.location))
            return nil
        }
        guard !isSkipped(definition), let connector = connector(for: definition) else {
            configurationsTried.insert(name)
            return nil
        }
        configurationsInProgress.insert(name)
        defer {
            configurationsInProgress.remove(name)
            configurationsTried.insert(name)
        }
        do {
            let configuration = try connector.makeConfiguration(definition, context: buildContext)
            configurations[name] = configuration
            configurationOrder.append(configuration)
            return configuration
        } catch {
            diagnostics.append(contentsOf: error.diagnostics)
            return nil
        }
    }

    /// Builds a global element that takes no name (`spring:security-manager`): nothing looks it
    /// up, but it starts and stops with the others.
    private func unnamedConfiguration(_ definition: ComponentDefinition) {
        guard !isSkipped(definition), let connector = connector(for: definition) else { return }
        do {
            configurationOrder.append(try connector.makeConfiguration(definition, context: buildContext))
        } catch {
            diagnostics.append(contentsOf: error.diagnostics)
        }
    }

    /// The names of the app's global elements `<namespace:element>` (`SPRING`, `config`), in the
    /// order written.
    func globalNames(namespace: String, element: String) -> [String] {
        app.connectorConfigs.compactMap { definition in
            guard definition.namespace.uppercased() == namespace.uppercased(), definition.name == element else { return nil }
            return definition.parameters["name"]?.text
        }
    }

    /// The connector owning `definition`'s namespace; reported when there is none.
    private func connector(for definition: ComponentDefinition) -> (any Connector)? {
        if let connector = connectors[definition.namespace.uppercased()] { return connector }
        diagnostics.append(.error("No connector handles <\(definition.qualifiedName)>.", at: definition.location))
        return nil
    }

    /// Whether the loader reported a problem in `definition` of a partly loaded app.
    func isSkipped(_ definition: ComponentDefinition) -> Bool {
        isPartial && app.incompleteComponents.contains(definition.location)
    }

    /// The configuration `definition`'s `config-ref` names: `.none` without a `config-ref`, nil
    /// when it names one that could not be built (reported unless the loader reported it).
    private func referencedConfiguration(_ definition: ComponentDefinition) -> (any ConnectorConfiguration)?? {
        guard let configName = definition.parameters["config-ref"]?.text else { return .some(nil) }
        if let configuration = configuration(named: configName) { return .some(configuration) }
        // A configuration that failed reported why; only a name the loader let through unchecked
        // is news.
        if !isPartial, configDefinitions[configName] == nil {
            diagnostics.append(.error("<\(definition.qualifiedName)> references config '\(configName)', which is not defined.",
                                      at: definition.location))
        }
        return nil
    }

    private func operation(_ definition: ComponentDefinition, _ processor: ProcessorDefinition) -> any Processor {
        let element = reference(processor)
        guard !isSkipped(definition), let connector = connector(for: definition),
              let configuration = referencedConfiguration(definition) else { return PassThroughProcessor() }
        do {
            let operation = try connector.makeOperation(definition, configuration: configuration, context: buildContext)
            let logger = logger("conduit.connector.\(connector.declaration.prefix)")
            if let filter = operation as? any SecurityFilter {
                return SecurityFilterProcessor(element: element, filter: filter, errorMappings: definition.errorMappings, logger: logger)
            }
            let observed = ObservedOperation.wrapping(operation, observer: observer, connector: connector.declaration.prefix,
                                                      name: definition.name)
            return OperationProcessor(element: element, operation: observed, target: definition.parameters["target"]?.text,
                                      targetValue: definition.parameters["targetValue"],
                                      logger: logger, errorMappings: definition.errorMappings)
        } catch {
            diagnostics.append(contentsOf: error.diagnostics)
            return PassThroughProcessor()
        }
    }

    private func source(_ definition: ComponentDefinition, flow: SourceFlow) -> (any FlowSource)? {
        guard !isSkipped(definition) else { return nil }
        if definition.namespace == "MULE" {
            // Core sources (`scheduler`) are the engine's own.
            do {
                return try SchedulerSource.make(definition, flow: flow,
                                                leadership: services[SchedulerLeadershipKey.self] ?? LocalSchedulerLeadership(),
                                                logger: logger(LogCategories.scheduler), warn: { diagnostics.append($0) })
            } catch {
                diagnostics.append(contentsOf: error.diagnostics)
                return nil
            }
        }
        guard let connector = connector(for: definition),
              let configuration = referencedConfiguration(definition) else { return nil }
        do {
            return try connector.makeSource(definition, flow: flow, configuration: configuration, context: buildContext)
        } catch {
            diagnostics.append(contentsOf: error.diagnostics)
            return nil
        }
    }

    // MARK: Processors

    private func chain(_ definitions: [ProcessorDefinition]) -> ProcessorChain {
        var processors: [any Processor] = []
        processors.reserveCapacity(definitions.count)
        for definition in definitions {
            processors.append(compile(definition))
        }
        return ProcessorChain(processors: processors)
    }

    private func compile(_ definition: ProcessorDefinition) -> any Processor {
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
        case .dynamicFlowRef(let name, let target, let targetValue):
            return DynamicFlowRefProcessor(element: element, name: name, target: target, targetValue: targetValue)
        case .flowRef(let name, let target, let targetValue):
            let callee: FlowRefTarget
            if let index = flowIndex[name] {
                callee = .flow(index)
            } else if let index = subFlowIndex[name] {
                callee = .subFlow(index)
            } else {
                if !isPartial {
                    diagnostics.append(.error("'flow-ref' is pointing to '\(name)' which does not exist", at: definition.location))
                }
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
        case .parseTemplate(let template, let target, let targetValue):
            return ParseTemplateProcessor(element: element, template: template, target: target, targetValue: targetValue)
        case .scatterGather(let timeoutMillis, let maxConcurrency, let collectList, let routes, let target, let targetValue):
            return ScatterGatherProcessor(element: element, routes: routes.map { chain($0) }, timeout: timeoutMillis.map { .milliseconds($0) },
                                          maxConcurrency: maxConcurrency, collectList: collectList, target: target, targetValue: targetValue)
        case .firstSuccessful(let routes):
            return FirstSuccessfulProcessor(routes: routes.map { chain($0) })
        case .roundRobin(let routes):
            return RoundRobinProcessor(routes: routes.map { chain($0) })
        case .async(let maxConcurrency, let processors):
            return AsyncProcessor(element: element, chain: chain(processors), gate: maxConcurrency.map { AsyncGate(limit: max($0, 1)) })
        case .idempotentMessageValidator(let validator):
            guard let store = objectStore(reference: validator.objectStore, privateStore: validator.privateStore, owner: definition.path,
                                          defaultName: "\(definition.path).idempotent-message-validator") else { return PassThroughProcessor() }
            return IdempotentMessageValidatorProcessor(element: element, idExpression: validator.idExpression,
                                                       valueExpression: validator.valueExpression, store: store,
                                                       logger: logger(LogCategories.idempotentMessageValidator))
        case .transform(let transform):
            return TransformProcessor(element: element, transform: transform)
        case .cache(let strategyName, let filter, let processors):
            let body = chain(processors)
            guard let strategy = cachingStrategy(strategyName, scope: definition) else { return PassThroughProcessor() }
            return CacheProcessor(element: element, strategy: strategy, filter: filter, chain: body)
        case .invalidateCacheKey(let strategyName, let key):
            guard let strategy = cachingStrategy(strategyName, scope: definition) else { return PassThroughProcessor() }
            return CacheInvalidationProcessor(element: element, strategy: strategy, scope: .key(key))
        case .invalidateCache(let strategyName):
            guard let strategy = cachingStrategy(strategyName, scope: definition) else { return PassThroughProcessor() }
            return CacheInvalidationProcessor(element: element, strategy: strategy, scope: .all)
        case .operation(let component):
            return operation(component, definition)
        }
    }

    // MARK: Object stores

    /// The store a core element (`idempotent-message-validator`, `redelivery-policy`) uses: the
    /// `os:object-store` its `objectStore` names, its inline `os:private-object-store` (built by the
    /// connector that declares it), else an internal transient one (Mule's: entries live 5 minutes).
    /// Nil when the store named or declared could not be built (reported).
    func objectStore(reference: ParameterValue?, privateStore: ComponentDefinition?, owner: String,
                     defaultName: String) -> ObjectStore? {
        if let reference {
            guard let configuration = configuration(named: reference.text) else { return nil }
            guard let declared = configuration as? any ObjectStoreConfiguration else {
                diagnostics.append(.error("'\(reference.text)' is not an object store.", at: reference.valueLocation))
                return nil
            }
            return declared.objectStore
        }
        if let privateStore {
            guard !isSkipped(privateStore), let connector = connector(for: privateStore) else { return nil }
            guard let provider = connector as? any ObjectStoreProvider else {
                diagnostics.append(.error("<\(privateStore.qualifiedName)> is not an object store.", at: privateStore.location))
                return nil
            }
            do {
                return try provider.makePrivateObjectStore(privateStore, owner: owner, context: buildContext)
            } catch {
                diagnostics.append(contentsOf: error.diagnostics)
                return nil
            }
        }
        return ObjectStore(name: defaultName, settings: .internalDefault, backend: internalStores, partition: defaultName)
    }

    // MARK: Error handlers

    /// The handler of a flow or `try`: its own entries, the global one it references, else the
    /// app's default handler, else the implicit one (log and propagate).
    private func resolveHandler(_ definition: ErrorHandlerDefinition?, owner: SourceLocation) -> ErrorHandler {
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

    private func globalHandler(named name: String, at location: SourceLocation) -> ErrorHandler? {
        if let handler = globalHandlers[name] { return handler }
        guard let definition = app.globalErrorHandlers[name] else {
            if !isPartial { diagnostics.append(.error("Error handler '\(name)' does not exist.", at: location)) }
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

    private func compileHandler(_ definition: ErrorHandlerDefinition) -> ErrorHandler {
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

    private func implicitHandler() -> ErrorHandler {
        ErrorHandler(handlers: [implicitEntry()])
    }

    private func implicitEntry() -> OnErrorHandler {
        OnErrorHandler(kind: .propagate, types: [], condition: nil, logException: true, chain: .empty,
                       element: ElementReference(path: "on-error-propagate", location: .synthetic("default error handler")),
                       logger: logger(LogCategories.onErrorPropagate))
    }

    // MARK: Helpers

    private func reference(_ definition: ProcessorDefinition) -> ElementReference {
        ElementReference(path: definition.path, location: definition.location)
    }

    func logger(_ category: String) -> Logger {
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
