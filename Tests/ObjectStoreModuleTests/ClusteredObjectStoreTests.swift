import ClusterStore
import ConduitTestSupport
import FlowCore
import FlowEngine
import FlowFormats
import Foundation
import Logging
import NIOHTTP1
import Testing

/// Object stores when the app runs as a cluster: three nodes (three runtimes, each with its own
/// connection pool, as three processes would have) on one PostgreSQL database.
@Suite("Object stores in a cluster", .enabled(if: ThrowawayPostgres.isAvailable, "\(ThrowawayPostgres.unavailableReason)"))
struct ClusteredObjectStoreTests {
    /// Runs `body` with `count` nodes of one database, each with the services cluster mode
    /// registers for app `app`.
    static func withNodes(_ count: Int = 3, app: String = "orders-sync",
                          _ body: @Sendable ([ServiceRegistry]) async throws -> Void) async throws {
        try await ThrowawayPostgres.with { postgres in
            let url = try ClusterStoreURL(postgres.url)
            let databases = (1...count).map { node in
                ClusterDatabase(url: url, nodeId: "node-\(node)", logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for database in databases { group.addTask { try await database.run() } }
                defer { group.cancelAll() }
                for database in databases { try await database.ready() }
                try await body(databases.map { database in
                    var services = ServiceRegistry()
                    database.shareAppState(app: app, in: &services)
                    return services
                })
            }
        }
    }

    static let watermarkApp = """
        <os:object-store \(ObjectStoreApp.namespaces) name="watermarkStore" persistent="true"/>
        <flow name="save" \(ObjectStoreApp.namespaces)>
          <os:store key="contacts.watermark" objectStore="watermarkStore"/>
        </flow>
        <flow name="read" \(ObjectStoreApp.namespaces)>
          <os:retrieve key="contacts.watermark" objectStore="watermarkStore">
            <os:default-value>2017-09-11T00:00:00.000Z</os:default-value>
          </os:retrieve>
        </flow>
        """

    @Test("a watermark stored through node 1 is read through node 3")
    func watermarkAcrossNodes() async throws {
        try await Self.withNodes { nodes in
            let runtimes = try nodes.map { try ObjectStoreApp.runtime(Self.watermarkApp, services: $0) }
            #expect(try await runtimes[2].run(flow: "read").event?.payload.value == "2017-09-11T00:00:00.000Z")
            #expect(try await runtimes[0].run(flow: "save", payload: "2026-12-02T10:00:00.000Z").failure == nil)
            #expect(try await runtimes[2].run(flow: "read").event?.payload.value == "2026-12-02T10:00:00.000Z")
            #expect(try await runtimes[1].run(flow: "read").event?.payload.value == "2026-12-02T10:00:00.000Z")
        }
    }

    @Test("a response the default Cache scope keeps on node 1 is a hit on nodes 2 and 3; invalidating on node 3 clears it for all")
    func cacheAcrossNodes() async throws {
        let ee = #"xmlns:ee="http://www.mulesoft.org/schema/mule/ee/core""#
        let app = """
            <ee:object-store-caching-strategy \(ee) name="byItem" keyGenerationExpression="#[payload]"/>
            <flow name="price" \(ee)>
              <ee:cache cachingStrategy-ref="byItem">
                <set-payload value="#[{item: payload, stamp: uuid()}]"/>
              </ee:cache>
            </flow>
            <flow name="forget" \(ee)>
              <ee:invalidate-key cachingStrategy-ref="byItem"/>
            </flow>
            """
        try await Self.withNodes { nodes in
            let runtimes = try nodes.map { try ObjectStoreApp.runtime(app, services: $0) }
            let first = try #require(try await runtimes[0].run(flow: "price", payload: "bolt").event?.payload)
            for runtime in runtimes.dropFirst() {
                let hit = try #require(try await runtime.run(flow: "price", payload: "bolt").event?.payload)
                #expect(try hit.value == first.value)
            }
            #expect(try await runtimes[2].run(flow: "forget", payload: "bolt").failure == nil)
            let recomputed = try #require(try await runtimes[1].run(flow: "price", payload: "bolt").event?.payload)
            #expect(try recomputed.value["stamp"] != first.value["stamp"])
        }
    }

    static func validatorApp(_ validator: String, globals: String = "") -> String {
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

    @Test("of 100 concurrent duplicates spread over three nodes exactly one passes", arguments: [
        // The internal store (transient): shared by the nodes, as in Mule's cluster.
        validatorApp(##"<idempotent-message-validator idExpression="#[payload.orderId]"/>"##),
        validatorApp(##"""
            <idempotent-message-validator idExpression="#[payload.orderId]">
              <os:private-object-store alias="processedOrders" persistent="true" entryTtl="7" entryTtlUnit="DAYS"/>
            </idempotent-message-validator>
            """##),
    ])
    func duplicatesAcrossNodes(app: String) async throws {
        try await Self.withNodes { nodes in
            let runtimes = try nodes.map { try ObjectStoreApp.runtime(app, services: $0) }
            try await ObjectStoreApp.serve(runtimes[0]) { first in
                try await ObjectStoreApp.serve(runtimes[1]) { second in
                    try await ObjectStoreApp.serve(runtimes[2]) { third in
                        let origins = [first, second, third]
                        let bodies = try await withThrowingTaskGroup(of: String.self) { group in
                            for index in 0..<100 {
                                group.addTask {
                                    try await ObjectStoreApp.send(.POST, origins[index % 3] + "/orders", body: #"{"orderId": "A-1"}"#).body
                                }
                            }
                            return try await group.reduce(into: [String]()) { $0.append($1) }
                        }
                        #expect(bodies.filter { $0 == "accepted" }.count == 1)
                        #expect(bodies.filter { $0 == "duplicate: A message with id 'A-1' has already been processed." }.count == 99)
                        #expect(try await ObjectStoreApp.send(.POST, third + "/orders", body: #"{"orderId": "A-2"}"#).body == "accepted")
                        #expect(try await ObjectStoreApp.send(.POST, first + "/orders", body: #"{"orderId": "A-2"}"#).body
                            == "duplicate: A message with id 'A-2' has already been processed.")
                    }
                }
            }
        }
    }
}
