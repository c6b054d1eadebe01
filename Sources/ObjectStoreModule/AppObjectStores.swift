import ConnectorSupport
import FlowCore
import FlowEngine
import FlowModel

/// The object stores of one app: where persistent and transient entries live, the default store
/// of operations that name none (Mule's `_defaultPersistentObjectStore`), and the names taken, so
/// that two stores never share one name (and so one partition).
///
/// Made once per app through ``ConnectorBuildContext/appScoped(_:make:)``; used while the app is
/// built, from one task.
final class AppObjectStores {
    /// The partition of operations without `objectStore`, as Mule names it.
    static let defaultStoreName = "_defaultPersistentObjectStore"

    /// Persistent entries: the registered key-value store (a cluster's database), else files
    /// under `<app>/.conduit/object-stores/`, one per store.
    let persistent: any KeyValueStore
    /// Transient entries: the registered transient store (a cluster's), else this process's memory.
    let transient: any KeyValueStore
    private var names: [String: SourceLocation] = [:]
    private var defaultStore: ObjectStore?

    init(context: ConnectorBuildContext) {
        persistent = context.services.keyValueStore(defaultDirectory: context.appDirectory + "/.conduit/object-stores")
        transient = context.services[TransientKeyValueStoreKey.self] ?? MemoryKeyValueStore()
    }

    /// The app's instance.
    static func of(_ context: ConnectorBuildContext) -> AppObjectStores {
        context.appScoped("os.app-object-stores") { AppObjectStores(context: context) }
    }

    /// The store operations use when they name none.
    var defaultObjectStore: ObjectStore {
        if let defaultStore { return defaultStore }
        let made = ObjectStore(name: Self.defaultStoreName, settings: ObjectStoreSettings(), backend: persistent,
                               partition: Self.defaultStoreName)
        defaultStore = made
        return made
    }

    /// A new store called `name`, declared at `location`; a name already taken is reported.
    func makeStore(named name: String, settings: ObjectStoreSettings, at location: SourceLocation) throws(DiagnosticList) -> ObjectStore {
        if name == Self.defaultStoreName {
            throw DiagnosticList([.error("Object store name '\(name)' is reserved for the app's default store.", at: location)])
        }
        if let first = names[name] {
            throw DiagnosticList([.error("An object store called '\(name)' is already defined (at \(first.description)); each store needs its own name.",
                                         at: location)])
        }
        names[name] = location
        return ObjectStore(name: name, settings: settings, backend: settings.isPersistent ? persistent : transient, partition: name)
    }
}
