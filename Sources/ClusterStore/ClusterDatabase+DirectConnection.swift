import PostgresNIO

extension ClusterDatabase {
    /// A new connection of its own, outside the pool, for what lives as long as a session
    /// (LISTEN, session advisory locks); shown as `applicationName` in `pg_stat_activity`. The
    /// caller closes it.
    public func connectDirectly(applicationName: String) async throws -> PostgresConnection {
        var configuration = PostgresConnection.Configuration(host: url.host, port: url.port, username: url.username, password: url.password,
                                                              database: url.database, tls: try Self.connectionTLS(url.tls))
        configuration.options.connectTimeout = .init(operationTimeout)
        configuration.options.additionalStartupParameters.append(("application_name", applicationName))
        return try await PostgresConnection.connect(configuration: configuration, id: 0, logger: Self.quietLogger)
    }
}
