/// The connection closed (the database went away) before a statement could be sent on it.
struct ClusterConnectionClosed: Error, Sendable, CustomStringConvertible {
    var description: String { "the connection to the database was closed" }
}
