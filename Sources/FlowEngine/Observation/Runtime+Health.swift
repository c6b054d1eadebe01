extension Runtime {
    /// The health of every connector configuration, in the order the app defines them.
    ///
    /// Asked one after the other: a configuration answers from what it already knows, without
    /// calling a remote system, so a readiness probe stays cheap.
    public func health() async -> [ConfigurationHealthReport] {
        var reports: [ConfigurationHealthReport] = []
        reports.reserveCapacity(configurations.count)
        for configuration in configurations {
            reports.append(ConfigurationHealthReport(configuration: configuration.name, health: await configuration.health))
        }
        return reports
    }
}
