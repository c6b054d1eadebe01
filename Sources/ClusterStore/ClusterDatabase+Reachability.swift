import Logging
import PostgresNIO
import Synchronization

extension ClusterDatabase {
    /// Why the node should not get traffic because of the database, for `/readyz`: nil while it
    /// answers (or has failed for less than ``unreadyAfter``), else since when it has not.
    public var readinessProblem: String? {
        reachability.withLock { state in
            if state.schemaVersion == nil { return "cluster store '\(url)': not migrated yet" }
            guard let since = state.failingSince, let reason = state.lastFailure, since.duration(to: .now) >= Self.unreadyAfter else { return nil }
            return "cluster store '\(url)' unreachable for \(since.duration(to: .now).components.seconds) s: \(reason)"
        }
    }

    /// Whether the last check found the database answering (false before the migrations ran).
    public var isAnswering: Bool {
        reachability.withLock { $0.schemaVersion != nil && $0.lastFailure == nil }
    }

    /// How often the database is checked while it answers, and while it does not: more often
    /// then, because until a check succeeds again every operation fails at once
    /// (``withConnection(_:_:)``).
    static let checkInterval = (answering: Duration.seconds(1), failing: Duration.milliseconds(250))

    /// Asks the database `SELECT 1` every ``checkInterval`` until cancelled, logging when it
    /// stops and starts answering again.
    func monitorReachability() async {
        while !Task.isCancelled {
            var failing = false
            do {
                try await checkAnswers()
                let recovered = reachability.withLock { state in
                    defer { state.succeeded(at: .now) }
                    return state.failingSince
                }
                if let recovered {
                    logger.info("Cluster store '\(url)' answers again after \(recovered.duration(to: .now).components.seconds) s")
                }
            } catch {
                if Task.isCancelled { return }
                let reason = ClusterStoreError.reason(of: error)
                let first = reachability.withLock { $0.failed(at: .now, reason: reason) }
                if first { logger.warning("Cluster store '\(url)' does not answer: \(reason)") }
                failing = true
            }
            try? await Task.sleep(for: failing ? Self.checkInterval.failing : Self.checkInterval.answering, clock: SuspendingClock())
        }
    }

    /// One check, tried again at once (as many times as the pool has connections) while the
    /// connection leased had been ended (``ClusterStoreError/isEndedConnection(_:)``): after a
    /// restart the pool may still hold connections opened before it, and one of those failing
    /// says nothing about the database, which would otherwise be taken for down until the next
    /// check.
    private func checkAnswers() async throws {
        try await Self.retryingEndedConnections({ try await Self.leasingForCheck(self) }, isEnded: ClusterStoreError.isEndedConnection)
    }

    private static func leasingForCheck(_ database: ClusterDatabase) async throws {
        _ = try await withTimeout(.seconds(2)) { [client = database.client, logger = database.logger] in
            try await client.withConnection { connection in
                try await connection.checkedQuery("SELECT 1", logger: logger, within: nil)
            }
        }
    }
}

/// What the last checks of the database found.
struct Reachability: Sendable {
    /// The schema version once migrated (nil before).
    var schemaVersion: Int?
    /// When the checks started failing (nil while they succeed).
    var failingSince: ContinuousClock.Instant?
    /// Why the last check failed (nil when it succeeded).
    var lastFailure: String?

    mutating func succeeded(at now: ContinuousClock.Instant, version: Int? = nil) {
        failingSince = nil
        lastFailure = nil
        if let version { schemaVersion = version }
    }

    /// Records a failure; true when it is the first of a run.
    mutating func failed(at now: ContinuousClock.Instant, reason: String) -> Bool {
        lastFailure = reason
        guard failingSince == nil else { return false }
        failingSince = now
        return true
    }
}
