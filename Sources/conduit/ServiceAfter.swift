import ServiceLifecycle

/// A service that starts only once `prerequisite` has succeeded (the app's connectors wait for
/// the cluster store's migrations); the prerequisite's error ends it.
struct ServiceAfter: Service {
    let prerequisite: @Sendable () async throws -> Void
    let service: any Service

    func run() async throws {
        try await prerequisite()
        try await service.run()
    }
}
