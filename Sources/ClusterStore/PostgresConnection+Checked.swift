import Logging
import NIOCore
import PostgresNIO

extension PostgresConnection {
    /// How long a statement may go unanswered before ``checkedQuery(_:logger:within:)`` gives up:
    /// longer than any lock wait the store asks for (`lock_timeout` 20 s).
    static let statementBackstop: Duration = .seconds(30)

    /// `query(_:logger:)` that cannot wait forever on a connection the database has closed.
    ///
    /// postgres-nio 1.33 writes a query to its channel without a promise: on a channel that has
    /// already closed (the server shut down, ended the connection or the connection was cut,
    /// e.g. in the middle of a transaction) the write fails unseen and the query is never
    /// answered. So the connection is checked first, failing at once with
    /// ``ClusterConnectionClosed``; for the window in which the channel closes between the check
    /// and the write, the query also fails so once the connection has been closed for
    /// ``closedGrace``, and is bounded by `limit` (nil: none, for waits that may rightly be long).
    @discardableResult
    func checkedQuery(_ query: PostgresQuery, logger: Logger, within limit: Duration? = statementBackstop) async throws -> PostgresRowSequence {
        guard !isClosed else { throw ClusterConnectionClosed() }
        return try await race({ try await self.query(query, logger: logger) }, deadline: limit, closed: { [self] in isClosed })
    }

    /// `withTransaction(logger:_:)` whose `BEGIN`, `COMMIT` and `ROLLBACK` go through
    /// ``checkedQuery(_:logger:within:)``, so that losing the database mid-transaction fails the
    /// transaction instead of hanging its rollback; rethrows the error that ended it as it is.
    func checkedTransaction<Result: Sendable>(logger: Logger, _ body: (PostgresConnection) async throws -> Result) async throws -> Result {
        try await checkedQuery("BEGIN", logger: logger)
        let value: Result
        do {
            value = try await body(self)
        } catch {
            // The rollback's own failure (a closed connection) adds nothing to the first error.
            _ = try? await checkedQuery("ROLLBACK", logger: logger)
            throw error
        }
        try await checkedQuery("COMMIT", logger: logger)
        return value
    }
}
