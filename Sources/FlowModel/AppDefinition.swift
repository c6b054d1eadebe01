import FlowCore
import FlowProperties

/// Everything an app's files define, checked and located: the input of the engine's build step.
public struct AppDefinition: Sendable {
    /// The app's name (the app directory's name), `app.name` in expressions.
    public let name: String
    /// The app directory (`conduit run --app DIR`) as an absolute path; relative file paths in
    /// the app's configuration (a connector's token store) are taken from here, not from the
    /// process's working directory.
    public let directory: String
    /// The XML files read, in load order (relative to the app directory).
    public let files: [String]
    public let listenerConfigs: [ListenerConfigDefinition]
    /// Connector configs (`procore:config`), by name.
    public let connectorConfigs: [ComponentDefinition]
    public let flows: [FlowDefinition]
    public let subFlows: [SubFlowDefinition]
    /// Global error handlers, by name.
    public let globalErrorHandlers: [String: ErrorHandlerDefinition]
    /// `<configuration defaultErrorHandler-ref>`.
    public let defaultErrorHandlerName: String?
    /// Every error type the app may raise or handle.
    public let errorTypes: ErrorTypeRepository
    /// The resolved properties, for `p('key')` and logging levels.
    public let properties: PropertyResolver

    public init(name: String, directory: String, files: [String], listenerConfigs: [ListenerConfigDefinition], connectorConfigs: [ComponentDefinition], flows: [FlowDefinition], subFlows: [SubFlowDefinition], globalErrorHandlers: [String: ErrorHandlerDefinition], defaultErrorHandlerName: String?, errorTypes: ErrorTypeRepository, properties: PropertyResolver) {
        self.name = name
        self.directory = directory
        self.files = files
        self.listenerConfigs = listenerConfigs
        self.connectorConfigs = connectorConfigs
        self.flows = flows
        self.subFlows = subFlows
        self.globalErrorHandlers = globalErrorHandlers
        self.defaultErrorHandlerName = defaultErrorHandlerName
        self.errorTypes = errorTypes
        self.properties = properties
    }
}
