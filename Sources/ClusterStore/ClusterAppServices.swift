import ConnectorSupport
import FlowEngine
import Logging

extension ClusterDatabase {
    /// Registers in `services` what the nodes running app `app` share through this database
    /// beyond tokens: every object store, persistent or not (as in Mule's cluster), in a
    /// ``PostgresKeyValueStore``, and which node runs each scheduler, through a
    /// ``PostgresSchedulerLeadership``, which it returns (close it once the app has stopped).
    @discardableResult
    public func shareAppState(app: String, in services: inout ServiceRegistry) -> PostgresSchedulerLeadership {
        let store = PostgresKeyValueStore(database: self, app: app)
        services[KeyValueStoreKey.self] = store
        services[TransientKeyValueStoreKey.self] = store
        let leadership = PostgresSchedulerLeadership(database: self, logger: logger)
        services[SchedulerLeadershipKey.self] = leadership
        return leadership
    }
}
