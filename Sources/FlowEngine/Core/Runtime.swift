import FlowCore
import FlowModel
import Logging

/// A built app: every flow compiled and frozen, every reference resolved, every connector
/// configuration and message source built, ready to run events.
///
/// Build it once with ``build(_:connectors:options:)``; run it with a ``RuntimeService``, which
/// starts the configurations, then the sources, and on shutdown stops the sources, waits for
/// in-flight work and shuts the configurations down. Sources call ``run(_:_:)`` concurrently.
public final class Runtime: Sendable {
    /// The app's name (`app.name`, and the `app` in error blocks).
    public let appName: String
    /// The flows, in the order the app defines them.
    public let flows: [Flow]
    /// The connector configurations, in the order they start (a configuration another one
    /// looked up while being built comes before it).
    public let configurations: [any ConnectorConfiguration]
    let subFlows: [SubFlow]
    let flowsByName: [String: Flow]
    /// Where a `flow-ref` to each name goes, for names computed per event.
    let flowRefTargets: [String: FlowRefTarget]
    let errorTypes: ErrorTypeRepository
    let coreErrors: CoreErrorTypes
    let property: @Sendable (String) -> String?
    let isSecretProperty: @Sendable (String) -> Bool
    /// Where DataWeave's `log` writes, built once: every evaluation hands it on.
    let dataWeaveLog: @Sendable (String) -> Void
    let loggers: LoggerFactory
    let work = InFlightWork()
    /// The observer the runtime was built with, for sources to report their answers to.
    let observer: (any RuntimeObserver)?
    private let builtSources = BuiltSources()

    init(appName: String, flows: [Flow], subFlows: [SubFlow], configurations: [any ConnectorConfiguration],
         errorTypes: ErrorTypeRepository, property: @escaping @Sendable (String) -> String?,
         isSecretProperty: @escaping @Sendable (String) -> Bool, loggers: LoggerFactory, observer: (any RuntimeObserver)? = nil) {
        self.appName = appName
        self.flows = flows
        self.subFlows = subFlows
        self.configurations = configurations
        self.errorTypes = errorTypes
        coreErrors = CoreErrorTypes(errorTypes)
        self.property = property
        self.isSecretProperty = isSecretProperty
        self.loggers = loggers
        self.observer = observer
        let dataWeaveLogger = loggers.logger(LogCategories.dataWeave)
        dataWeaveLog = { dataWeaveLogger.info("\($0)") }
        flowsByName = Dictionary(flows.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var targets: [String: FlowRefTarget] = [:]
        for (index, subFlow) in subFlows.enumerated() where targets[subFlow.name] == nil { targets[subFlow.name] = .subFlow(index) }
        for (index, flow) in flows.enumerated() where targets[flow.name] == nil { targets[flow.name] = .flow(index) }
        flowRefTargets = targets
    }

    /// The flow called `name`.
    public func flow(named name: String) -> Flow? { flowsByName[name] }

    /// The configuration called `name`.
    public func configuration(named name: String) -> (any ConnectorConfiguration)? {
        configurations.first { $0.name == name }
    }

    /// Every flow's message source, in the order of the flows.
    public var sources: [(flow: Flow, source: any FlowSource)] { builtSources.entries }

    /// What the build step warned about (the loader's warnings are in its own result).
    public var warnings: [Diagnostic] { builtSources.warnings }

    /// How many events and background branches are running now.
    public var inFlightCount: Int { work.count }

    /// Runs `event` through `flow` and its error handler. Shutdown waits for it.
    public func run(_ flow: Flow, _ event: Event) async -> FlowOutcome {
        work.enter()
        defer { work.leave() }
        let context = ExecutionContext(runtime: self, flowName: flow.name)
        do {
            return .success(try await flow.executeForSource(event, context))
        } catch {
            return .failure(error)
        }
    }

    /// Runs `event` through `flow` under a source's redelivery policy.
    func run(_ flow: Flow, _ event: Event, redelivery: RedeliveryPolicy) async -> FlowOutcome {
        work.enter()
        defer { work.leave() }
        return await redelivery.run(flow, event, ExecutionContext(runtime: self, flowName: flow.name))
    }

    /// Runs `operation` on its own task, beside the event that started it (an `async` scope's
    /// branch); shutdown waits for it like for an event.
    public func runInBackground(_ operation: @escaping @Sendable () async -> Void) {
        work.enter()
        Task { [work] in
            await operation()
            work.leave()
        }
    }

    /// Logs the error block of `failure` unless a handler already logged it.
    public func logIfUnlogged(_ failure: FlowFailure) {
        guard !failure.error.isLogged else { return }
        var metadata = ErrorLogBlock.metadata(failure.error, appName: appName)
        metadata[LogMetadataKeys.correlationId] = .string(failure.event.correlationId)
        loggers.logger(LogCategories.onErrorPropagate).error("\(ErrorLogBlock.render(failure.error, appName: appName))", metadata: metadata)
    }

    /// A logger for `category` at the category's configured level.
    public func logger(category: String) -> Logger { loggers.logger(category) }

    /// Keeps the sources built for this runtime (they need the runtime to exist first) and the
    /// build's warnings.
    func install(_ sources: [(flow: Flow, source: any FlowSource)], warnings: [Diagnostic]) {
        builtSources.set(sources, warnings: warnings)
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
