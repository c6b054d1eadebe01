import FlowCore

/// An `<ee:object-store-caching-strategy>` as written: how a Cache scope keys its entries and
/// where it keeps them.
public struct CachingStrategyDefinition: Sendable {
    /// The strategy's `name`, which `cachingStrategy-ref` names.
    public let name: String
    /// Where the element starts.
    public let location: SourceLocation
    /// `keyGenerationExpression`; nil for Mule's default, the SHA-256 digest of the payload.
    public let keyExpression: ParameterValue?
    /// `objectStore`: the name of an `os:object-store`.
    public let objectStore: ParameterValue?
    /// An inline `<os:private-object-store>`.
    public let privateStore: ComponentDefinition?
    /// `synchronized` (default true): concurrent misses of one key run the scope once, the
    /// others waiting for its response.
    public let isSynchronized: Bool

    public init(name: String, location: SourceLocation, keyExpression: ParameterValue?, objectStore: ParameterValue?,
                privateStore: ComponentDefinition?, isSynchronized: Bool) {
        self.name = name
        self.location = location
        self.keyExpression = keyExpression
        self.objectStore = objectStore
        self.privateStore = privateStore
        self.isSynchronized = isSynchronized
    }
}
