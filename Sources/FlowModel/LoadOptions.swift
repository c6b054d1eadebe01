import FlowCore

/// What to load and how: the app directory, the environment, overrides and connectors.
public struct LoadOptions: Sendable {
    /// The directory holding `flows/` and `properties/`.
    public var appDirectory: String
    /// `--env NAME`: loads `properties/NAME.properties` (or `.yaml`) when it exists.
    public var environment: String?
    /// `-D key=value` pairs, highest precedence.
    public var defines: [(String, String)]
    /// The process environment (`ProcessInfo.processInfo.environment` in the CLI).
    public var environmentVariables: [String: String]
    /// The connectors the app may use (only the executable knows which exist).
    public var connectors: [ConnectorDeclaration]

    /// Creates options.
    public init(appDirectory: String, environment: String? = nil, defines: [(String, String)] = [],
                environmentVariables: [String: String] = [:], connectors: [ConnectorDeclaration] = []) {
        self.appDirectory = appDirectory
        self.environment = environment
        self.defines = defines
        self.environmentVariables = environmentVariables
        self.connectors = connectors
    }
}

/// The outcome of loading: the app when nothing was wrong, and every diagnostic either way.
public struct LoadResult: Sendable {
    /// The checked app; nil when any error-level diagnostic was found.
    public let app: AppDefinition?
    /// Every problem found, errors and warnings, in file order.
    public let diagnostics: [Diagnostic]
    /// Whatever could be read, also when there were errors: the build step checks it too (the
    /// connectors' own rules), so that one run reports every mistake. Never run it.
    public let partialApp: AppDefinition?

    /// Creates a result.
    public init(app: AppDefinition?, diagnostics: [Diagnostic], partialApp: AppDefinition? = nil) {
        self.app = app
        self.diagnostics = diagnostics
        self.partialApp = partialApp ?? app
    }

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
