import FlowCore
import FlowModel

extension Runtime {
    /// Compiles `app` into a runtime: every flow, sub-flow and error handler becomes immutable
    /// processors, every `flow-ref` and handler reference is resolved, and every connector
    /// element is built by the connector owning its namespace.
    ///
    /// The loader has already validated the app; whatever still cannot be built is reported
    /// as diagnostics (all of them), and nothing runs.
    public static func build(_ app: AppDefinition, connectors: [any Connector] = [], options: RuntimeOptions = RuntimeOptions()) throws(DiagnosticList) -> Runtime {
        let properties = app.properties
        let property: @Sendable (String) -> String? = { properties.value(forKey: $0) }
        let loggers = LoggerFactory(levels: LogLevels(overrides: options.logLevelOverrides, property: property),
                                    makeHandler: options.logHandlerFactory)
        var builder = RuntimeBuilder(app: app, connectors: connectors, loggers: loggers, property: property)
        builder.services = options.services
        return try builder.build()
    }
}
