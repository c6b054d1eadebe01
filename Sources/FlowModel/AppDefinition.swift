import FlowCore
import FlowProperties

/// Everything an app's files define, checked and located: the input of the engine's build step.
public struct AppDefinition: Sendable {
    /// The app's name (the app directory's name), `app.name` in expressions.
    public let name: String
    /// How the app directory is laid out, and where relative file names are looked up.
    public let layout: AppLayout
    /// The XML files read, in load order (relative to the app directory).
    public let files: [String]
    /// The connectors' global elements (`procore:config`, `http:listener-config`,
    /// `tls:context`), in the order the app defines them.
    public let connectorConfigs: [ComponentDefinition]
    /// The `<flow>` elements, in load order.
    public let flows: [FlowDefinition]
    /// The `<sub-flow>` elements, in load order.
    public let subFlows: [SubFlowDefinition]
    /// Global error handlers, by name.
    public let globalErrorHandlers: [String: ErrorHandlerDefinition]
    /// `<configuration defaultErrorHandler-ref>`.
    public let defaultErrorHandlerName: String?
    /// The `<ee:object-store-caching-strategy>` elements, by name.
    public var cachingStrategies: [String: CachingStrategyDefinition] = [:]
    /// Every error type the app may raise or handle.
    public let errorTypes: ErrorTypeRepository
    /// The app directory (`conduit run --app DIR`) as an absolute path; relative paths of files
    /// the app writes (a connector's token store) are taken from here, not from the process's
    /// working directory.
    public var directory: String { layout.directory }

    /// The resolved properties, for `p('key')` and logging levels.
    public let properties: PropertyResolver
    /// The log levels of the project's `log4j2.xml` (none in Conduit's layout).
    public var logging = LoggingConfiguration()
    /// Where the connector elements start that the loader found errors in. Empty for an app that
    /// loaded cleanly; for a partly loaded one (``LoadResult/partialApp``) the build step skips
    /// them, so that it adds its own findings without repeating the loader's.
    public let incompleteComponents: Set<SourceLocation>

    /// Creates a definition.
    public init(name: String, layout: AppLayout, files: [String], connectorConfigs: [ComponentDefinition], flows: [FlowDefinition],
                subFlows: [SubFlowDefinition], globalErrorHandlers: [String: ErrorHandlerDefinition], defaultErrorHandlerName: String?,
                errorTypes: ErrorTypeRepository, properties: PropertyResolver, incompleteComponents: Set<SourceLocation> = []) {
        self.name = name
        self.layout = layout
        self.files = files
        self.connectorConfigs = connectorConfigs
        self.flows = flows
        self.subFlows = subFlows
        self.globalErrorHandlers = globalErrorHandlers
        self.defaultErrorHandlerName = defaultErrorHandlerName
        self.errorTypes = errorTypes
        self.properties = properties
        self.incompleteComponents = incompleteComponents
    }
}
