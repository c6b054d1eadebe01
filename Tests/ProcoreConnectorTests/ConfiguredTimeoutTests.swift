import AsyncHTTPClient
import ConduitTestSupport
import FlowCore
import Foundation
import HTTPConnector
import NIOCore
import NIOHTTP1
import ProcoreConnector
import Testing

/// Timeouts from configuration (properties an operator or an environment variable sets) reach
/// NIO's nanosecond clocks through checked conversions (M3): the largest whole number an
/// attribute takes starts the app instead of trapping while it starts.
@Suite struct ConfiguredTimeoutTests {
    static let procore = #"xmlns:procore="http://www.mulesoft.org/schema/mule/procore""#
    static let huge = "9223372036854775807"

    @Test func hugeTimeoutsStartTheAppAndItServes() async throws {
        let body = """
            <http:listener-config name="listener"><http:listener-connection host="127.0.0.1" port="0" readTimeout="\(Self.huge)"/></http:listener-config>
            <procore:config \(Self.procore) name="Procore_Config">
              <procore:connection baseUrl="http://127.0.0.1:9" loginUrl="http://127.0.0.1:9" connectionTimeout="\(Self.huge)" responseTimeout="\(Self.huge)" retryDeadline="\(Self.huge)">
                <procore:client-credentials consumerKey="key" consumerSecret="top-secret"/>
              </procore:connection>
            </procore:config>
            <flow name="ping"><http:listener config-ref="listener" path="/ping"/><set-payload value="pong"/></flow>
            """
        let runtime = try TestApp.runtime(body, connectors: [ProcoreFlowConnector()])
        try await RuntimeHarness.serve(runtime) { served in
            let client = HTTPClient(eventLoopGroupProvider: .singleton)
            do {
                let response = try await client.execute(HTTPClientRequest(url: "http://127.0.0.1:\(served.listeners[0].port)/ping"), timeout: .seconds(10))
                let body = try await response.body.collect(upTo: 1024)
                #expect(response.status == .ok)
                #expect(String(buffer: body) == "pong")
                try await client.shutdown()
            } catch {
                try? await client.shutdown()
                throw error
            }
        }
    }
}
