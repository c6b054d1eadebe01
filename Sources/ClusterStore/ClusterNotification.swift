/// A message one node sends the others through the database (PostgreSQL's LISTEN/NOTIFY),
/// delivered when the sender's transaction commits.
///
/// Notifications only save work (a node drops a cached copy at once instead of learning of the
/// change later); correctness never depends on one arriving.
public struct ClusterNotification: Codable, Sendable, Hashable {
    /// What changed (`oauth_token`); observers subscribe by topic.
    public var topic: String
    /// Which one, in the topic's terms (`[config, resource owner]`).
    public var subject: [String]
    /// Its version after the change, when it has one (a token's generation; -1 when deleted).
    public var generation: Int64?
    /// The node that changed it.
    public var node: String

    /// Creates a notification.
    public init(topic: String, subject: [String], generation: Int64?, node: String) {
        self.topic = topic
        self.subject = subject
        self.generation = generation
        self.node = node
    }
}

/// Who wants which topic's notifications. A nil notification means some may have been missed
/// (the listening connection was lost): observers treat everything as changed.
struct NotificationObservers: Sendable {
    private var byTopic: [String: [@Sendable (ClusterNotification?) -> Void]] = [:]

    mutating func add(_ topic: String, _ handler: @escaping @Sendable (ClusterNotification?) -> Void) {
        byTopic[topic, default: []].append(handler)
    }

    /// The handlers for `topic` (every handler when nil).
    func handlers(for topic: String?) -> [@Sendable (ClusterNotification?) -> Void] {
        guard let topic else { return byTopic.values.flatMap { $0 } }
        return byTopic[topic] ?? []
    }
}
