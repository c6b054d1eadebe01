import ConduitTestSupport
import FlowCore
import FlowEngine
import FlowFormats
import Foundation
import FlowModel
import ObjectStoreModule
import Testing

/// The `os:` operations, their defaults and Mule's error types and messages (mule-components §7.2).
@Suite("Object Store operations")
struct ObjectStoreOperationTests {
    private static func app(_ processors: String, globals: String = #"<os:object-store name="store" persistent="false"/>"#) -> String {
        """
        \(globals.replacingOccurrences(of: "<os:object-store ", with: "<os:object-store \(ObjectStoreApp.namespaces) "))
        <flow name="main" \(ObjectStoreApp.namespaces)>
        \(processors)
        </flow>
        """
    }

    @Test("store then retrieve, contains, retrieve-all-keys, retrieve-all, remove, clear")
    func roundTrip() async throws {
        let runtime = try ObjectStoreApp.runtime(Self.app("""
            <os:store key="a" objectStore="store"><os:value>#[{n: 1}]</os:value></os:store>
            <os:store key="#[payload]" objectStore="store"/>
            <os:retrieve key="a" objectStore="store" target="a"/>
            <os:contains key="b" objectStore="store" target="hasB"/>
            <os:retrieve-all-keys objectStore="store" target="keys"/>
            <os:retrieve-all objectStore="store" target="all"/>
            <os:remove key="a" objectStore="store"/>
            <os:retrieve-all-keys objectStore="store" target="afterRemove"/>
            <os:clear objectStore="store"/>
            <os:retrieve-all-keys objectStore="store" target="afterClear"/>
            """))
        let event = try #require(try await runtime.run(flow: "main", payload: "b").event)
        #expect(try event.payload.value == "b")
        #expect(event.vars["a"] == ["n": 1])
        #expect(event.vars["hasB"] == true)
        #expect(event.vars["keys"] == ["a", "b"])
        #expect(event.vars["all"] == ["a": ["n": 1], "b": "b"])
        #expect(event.vars["afterRemove"] == ["b"])
        #expect(event.vars["afterClear"] == [])
    }

