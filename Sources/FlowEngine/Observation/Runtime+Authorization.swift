extension Runtime {
    /// The authorization status of every configuration that has one (an OAuth connector's), in
    /// the order the app defines them; answered from what each already knows, without a remote call.
    public func authorizations() async -> [AuthorizationReport] {
        var reports: [AuthorizationReport] = []
        for configuration in configurations {
            if let status = await configuration.authorization {
                reports.append(AuthorizationReport(configuration: configuration.name, status: status))
            }
        }
        return reports
    }
}
