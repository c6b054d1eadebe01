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
    /// Whether the connection used was ended by the server shutting down (``isShutdown(_:)``).
    public var endedByServerShutdown = false

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

    /// Whether `error` is the server ending the connection as it shut down (an administrator's
    /// or a crash's, SQLSTATE 57P01 or 57P02): a new connection may find the database back.
    static func isShutdown(_ error: any Error) -> Bool {
        guard let error = error as? PSQLError, let state = error.serverInfo?[.sqlState] else { return false }
        return state == "57P01" || state == "57P02"
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
