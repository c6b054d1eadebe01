import ConnectorSupport
import FlowCore
import FlowEngine
import Foundation
import Testing

/// The typed registry the executable fills and connectors read, and the storage keys on it.
@Suite struct ServiceRegistryTests {
    enum GreetingKey: ServiceKey {
        typealias Value = String
    }

    enum CountKey: ServiceKey {
        typealias Value = Int
    }

    @Test func valuesAreStoredAndReadByTheirKeyType() {
        var registry = ServiceRegistry()
        #expect(registry.isEmpty)
        #expect(registry[GreetingKey.self] == nil)
        registry[GreetingKey.self] = "hello"
        registry[CountKey.self] = 3
        #expect(registry[GreetingKey.self] == "hello")
        #expect(registry[CountKey.self] == 3)
        registry[GreetingKey.self] = nil
        #expect(registry[GreetingKey.self] == nil)
        #expect(registry[CountKey.self] == 3)
    }

    @Test func runtimeOptionsCarryServices() {
        var options = RuntimeOptions()
        options.services[CountKey.self] = 7
        #expect(options.services[CountKey.self] == 7)
    }

    @Test func tokenStorageFallsBackToTheFileAtTheDefaultPath() throws {
        let storage = ServiceRegistry().tokenStorage(configName: "Crm", defaultPath: "/tmp/tokens/crm.json")
        let file = try #require(storage as? FileTokenStorage)
        #expect(file.path == "/tmp/tokens/crm.json")
        #expect(file.configName == "Crm")
        #expect(storage.location == "/tmp/tokens/crm.json")
    }

    @Test func registeredTokenStorageFactoryIsAskedWithTheConfigAndItsDefaultPath() {
        var registry = ServiceRegistry()
        registry[TokenStorageKey.self] = TokenStorageFactory { configName, defaultPath in
            FileTokenStorage(path: "/elsewhere/\(configName).json", configName: "\(configName) from \(defaultPath)")
        }
        let storage = registry.tokenStorage(configName: "Crm", defaultPath: "/tmp/tokens/crm.json")
        #expect((storage as? FileTokenStorage)?.configName == "Crm from /tmp/tokens/crm.json")
        #expect(storage.location == "/elsewhere/Crm.json")
    }

    @Test func keyValueStoreFallsBackToTheFileStoreAndPrefersTheRegisteredOne() {
        var registry = ServiceRegistry()
        #expect(registry.keyValueStore(defaultDirectory: "/tmp/kv").location == "/tmp/kv")
        registry[KeyValueStoreKey.self] = FileKeyValueStore(directory: "/var/lib/conduit/kv")
        #expect(registry.keyValueStore(defaultDirectory: "/tmp/kv").location == "/var/lib/conduit/kv")
    }
}
