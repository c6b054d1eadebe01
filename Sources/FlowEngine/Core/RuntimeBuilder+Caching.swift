import FlowCore
import FlowModel

extension RuntimeBuilder {
    /// The caching strategy `reference` names, built once and shared; without a reference, Mule's
    /// default strategy, private to the scope `owner`: the payload's digest as the key and an
    /// internal transient store (entries live 5 minutes, a cluster's nodes share them). Nil when
    /// the strategy or its store could not be built (reported).
    func cachingStrategy(_ reference: ParameterValue?, scope owner: ProcessorDefinition) -> CachingStrategy? {
        guard let reference else {
            guard let store = objectStore(reference: nil, privateStore: nil, owner: owner.path, defaultName: "\(owner.path).cache") else { return nil }
            return CachingStrategy(name: "\(owner.path).cache", keyExpression: nil, store: store, isSynchronized: true,
                                   logger: logger(LogCategories.cache))
        }
        if let built = cachingStrategies[reference.text] { return built }
        // A name the loader did not know was reported there.
        guard let definition = app.cachingStrategies[reference.text],
              let store = objectStore(reference: definition.objectStore, privateStore: definition.privateStore, owner: definition.name,
                                      defaultName: definition.name) else { return nil }
        let strategy = CachingStrategy(name: definition.name, keyExpression: definition.keyExpression, store: store,
                                       isSynchronized: definition.isSynchronized, logger: logger(LogCategories.cache))
        cachingStrategies[reference.text] = strategy
        return strategy
    }
}
