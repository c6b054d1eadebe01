/// The connection closed (the database went away) before a statement on it was sent, or with
/// the statement unanswered and lost (``PostgresConnection/checkedQuery(_:logger:within:)``).
struct ClusterConnectionClosed: Error, Sendable, CustomStringConvertible {
    var description: String { "the connection to the database was closed" }
}
