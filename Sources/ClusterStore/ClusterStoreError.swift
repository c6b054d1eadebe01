import NIOCore
import PostgresNIO

/// A cluster store operation that failed: names the store (password masked) and the reason the
/// database or the connection gave, never a token, a password or a query's values.
public struct ClusterStoreError: Error, Sendable, CustomStringConvertible {
    /// The store, as ``ClusterStoreURL/description`` shows it.
    public var store: String
    /// What was being done (`could not be reached`, `could not apply migration 2`).
    public var action: String
    /// Why, in the database's or the network's words.
    public var reason: String
    /// Whether the store could not be reached at all (as opposed to refusing a statement).
    public var isUnreachable: Bool
    /// Whether the connection used had been ended (``isEndedConnection(_:)``): another
    /// connection may succeed.
    public var connectionWasEnded = false

    /// Creates an error.
    public init(store: String, action: String, reason: String, isUnreachable: Bool) {
        self.store = store
        self.action = action
        self.reason = reason
        self.isUnreachable = isUnreachable
    }

    /// `Cluster store '<url>' <action>: <reason>`.
    public var description: String { "Cluster store '\(store)' \(action): \(reason)" }

    /// What went wrong in `error`, for a message: PostgreSQL's own message and SQLSTATE for a
    /// statement it refused, else the connection's failure. PSQLError's own description is a
    /// placeholder, and its debug description carries the query, so neither is used.
    static func reason(of error: any Error) -> String {
        if let timeout = error as? ClusterTimeout { return "no answer within \(timeout.limit)" }
        guard let error = error as? PSQLError else { return "\(error)" }
        if let info = error.serverInfo {
            let message = info[.message] ?? "refused"
            return info[.sqlState].map { "\(message) (SQLSTATE \($0))" } ?? message
        }
        switch error.code {
        case .connectionError, .serverClosedConnection, .uncleanShutdown:
            return error.underlying.map { "\(error.code): \($0)" } ?? "\(error.code)"
        default:
            return "\(error.code)"
        }
    }

    /// Whether `error` is a statement meeting a connection that had been ended: by the server
    /// (SQLSTATE 57P01 or 57P02: an administrator's shutdown, a crash or `pg_terminate_backend`;
    /// or its closing the socket) or by the client once it saw that (`clientClosedConnection`,
    /// ``ClusterConnectionClosed``). A pool may lease such a connection before it has noticed;
    /// a new connection may find the database answering.
    static func isEndedConnection(_ error: any Error) -> Bool {
        if error is ClusterConnectionClosed { return true }
        guard let error = error as? PSQLError else { return false }
        if let state = error.serverInfo?[.sqlState] { return state == "57P01" || state == "57P02" }
        return error.code == .clientClosedConnection || error.code == .serverClosedConnection
    }

    /// Whether `error` means the database could not be reached (rather than refusing a statement).
    static func isUnreachable(_ error: any Error) -> Bool {
        if error is ClusterTimeout || error is ClusterConnectionClosed || error is ChannelError || error is IOError { return true }
        guard let error = error as? PSQLError else { return false }
        if let state = error.serverInfo?[.sqlState] {
            // Class 08 is connection exceptions; 57P01-57P03 an administrator's or crash shutdown.
            return state.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(state)
        }
        return error.code != .server
    }
}
