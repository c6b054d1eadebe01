import FlowEngine
import Logging
import PostgresNIO

/// Scheduler leadership in a cluster: a node runs a flow's `<scheduler>` while it holds the
/// flow's PostgreSQL advisory lock (`pg_try_advisory_lock`, keyed by a hash of the app's and the
/// flow's names) on a connection of its own.
///
/// A session-level advisory lock lives as long as the session: when the node dies, however it
/// dies, the database ends its session and frees the lock, and another node takes it at its
/// next tick. A follower tries the lock at its ticks, at most once per ``retryInterval``. A
/// leader checks its connection before a run (at most once per ``retryInterval``, and at once
/// when it has closed): a leader that lost it, and so its lock, stops scheduling until it wins
/// the lock again. The locks need a direct connection: PgBouncer's transaction pooling would
/// hand the session, and its locks, to someone else.
public actor PostgresSchedulerLeadership: SchedulerLeadership {
    /// How often a follower tries the lock and a leader checks its connection, at most.
    public let retryInterval: Duration
    /// How long a check or an attempt may take before the connection is given up.
    public let answerTimeout: Duration
    private let database: ClusterDatabase
    /// How the connection shows in `pg_stat_activity` (`conduit scheduler leadership (<node>)`).
    private let applicationName: String
    private let logger: Logger
    private var connection: PostgresConnection?
    private var connecting: Task<PostgresConnection, any Error>?
    /// The flows whose lock this node holds: their names by lock name.
    private var held: [String: String] = [:]
    /// When each flow's lock was last tried (followers) or its connection checked (leaders).
    private var lastAsked: [String: ContinuousClock.Instant] = [:]
    private var isClosed = false
    /// Whether the last attempt failed for want of the database, so an outage is logged once.
    private var isDatabaseDown = false

    /// The leadership of `database`'s node over a connection of its own, logging changes to
    /// `logger`.
    public init(database: ClusterDatabase, retryInterval: Duration = .seconds(1), answerTimeout: Duration = .seconds(5),
                logger: Logger) {
        self.database = database
        applicationName = "conduit scheduler leadership (\(database.nodeId))"
        self.retryInterval = retryInterval
        self.answerTimeout = answerTimeout
        self.logger = logger
    }

    /// The lock's name: its key is the database's 64-bit hash of it.
    static func lockName(flow: String, app: String) -> String { "conduit:scheduler:\(app):\(flow)" }

    public func mayRun(flow: String, app: String) async -> Bool {
        guard !isClosed else { return false }
        let name = Self.lockName(flow: flow, app: app)
        let now = ContinuousClock.now
        if held[name] != nil {
            guard let connection, !connection.isClosed else {
                lose("its connection to the database closed")
                return false
            }
            if let last = lastAsked[name], now - last < retryInterval { return true }
            lastAsked[name] = now
            do {
                try await answer(on: connection, "SELECT true")
                return held[name] != nil
            } catch {
                lose("its connection to the database failed (\(ClusterStoreError.reason(of: error)))")
                return false
            }
        }
        if let last = lastAsked[name], now - last < retryInterval { return false }
        lastAsked[name] = now
        do {
            let connection = try await openConnection()
            let locked = try await answer(on: connection, "SELECT pg_try_advisory_lock(hashtextextended(\(name), 0))")
            if isDatabaseDown {
                isDatabaseDown = false
                logger.info("The cluster store answers again; schedulers may run on this node again.")
            }
            guard locked, !isClosed else { return false }
            held[name] = flow
            logger.info("This node now runs the scheduler of flow '\(flow)' (it holds the flow's cluster lock).")
            return true
        } catch {
            drop()
            if !isDatabaseDown {
                isDatabaseDown = true
                logger.warning("Cannot reach the cluster store to elect the node that runs the schedulers: \(ClusterStoreError.reason(of: error)). No scheduler runs on this node until it answers.")
            }
            return false
        }
    }

    public func release(flow: String, app: String) async {
        let name = Self.lockName(flow: flow, app: app)
        guard held.removeValue(forKey: name) != nil else { return }
        lastAsked[name] = nil
        logger.info("This node no longer runs the scheduler of flow '\(flow)' (released its cluster lock).")
        guard let connection else { return }
        do {
            _ = try await answer(on: connection, "SELECT pg_advisory_unlock(hashtextextended(\(name), 0))")
        } catch {
            // The lock went with the session if the connection failed.
            drop()
        }
    }

    /// Closes the connection, releasing every lock this node holds; no scheduler runs here after.
    public func close() async {
        isClosed = true
        held.removeAll()
        let connection = try? await connecting?.value ?? self.connection
        self.connection = nil
        try? await connection?.close()
    }

    // MARK: The connection

    private func openConnection() async throws -> PostgresConnection {
        if let connection, !connection.isClosed { return connection }
        if connection != nil { lose("its connection to the database closed") }
        if let connecting { return try await connecting.value }
        let task = Task { [database, applicationName] in try await database.connectDirectly(applicationName: applicationName) }
        connecting = task
        defer { connecting = nil }
        let opened = try await task.value
        if isClosed {
            try? await opened.close()
            throw CancellationError()
        }
        connection = opened
        return opened
    }

    /// Forgets every lock held on the connection, which is gone or going.
    private func lose(_ reason: String) {
        for flow in held.values.sorted() {
            logger.warning("This node stops running the scheduler of flow '\(flow)': \(reason), and with it the flow's cluster lock.")
        }
        held.removeAll()
        lastAsked.removeAll()
        drop()
    }

    private func drop() {
        guard let connection else { return }
        self.connection = nil
        held.removeAll()
        Task { try? await connection.close() }
    }

    /// Runs `query`, whose one row is one Boolean (or anything, for a check), on `connection`,
    /// giving the connection up when no answer comes within ``answerTimeout``.
    @discardableResult
    private func answer(on connection: PostgresConnection, _ query: PostgresQuery) async throws -> Bool {
        let logger = logger
        return try await withThrowingTaskGroup(of: Bool?.self) { group in
            group.addTask {
                for try await row in try await connection.checkedQuery(query, logger: logger) {
                    return (try? row.decode(Bool.self)) ?? true
                }
                return false
            }
            group.addTask { [answerTimeout] in
                try? await Task.sleep(for: answerTimeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let answer = first else {
                // Closing fails the pending query, so the group's other task ends too.
                try? await connection.close()
                throw NoAnswer(limit: answerTimeout)
            }
            return answer
        }
    }
}

/// The database did not answer a leadership query in time.
private struct NoAnswer: Error, CustomStringConvertible {
    var limit: Duration
    var description: String { "no answer within \(limit)" }
}
