import ConduitTestSupport
import FlowCore
import FlowEngine
import FlowFormats
import Foundation
import NIOHTTP1
import Testing

/// Core's `idempotent-message-validator` (mule-components §7.3), over loopback through the listener.
@Suite("Idempotent message validator")
struct IdempotentValidatorTests {
    private static func app(_ validator: String, globals: String = "") -> String {
        """
        \(ObjectStoreApp.listenerConfig)
        \(globals)
        <flow name="orders" \(ObjectStoreApp.namespaces)>
          <http:listener config-ref="listener" path="/orders"/>
          \(validator)
          <set-payload value="accepted"/>
          <error-handler>
            <on-error-continue type="DUPLICATE_MESSAGE">
              <set-payload value="#['duplicate: ' ++ error.description]"/>
            </on-error-continue>
          </error-handler>
        </flow>
        """
    }

    @Test("of 100 concurrent requests with one id exactly one passes")
    func concurrentDuplicates() async throws {
        let runtime = try ObjectStoreApp.runtime(Self.app(##"<idempotent-message-validator idExpression="#[payload.orderId]"/>"##))
        try await ObjectStoreApp.serve(runtime) { (origin: String) async throws in
            let bodies = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<100 {
                    group.addTask { try await ObjectStoreApp.send(.POST, origin + "/orders", body: #"{"orderId": "A-1"}"#).body }
                }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            #expect(bodies.filter { $0 == "accepted" }.count == 1)
            #expect(bodies.filter { $0 == "duplicate: A message with id 'A-1' has already been processed." }.count == 99)
            #expect(try await ObjectStoreApp.send(.POST, origin + "/orders", body: #"{"orderId": "A-2"}"#).body == "accepted")
        }
    }

    @Test("without idExpression each correlation id passes once")
    func correlationIdByDefault() async throws {
        let runtime = try ObjectStoreApp.runtime(Self.app("<idempotent-message-validator/>"))
        #expect(try await runtime.run(flow: "orders", payload: "x").event?.payload.value == "accepted")
        #expect(try await runtime.run(flow: "orders", payload: "x").event?.payload.value
            == "duplicate: A message with id 'test-correlation' has already been processed.")
    }

    @Test("a persistent private store remembers ids across a restart")
    func privateStoreSurvivesRestart() async throws {
        let directory = ObjectStoreApp.storeDirectory()
        let body = Self.app("""
            <idempotent-message-validator idExpression="#[payload]">
              <os:private-object-store alias="processedOrders" persistent="true" entryTtl="7" entryTtlUnit="DAYS"/>
            </idempotent-message-validator>
            """)
        #expect(try await ObjectStoreApp.runtime(body, directory: directory).run(flow: "orders", payload: "A-3").event?.payload.value == "accepted")
        #expect(try await ObjectStoreApp.runtime(body, directory: directory).run(flow: "orders", payload: "A-3").event?.payload.value
            == "duplicate: A message with id 'A-3' has already been processed.")
        #expect(FileManager.default.fileExists(atPath: directory + "/processedOrders.json"))
    }

    @Test("a named store is shared with os: operations, so an error handler can release an id")
    func namedStore() async throws {
        let runtime = try ObjectStoreApp.runtime(Self.app(#"""
            <idempotent-message-validator idExpression="#[payload]" objectStore="seen"/>
            <os:remove key="#[payload]" objectStore="seen"/>
            """#, globals: #"<os:object-store \#(ObjectStoreApp.namespaces) name="seen" persistent="false"/>"#))
        #expect(try await runtime.run(flow: "orders", payload: "A-4").event?.payload.value == "accepted")
        #expect(try await runtime.run(flow: "orders", payload: "A-4").event?.payload.value == "accepted")
    }

    @Test("a reference and a private store at once is Mule's ambiguity error")
    func ambiguousStore() throws {
        let diagnostics = try ObjectStoreApp.diagnostics(Self.app("""
            <idempotent-message-validator objectStore="seen">
              <os:private-object-store/>
            </idempotent-message-validator>
            """, globals: "<os:object-store \(ObjectStoreApp.namespaces) name=\"seen\"/>"))
        #expect(diagnostics == ["flows/main.xml:17:3: error: Ambiguous definition of object store, both reference and private were configured"])
    }
}
