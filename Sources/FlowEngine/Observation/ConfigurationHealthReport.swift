/// One connector configuration's health, as ``Runtime/health()`` lists it.
public struct ConfigurationHealthReport: Sendable, Hashable, CustomStringConvertible {
    /// The configuration's name (the global element's `name`).
    public var configuration: String
    /// Its health.
    public var health: ConfigurationHealth

    /// Creates a report.
    public init(configuration: String, health: ConfigurationHealth) {
        self.configuration = configuration
        self.health = health
    }

    /// `<configuration>: <health>`.
    public var description: String { "\(configuration): \(health)" }
}
