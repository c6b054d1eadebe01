import FlowCore
import FlowModel
import Logging

/// What a connector may use while its configurations are built: the app's name, properties,
/// listener configurations and loggers, and a way to serve extra HTTP endpoints (an OAuth
/// `authorizePath` and `callbackPath`) on a listener without the engine knowing HTTP.
public final class ConnectorBuildContext {
    /// The app's name.
    public let appName: String
    /// The app directory, absolute: relative file paths in a connector's configuration are
    /// taken from here.
    public let appDirectory: String
    /// The app's `http:listener-config` elements.
    public let listenerConfigs: [ListenerConfigDefinition]
    /// Services the executable provides (``RuntimeOptions/services``); a connector uses its
    /// own default for whatever is not set.
    public internal(set) var services = ServiceRegistry()
    private let properties: @Sendable (String) -> String?
    private let loggers: LoggerFactory
    private(set) var endpoints: [ConnectorEndpoint] = []

    init(appName: String, appDirectory: String, listenerConfigs: [ListenerConfigDefinition], properties: @escaping @Sendable (String) -> String?, loggers: LoggerFactory) {
        self.appName = appName
        self.appDirectory = appDirectory
        self.listenerConfigs = listenerConfigs
        self.properties = properties
        self.loggers = loggers
    }

    /// The resolved property `key`.
    public func property(_ key: String) -> String? { properties(key) }

    /// The listener configuration called `name`.
    public func listenerConfig(named name: String) -> ListenerConfigDefinition? {
        listenerConfigs.first { $0.name == name }
    }

    /// A logger for `category` at the category's configured level.
    public func logger(category: String) -> Logger { loggers.logger(category) }

    /// Serves `endpoint` on its listener configuration once the app runs.
    public func register(_ endpoint: ConnectorEndpoint) {
        endpoints.append(endpoint)
    }
}

/// What a connector configuration may use when it starts: where the listeners ended up.
public struct ConnectorStartContext: Sendable {
    /// The base URL of each bound listener configuration, by name
    /// (`http://127.0.0.1:8081/api`, without a trailing slash): the configured host (a wildcard
    /// host as `localhost`) and the port actually bound. The one source of a listener's address
    /// for redirect URIs and messages.
    public let listenerBaseURLs: [String: String]

    /// Creates a context.
    public init(listenerBaseURLs: [String: String]) {
        self.listenerBaseURLs = listenerBaseURLs
    }
}
