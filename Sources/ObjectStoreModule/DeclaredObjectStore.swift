import FlowEngine

/// A top-level `<os:object-store name="…">`: the store that `objectStore="…"` names.
struct DeclaredObjectStore: ObjectStoreConfiguration {
    let objectStore: ObjectStore

    var name: String { objectStore.name }
}
