import FlowCore

/// The typed definitions gathered from every file, before cross-references are checked.
struct AppParts {
    var connectorConfigs: [ComponentDefinition] = []
    var flows: [FlowDefinition] = []
    var subFlows: [SubFlowDefinition] = []
    var globalErrorHandlers: [String: ErrorHandlerDefinition] = [:]
    var defaultErrorHandlerName: String?
    var cachingStrategies: [String: CachingStrategyDefinition] = [:]
    /// Every `on-error-*` `type` token with where it was written, resolved after all
    /// `raise-error` namespaces are known.
    var raisedTypes: [(ErrorTypeName, SourceLocation)] = []
}
