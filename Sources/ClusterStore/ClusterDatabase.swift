import Foundation
import Logging
import NIOCore
import NIOSSL
import PostgresNIO
import ServiceLifecycle
import Synchronization

/// The cluster's PostgreSQL database as one node uses it: a connection pool, the schema
/// migrations run at start, and (while ``run()`` runs) the notifications other nodes send and
/// whether the database can be reached.
///
/// Run it as a `Service` in the node's `ServiceGroup`, before everything that uses it: ``run()``
/// starts the pool, applies ``ClusterSchema/migrations`` and then serves until graceful
/// shutdown. ``ready()`` waits for the migrations, so users may start at the same time.
public final class ClusterDatabase: Service, Sendable {
    /// How long the database may fail to answer before the node reports itself not ready.
    public static let unreadyAfter: Duration = .seconds(3)

    /// Where the database is; its description masks the password.
    public let url: ClusterStoreURL
    /// This node's name, recorded in the rows it writes (`updated_by_node`, `applied_by_node`).
    public let nodeId: String
    /// The pool every query goes through.
    public let client: PostgresClient
    /// The migrations ``run()`` applies.
    public let migrations: [ClusterMigration]
    /// How long one operation may wait for the database before it fails as unreachable.
    public let operationTimeout: Duration
    let logger: Logger
    private let migrated = Gate<Int>()
    let reachability = Mutex(Reachability())
    let observers = Mutex(NotificationObservers())

    /// A database at `url` for node `nodeId`; nothing connects until ``run()``.
    public init(url: ClusterStoreURL, nodeId: String, migrations: [ClusterMigration] = ClusterSchema.migrations,
                operationTimeout: Duration = .seconds(5), logger: Logger) {
        self.url = url
        self.nodeId = nodeId
        self.migrations = migrations
        self.operationTimeout = operationTimeout
        self.logger = logger
        var configuration = PostgresClient.Configuration(host: url.host, port: url.port, username: url.username, password: url.password,
                                                         database: url.database, tls: Self.tls(url.tls))
        configuration.options.connectTimeout = operationTimeout
        configuration.options.maximumConnections = Self.maximumConnections
        client = PostgresClient(configuration: configuration)
    }

    private static func tls(_ mode: ClusterStoreURL.TLSMode) -> PostgresClient.Configuration.TLS {
        switch mode {
        case .disable: .disable
        case .prefer: .prefer(.makeClientConfiguration())
        case .require: .require(.makeClientConfiguration())
        }
    }

