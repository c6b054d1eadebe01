import FlowCore
import FlowModel
import Logging

/// What a connector may use while its configurations and sources are built: the app's name,
/// directory and properties, loggers, the other configurations (an OAuth connector serves its
/// callback on an HTTP listener configuration), and a way to warn.
///
/// Used during the build only, from one task.
public final class ConnectorBuildContext {
    /// The app's name.
    public let appName: String
    /// The app directory, absolute: relative file paths in a connector's configuration are
    /// taken from here.
    public let appDirectory: String
    /// How the app is laid out: where relative file names of its configuration (a key store) are
    /// looked up (``AppLayout/locate(_:)``: the classpath first in a Mule project).
    public let layout: AppLayout
    /// Services the executable provides (``RuntimeOptions/services``); a connector uses its
    /// own default for whatever is not set.
    public internal(set) var services = ServiceRegistry()
    /// Hears what the connector reports about its remote calls (retries, token refreshes, rate
    /// limits); nil when nobody observes the runtime.
    public let observer: (any ConnectorObserver)?
    private let properties: @Sendable (String) -> String?
    private let loggers: LoggerFactory
    private let lookup: (String) -> (any ConnectorConfiguration)?
    private let globalNames: (String, String) -> [String]
    private let warn: (Diagnostic) -> Void
    private var appScopedValues: [String: Any] = [:]

    init(appName: String, layout: AppLayout, properties: @escaping @Sendable (String) -> String?, loggers: LoggerFactory,
         observer: (any ConnectorObserver)? = nil,
         lookup: @escaping (String) -> (any ConnectorConfiguration)?,
         globalNames: @escaping (String, String) -> [String] = { _, _ in [] }, warn: @escaping (Diagnostic) -> Void) {
        self.appName = appName
        self.observer = observer
        appDirectory = layout.directory
        self.layout = layout
        self.properties = properties
        self.loggers = loggers
        self.lookup = lookup
        self.globalNames = globalNames
        self.warn = warn
    }

    /// The resolved property `key`.
    public func property(_ key: String) -> String? { properties(key) }

    /// A logger for `category` at the category's configured level.
    public func logger(category: String) -> Logger { loggers.logger(category) }

    /// The configuration whose global element is called `name`, of any connector; built now if
    /// it has not been yet, so it also starts before the configuration asking for it. Nil when
    /// there is no such element, or it could not be built (its own problems are reported).
    public func configuration(named name: String) -> (any ConnectorConfiguration)? { lookup(name) }

    /// The names of the app's global elements `<namespace:element>` (error namespace, such as
    /// `SPRING`, and local name, such as `config`), in the order written: for a configuration
    /// that needs all of them built first (a security manager over every Spring context).
    public func globalNames(namespace: String, element: String) -> [String] { globalNames(namespace, element) }

    /// The app's one instance of something a connector shares between its configurations and
    /// operations (the default object store): made by `make` the first time `key` is asked for.
    public func appScoped<Value>(_ key: String, make: () -> Value) -> Value {
        if let existing = appScopedValues[key] as? Value { return existing }
        let made = make()
        appScopedValues[key] = made
        return made
    }

    /// Reports something that does not stop the app from running (`file:line:col: warning:`).
    public func warning(_ message: String, at location: SourceLocation) {
        warn(.warning(message, at: location))
    }
}
