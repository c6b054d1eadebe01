/// How an object store keeps its entries (Mule's `ObjectStoreSettings`): whether they survive a
/// restart, how long each lives, and how many the store holds at most.
public struct ObjectStoreSettings: Sendable, Hashable {
    /// Whether entries survive a restart (kept in the app's persistent key-value store rather
    /// than in memory). Mule's default: true.
    public var isPersistent: Bool
    /// How long an entry lives after it is stored; nil for ever.
    public var entryTTL: Duration?
    /// How many entries the store keeps at most (the oldest go first); nil for no limit.
    public var maxEntries: Int?
    /// How often expired entries are reclaimed; nil (Mule: zero or less) turns expiry off, so
    /// that neither `entryTTL` nor `maxEntries` applies.
    public var expirationInterval: Duration?

    /// Settings; Mule's defaults: persistent, no TTL, no limit, reclaimed every minute.
    public init(isPersistent: Bool = true, entryTTL: Duration? = nil, maxEntries: Int? = nil,
                expirationInterval: Duration? = .seconds(60)) {
        self.isPersistent = isPersistent
        self.entryTTL = entryTTL
        self.maxEntries = maxEntries
        self.expirationInterval = expirationInterval
    }

    /// The internal store Mule gives an `idempotent-message-validator` or a `redelivery-policy`
    /// without one: in memory, entries live 5 minutes, reclaimed every 6 seconds.
    public static let internalDefault = ObjectStoreSettings(isPersistent: false, entryTTL: .seconds(300),
                                                            expirationInterval: .seconds(6))
}