    /// Starts the pool, applies the pending migrations, then serves until graceful shutdown:
    /// checks every second that the database answers (``readinessProblem``) and listens for the
    /// other nodes' notifications (``observe(_:_:)``).
    ///
    /// Throws when the database cannot be reached within ``operationTimeout`` at start or a
    /// migration fails; ``ready()`` then throws the same error.
    public func run() async throws {
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { await self.client.run() }
            do {
                let version = try await migrate()
                reachability.withLock { $0.succeeded(at: .now, version: version) }
                migrated.open(.success(version))
            } catch {
                migrated.open(.failure(error))
                throw error
            }
            group.addTask { await cancelWhenGracefulShutdown { await self.monitorReachability() } }
            group.addTask { await cancelWhenGracefulShutdown { await self.listenForNotifications() } }
        }
    }

    /// Waits until ``run()`` has applied the migrations; the schema version, or the error that
    /// stopped them.
    @discardableResult
    public func ready() async throws -> Int {
        try await migrated.value
    }

    /// Runs `operation` on a pooled connection. Getting the connection fails as unreachable at
    /// once while the last check found the database down, and after ``operationTimeout``
    /// otherwise (the pool would wait for the database to return, which a request must not);
    /// the operation itself is bounded by the statements' own timeouts.
    public func withConnection<Result: Sendable>(_ action: String,
                                                 _ operation: @escaping @Sendable (PostgresConnection) async throws -> Result) async throws(ClusterStoreError) -> Result {
        if let down = reachability.withLock({ $0.lastFailure }) {
            throw ClusterStoreError(store: url.description, action: action, reason: down, isUnreachable: true)
        }
        do {
            return try await Self.leasing(client, within: operationTimeout, operation)
        } catch {
            throw storeError(action, error)
        }
    }

    /// The most connections the pool opens.
    static let maximumConnections = 10

    /// ``withConnection(_:_:)`` for an `operation` that only reads, tried again on another
    /// connection (as many times as the pool has connections) when the one leased had been ended
    /// (``ClusterStoreError/isEndedConnection(_:)``): after the database restarts or ends a
    /// node's connections, the pool may lease one before it has noticed. Only reads: whether a
    /// write on such a connection took effect is not known.
    public func withConnection<Result: Sendable>(reading action: String,
                                                 _ operation: @escaping @Sendable (PostgresConnection) async throws -> Result) async throws(ClusterStoreError) -> Result {
        try await Self.retryingEndedConnections({ () async throws(ClusterStoreError) -> Result in
            try await withConnection(action, operation)
        }, isEnded: \.connectionWasEnded)
    }

    /// `attempt`, tried again while it fails on a pooled connection that had been ended
    /// (`isEnded`), as many times as the pool has connections, since each may be one such.
    /// Each retry waits 20 ms first: the pool learns of a close on the connection's event loop
    /// and would otherwise lease the same connection again.
    static func retryingEndedConnections<Result, Failure: Error>(_ attempt: () async throws(Failure) -> Result,
                                                                  isEnded: (Failure) -> Bool) async throws(Failure) -> Result {
        var attempts = 0
        while true {
            do {
                return try await attempt()
            } catch where isEnded(error) && attempts < maximumConnections {
                attempts += 1
                try? await Task.sleep(for: .milliseconds(20), clock: SuspendingClock())
            }
        }
    }

    /// `operation` on a connection leased within `limit` (``ClusterTimeout`` otherwise).
    private static func leasing<Result: Sendable>(_ client: PostgresClient, within limit: Duration,
                                                  _ operation: @escaping @Sendable (PostgresConnection) async throws -> Result) async throws -> Result {
        let leased = LeaseFlag()
        return try await race({
            try await client.withConnection { connection in
                leased.set()
                return try await operation(connection)
            }
        }, deadline: limit, expires: { !leased.isSet })
    }

    /// The ``ClusterStoreError`` for `error` met while doing `action`.
    public func storeError(_ action: String, _ error: any Error) -> ClusterStoreError {
        if let error = error as? ClusterStoreError { return error }
        var storeError = ClusterStoreError(store: url.description, action: action, reason: ClusterStoreError.reason(of: error),
                                           isUnreachable: ClusterStoreError.isUnreachable(error))
        storeError.connectionWasEnded = ClusterStoreError.isEndedConnection(error)
        return storeError
    }
}

/// Whether a connection was leased in time.
private final class LeaseFlag: Sendable {
    private let value = Atomic<Bool>(false)
    func set() { value.store(true, ordering: .sequentiallyConsistent) }
    var isSet: Bool { value.load(ordering: .sequentiallyConsistent) }
}

/// A value that becomes known once; waiters before then are resumed when it does.
final class Gate<Value: Sendable>: Sendable {
    private let state = Mutex<(result: Result<Value, any Error>?, waiters: [CheckedContinuation<Value, any Error>])>((nil, []))

    /// Sets the result (the first call wins) and resumes every waiter.
    func open(_ result: Result<Value, any Error>) {
        let waiters = state.withLock { state -> [CheckedContinuation<Value, any Error>] in
            guard state.result == nil else { return [] }
            state.result = result
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume(with: result) }
    }

    /// The result, waiting for it if needed.
    var value: Value {
        get async throws {
            try await withCheckedThrowingContinuation { continuation in
                let known = state.withLock { state -> Result<Value, any Error>? in
                    if state.result == nil { state.waiters.append(continuation) }
                    return state.result
                }
                if let known { continuation.resume(with: known) }
            }
        }
    }
}