    @Test("errors carry Mule's types and messages")
    func errors() async throws {
        let cases: [(String, String)] = [
            (#"<os:retrieve key="missing" objectStore="store"/>"#,
             "OS:KEY_NOT_FOUND: ObjectStore 'store' doesn't contain any value for key 'missing' and default value was not provided or resolved to a null value."),
            (#"<os:remove key="missing" objectStore="store"/>"#, "OS:KEY_NOT_FOUND: ObjectStore doesn't contain any value for key 'missing'"),
            (#"<os:store key="  " objectStore="store"/>"#, "OS:INVALID_KEY: Key cannot be null nor empty"),
            (##"<os:contains key="#[null]" objectStore="store"/>"##, "OS:INVALID_KEY: Key cannot be null nor empty"),
            (#"<os:store key="k" objectStore="store"><os:value>#[null]</os:value></os:store>"#,
             "OS:NULL_VALUE: A null value was provided. Please provide a non-null value or set the 'failOnNullValue' parameter to 'false'"),
            (#"<os:store key="k" objectStore="store"/><os:store key="k" failIfPresent="true" objectStore="store"/>"#,
             "OS:KEY_ALREADY_EXISTS: ObjectStore already contains an object for key 'k'"),
        ]
        for (processors, expected) in cases {
            let runtime = try ObjectStoreApp.runtime(Self.app(processors))
            #expect(ObjectStoreApp.failure(try await runtime.run(flow: "main", payload: "v")) == expected, "\(processors)")
        }
    }

    @Test("a null value with failOnNullValue=false changes nothing; the null check comes before the key check")
    func nullValueIsANoOp() async throws {
        let runtime = try ObjectStoreApp.runtime(Self.app("""
            <os:store key="k" objectStore="store"/>
            <os:store key="" failOnNullValue="false" objectStore="store"><os:value>#[null]</os:value></os:store>
            <os:store key="k" failOnNullValue="false" objectStore="store"><os:value>#[null]</os:value></os:store>
            <os:retrieve key="k" objectStore="store"/>
            """))
        #expect(try await runtime.run(flow: "main", payload: "kept").event?.payload.value == "kept")
    }

    @Test("retrieve falls back to a non-null default-value, which is not stored")
    func defaultValue() async throws {
        let runtime = try ObjectStoreApp.runtime(Self.app("""
            <os:retrieve key="watermark" objectStore="store"><os:default-value>2017-09-11T00:00:00.000Z</os:default-value></os:retrieve>
            <os:contains key="watermark" objectStore="store" target="stored"/>
            """))
        let event = try #require(try await runtime.run(flow: "main").event)
        #expect(try event.payload.value == "2017-09-11T00:00:00.000Z")
        #expect(event.vars["stored"] == false)
        let nullDefault = try ObjectStoreApp.runtime(Self.app(#"<os:retrieve key="w" objectStore="store"><os:default-value>#[null]</os:default-value></os:retrieve>"#))
        #expect(ObjectStoreApp.failure(try await nullDefault.run(flow: "main"))?.hasPrefix("OS:KEY_NOT_FOUND: ObjectStore 'store' doesn't contain") == true)
    }

    @Test("operations without objectStore share the app's default persistent store")
    func defaultStore() async throws {
        let directory = ObjectStoreApp.storeDirectory()
        let runtime = try ObjectStoreApp.runtime(Self.app("""
            <os:store key="k"/>
            <os:retrieve key="missing"/>
            """, globals: ""), directory: directory)
        #expect(ObjectStoreApp.failure(try await runtime.run(flow: "main", payload: "v"))
            == "OS:KEY_NOT_FOUND: ObjectStore '_defaultPersistentObjectStore' doesn't contain any value for key 'missing' and default value was not provided or resolved to a null value.")
        #expect(FileManager.default.fileExists(atPath: directory + "/_defaultPersistentObjectStore.json"))
    }

    @Test("a persistent store keeps its entries across a restart; a transient one does not")
    func persistence() async throws {
        let directory = ObjectStoreApp.storeDirectory()
        let globals = """
            <os:object-store name="durable"/>
            <os:object-store name="volatile" persistent="false"/>
            """
        let write = Self.app("""
            <os:store key="w" objectStore="durable"/>
            <os:store key="w" objectStore="volatile"/>
            """, globals: globals)
        let read = Self.app("""
            <os:retrieve key="w" objectStore="durable" target="durable"/>
            <os:contains key="w" objectStore="volatile" target="volatile"/>
            """, globals: globals)
        _ = try await ObjectStoreApp.runtime(write, directory: directory).run(flow: "main", payload: "2026-12-02")
        let event = try #require(try await ObjectStoreApp.runtime(read, directory: directory).run(flow: "main").event)
        #expect(event.vars["durable"] == "2026-12-02")
        #expect(event.vars["volatile"] == false)
        let attributes = try FileManager.default.attributesOfItem(atPath: directory + "/durable.json")
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test("an entry past its entryTtl is gone; maxEntries keeps the newest")
    func ttlAndMaxEntries() async throws {
        let globals = """
            <os:object-store name="short" persistent="false" entryTtl="50" entryTtlUnit="MILLISECONDS" expirationInterval="10" expirationIntervalUnit="MILLISECONDS"/>
            <os:object-store name="small" persistent="false" maxEntries="2"/>
            """
        let runtime = try ObjectStoreApp.runtime(Self.app("""
            <os:store key="#[payload]" objectStore="short"/>
            <os:store key="#[payload]" objectStore="small"/>
            <os:retrieve-all-keys objectStore="small" target="small"/>
            <os:retrieve-all-keys objectStore="short" target="short"/>
            """, globals: globals))
        _ = try await runtime.run(flow: "main", payload: "1")
        _ = try await runtime.run(flow: "main", payload: "2")
        try await Task.sleep(for: .milliseconds(120))
        let event = try #require(try await runtime.run(flow: "main", payload: "3").event)
        #expect(event.vars["small"] == ["2", "3"])
        #expect(event.vars["short"] == ["3"])
    }

    @Test("100 concurrent failIfPresent stores of one key: exactly one succeeds")
    func insertIfAbsentIsAtomic() async throws {
        let runtime = try ObjectStoreApp.runtime(Self.app(#"<os:store key="once" failIfPresent="true" objectStore="store"/>"#,
                                                          globals: #"<os:object-store name="store"/>"#))
        let successes = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<100 {
                group.addTask { (try? await runtime.run(flow: "main", payload: .int(Int64(index))).event) != nil }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(successes == 1)
    }

    @Test("bad settings and references are reported where they are written")
    func buildDiagnostics() throws {
        let diagnostics = try ObjectStoreApp.diagnostics("""
            <os:object-store \(ObjectStoreApp.namespaces) name="a" entryTtl="0"/>
            <os:object-store \(ObjectStoreApp.namespaces) name="b" maxEntries="#[1]"/>
            <flow name="main" \(ObjectStoreApp.namespaces)>
            <os:retrieve key="k" objectStore="nope"/>
            </flow>
            """)
        #expect(diagnostics.contains { $0.hasSuffix("main.xml:10:87: error: Parameter 'entryTtl' of <os:object-store> must be greater than zero, got 0.") })
        #expect(diagnostics.contains { $0.hasSuffix("main.xml:11:89: error: Parameter 'maxEntries' of <os:object-store> must be a whole number, not an expression.") })
        #expect(diagnostics.contains { $0.hasSuffix("main.xml:13:35: error: Referenced component 'nope' must be one of stereotypes [OS:OBJECT_STORE].") })
        #expect(diagnostics.count == 3)
    }

    @Test("os:config is accepted for config-refs; a reconnection inside it is warned about")
    func config() throws {
        let diagnostics = try ObjectStoreApp.diagnostics("""
            <os:config \(ObjectStoreApp.namespaces) name="osConfig">
              <os:connection><reconnection><reconnect count="3"/></reconnection></os:connection>
            </os:config>
            <os:object-store \(ObjectStoreApp.namespaces) name="store" config-ref="osConfig"/>
            <flow name="main" \(ObjectStoreApp.namespaces)><os:contains key="k" objectStore="store" config-ref="osConfig"/></flow>
            """)
        #expect(diagnostics == ["flows/main.xml:11:18: warning: <reconnection> in <os:connection> has no effect: Conduit's object stores need no connection."])
    }
}

/// Where persistent stores live when the executable registers no key-value store.
@Suite("Object Store files")
struct ObjectStoreFileTests {
    @Test("a persistent store is a 0600 file under the app directory's .conduit/object-stores/")
    func defaultDirectory() async throws {
        let app = try TemporaryAppDirectory(["flows/main.xml": """
            <?xml version="1.0" encoding="UTF-8"?>
            <mule xmlns="http://www.mulesoft.org/schema/mule/core" \(ObjectStoreApp.namespaces)>
              <os:object-store name="watermarks"/>
              <flow name="main"><os:store key="orders" objectStore="watermarks"/></flow>
            </mule>
            """])
        let loaded = AppLoader.load(LoadOptions(appDirectory: app.path, connectors: (TestApp.standardConnectors + [ObjectStoreConnector()]).map(\.declaration)))
        let prepared = Runtime.prepare(loaded, connectors: TestApp.standardConnectors + [ObjectStoreConnector()],
                                       options: RuntimeOptions(logHandlerFactory: LogCapture().factory))
        let runtime = try #require(prepared.runtime)
        #expect(try await runtime.run(flow: "main", payload: "2026-12-02").event != nil)
        let file = app.path + "/.conduit/object-stores/watermarks.json"
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let stored = try JSON.decode(Array(try Data(contentsOf: URL(fileURLWithPath: file))))
        #expect(stored["version"] == 2)
        #expect(stored["entries"]?["orders"]?["value"] == "2026-12-02")
    }
}
