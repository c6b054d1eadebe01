import ConduitTestSupport
import Foundation
import NIOHTTP1
import Testing

/// Object stores shared by three real `conduit run` processes on one PostgreSQL, behind nginx
/// round-robin (issue 15's sixth scenario as a user runs it; `ClusteredObjectStoreTests` covers
/// the same with in-process runtimes).
@Suite("Object stores across cluster processes", .serialized,
       .enabled(if: ThrowawayPostgres.isAvailable, "\(ThrowawayPostgres.unavailableReason)"),
       .enabled(if: NginxBalancer.isAvailable, "\(NginxBalancer.unavailableReason)"))
struct ClusterObjectStoreTests {
    static let app = """
        <?xml version="1.0" encoding="UTF-8"?>
        <mule xmlns="http://www.mulesoft.org/schema/mule/core" xmlns:http="http://www.mulesoft.org/schema/mule/http"
              xmlns:os="http://www.mulesoft.org/schema/mule/os">
          <http:listener-config name="listener">
            <http:listener-connection host="127.0.0.1" port="${http.port}"/>
          </http:listener-config>
          <os:object-store name="watermarks" persistent="true"/>

          <flow name="save-watermark">
            <http:listener config-ref="listener" path="/watermark" allowedMethods="PUT"/>
            <os:store key="contacts.watermark" objectStore="watermarks"><os:value>#[payload.since]</os:value></os:store>
            <set-payload value="#['stored on ${node.name}']"/>
          </flow>
          <flow name="read-watermark">
            <http:listener config-ref="listener" path="/watermark" allowedMethods="GET"/>
            <os:retrieve key="contacts.watermark" objectStore="watermarks">
              <os:default-value>2017-09-11T00:00:00.000Z</os:default-value>
            </os:retrieve>
            <set-payload value="#[payload ++ ' read on ${node.name}']"/>
          </flow>

          <flow name="orders">
            <http:listener config-ref="listener" path="/orders" allowedMethods="POST">
              <http:response statusCode="#[vars.httpStatus default 201]"/>
            </http:listener>
            <idempotent-message-validator idExpression="#[payload.orderId]"/>
            <set-payload value="accepted by ${node.name}"/>
            <error-handler>
              <on-error-continue type="DUPLICATE_MESSAGE">
                <set-variable variableName="httpStatus" value="409"/>
                <set-payload value="#['refused by ${node.name}: ' ++ error.description]"/>
              </on-error-continue>
            </error-handler>
          </flow>
        </mule>
        """

    @Test("a watermark stored on node 1 is read on node 3; of 100 concurrent duplicates through nginx exactly one passes")
    func sharedThroughTheBalancer() async throws {
        try await ThrowawayPostgres.with { postgres in
            let app = try TemporaryAppDirectory(["flows/app.xml": Self.app], prefix: "orders-cluster")
            let environment = postgres.nodeEnvironment()
            let ports = try await FreePorts.pick(4)
            var nodes: [ConduitProcess] = []
            defer { for node in nodes { node.kill() } }
            for index in 0..<3 {
                let node = try ConduitProcess(["run", "--app", app.path, "--node-id", "node-\(index + 1)",
                                               "-D", "http.port=\(ports[index + 1])", "-D", "node.name=node-\(index + 1)"],
                                              environment: environment)
                nodes.append(node)
                // The first node creates the tables; the others find them.
                _ = try await node.line(containing: " ready in ", within: .seconds(60))
            }
            let balancer = try await NginxBalancer(port: ports[0], upstreams: Array(ports[1...3]))
            defer { balancer.stop() }
            func node(_ index: Int) -> String { "http://127.0.0.1:\(ports[index + 1])" }

            #expect(try await Reply.send(.GET, node(2) + "/watermark").body == "2017-09-11T00:00:00.000Z read on node-3")
            let stored = try await Reply.send(.PUT, node(0) + "/watermark", json: #"{"since": "2026-12-02T10:00:00.000Z"}"#)
            #expect(stored.body == "stored on node-1")
            #expect(try await Reply.send(.GET, node(2) + "/watermark").body == "2026-12-02T10:00:00.000Z read on node-3")

            let replies = try await withThrowingTaskGroup(of: Reply.self) { group in
                for _ in 0..<100 {
                    group.addTask { try await Reply.send(.POST, balancer.url + "/orders", json: #"{"orderId": "A-1"}"#) }
                }
                return try await group.reduce(into: [Reply]()) { $0.append($1) }
            }
            let accepted = replies.filter { $0.status == 201 }
            let refused = replies.filter { $0.status == 409 }
            #expect(accepted.count == 1, "\(replies.map(\.body))")
            #expect(refused.count == 99)
            #expect(accepted.allSatisfy { $0.body.hasPrefix("accepted by node-") })
            #expect(refused.allSatisfy { $0.body.hasSuffix(": A message with id 'A-1' has already been processed.") })
            // nginx spread them: every node refused some.
            for index in 1...3 {
                #expect(replies.contains { $0.body.hasPrefix("refused by node-\(index):") }, "node-\(index) answered none")
            }
        }
    }
}
