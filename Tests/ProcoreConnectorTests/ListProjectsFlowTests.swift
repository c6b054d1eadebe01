import ConduitTestSupport
import ConnectorSupport
import FlowCore
import FlowEngine
import FlowFormats
import Foundation
import Logging
import ProcoreConnector
import Testing

/// `procore:list-projects` and `procore:get-project` in flows: a `foreach` that walks sixty
/// projects five a page fetches each page only once the previous one is done, a 429 storm on a
/// page slows the walk but loses nothing, and NOT_FOUND routes like any error type.
@Suite struct ListProjectsFlowTests {
    static let procore = #"xmlns:procore="http://www.mulesoft.org/schema/mule/procore""#

    static func app(_ sandbox: SandboxHarness, _ flows: String, logs: ConduitTestSupport.LogCapture) throws -> Runtime {
        try TestApp.runtime("""
            <procore:config \(procore) name="Procore_Config">
              <procore:connection baseUrl="\(sandbox.baseURL)" loginUrl="\(sandbox.baseURL)" retryBaseDelay="10"
                                  tokenStore="\(TestScratch.path("tokens")).json">
                <procore:client-credentials consumerKey="\(SandboxHarness.clientId)" consumerSecret="\(SandboxHarness.clientSecret)"/>
              </procore:connection>
            </procore:config>
            \(flows)
            """, connectors: [ProcoreFlowConnector()], logs: logs, logLevels: ["com.procore.mule": .level(.debug)])
    }

    static let walk = """
        <flow name="walk">
          <procore:list-projects \(procore) config-ref="Procore_Config" companyId="562949953437078" search="Bulk " pageSize="5"/>
          <logger level="INFO" category="walk" message="listing"/>
          <set-variable variableName="seen" value="#[0]"/>
          <foreach>
            <logger level="INFO" category="walk" message="#[payload.origin_id]"/>
            <set-variable variableName="seen" value="#[vars.seen + 1]"/>
          </foreach>
          <set-payload value="#[vars.seen]"/>
        </flow>
        """

    static func createBulk(_ sandbox: SandboxHarness, count: Int) async throws {
        let client = sandbox.client(sandbox.configuration(grant: .clientCredentials(ClientCredentialsSettings())))
        try await ReadOperationTests.createProjects(client, prefix: "Bulk", count: count)
        await client.shutdown()
    }

    /// What the walk logged, in order: `page N` for each page fetched, and each project's origin id.
    static func trace(_ logs: ConduitTestSupport.LogCapture) -> [String] {
        logs.records.compactMap { record in
            if record.category == "walk" { return record.message }
            guard record.message.hasPrefix("list-projects fetching page ") else { return nil }
            return "page " + record.message.dropFirst("list-projects fetching page ".count).prefix { $0 != " " }
        }
    }

    @Test func foreachHoldsOnePageAtATime() async throws {
        try await SandboxHarness.with { sandbox in
            try await Self.createBulk(sandbox, count: 60)
            let logs = ConduitTestSupport.LogCapture()
            let runtime = try Self.app(sandbox, Self.walk, logs: logs)
            try await RuntimeHarness.serve(runtime) { _ in
                let event = try #require(try await runtime.run(flow: "walk").event)
                #expect(try event.payload.value == 60)
            }
            var expected = ["page 1", "listing"]
            for page in 1...12 {
                if page > 1 { expected.append("page \(page)") }
                expected += (1...5).map { "Bulk-\((page - 1) * 5 + $0)" }
            }
            #expect(Self.trace(logs) == expected)
        }
    }

    @Test func aRateLimitStormOnAPageSlowsTheWalkButLosesNothing() async throws {
        try await SandboxHarness.with { sandbox in
            try await Self.createBulk(sandbox, count: 20)
            try await sandbox.fault(#"{"count": 3, "path": "/rest/v1.1/projects", "query": {"page": "3"}, "status": 429, "retryAfter": 0}"#)
            let logs = ConduitTestSupport.LogCapture()
            let runtime = try Self.app(sandbox, Self.walk, logs: logs)
            try await RuntimeHarness.serve(runtime) { _ in
                let event = try #require(try await runtime.run(flow: "walk").event)
                #expect(try event.payload.value == 20)
            }
            #expect(Self.trace(logs).filter { $0.hasPrefix("Bulk-") } == (1...20).map { "Bulk-\($0)" })
            #expect(logs.messages(in: "com.procore.mule").filter { $0.hasPrefix("Retrying GET /rest/v1.1/projects") }.count == 3)
        }
    }

    @Test func getProjectNotFoundRoutesToItsHandler() async throws {
        try await SandboxHarness.with { sandbox in
            let runtime = try Self.app(sandbox, """
                <flow name="show">
                  <procore:get-project \(Self.procore) config-ref="Procore_Config" companyId="562949953437078" projectId="#[payload]"/>
                  <set-payload value="#[payload.name]"/>
                  <error-handler>
                    <on-error-continue type="PROCORE:NOT_FOUND">
                      <set-payload value="#['missing: ' ++ error.description ++ ' (' ++ (error.errorMessage.attributes.statusCode as String) ++ ')']"/>
                    </on-error-continue>
                  </error-handler>
                </flow>
                """, logs: ConduitTestSupport.LogCapture())
            try await RuntimeHarness.serve(runtime) { _ in
                let shown = try #require(try await runtime.run(flow: "show", payload: 562_949_955_035_825).event)
                #expect(try shown.payload.value == "MuleTest9 - 17")
                let missing = try #require(try await runtime.run(flow: "show", payload: 42).event)
                #expect(try missing.payload.value == "missing: Not Found (404)")
            }
        }
    }

    @Test func literalsNoCallCouldAcceptAreLoadErrors() throws {
        let diagnostics = try TestApp.diagnostics("""
            <procore:config \(Self.procore) name="Procore_Config">
              <procore:connection><procore:client-credentials consumerKey="k" consumerSecret="s"/></procore:connection>
            </procore:config>
            <flow name="f">
              <procore:list-projects \(Self.procore) config-ref="Procore_Config" companyId="1" byStatus="closed" pageSize="500"/>
              <procore:get-project \(Self.procore) config-ref="Procore_Config" companyId="1" projectId="abc"/>
            </flow>
            """, connectors: [ProcoreFlowConnector()]).map(\.description)
        #expect(diagnostics.contains { $0.hasSuffix("error: Invalid value for parameter 'byStatus': 'closed' is not a project status (expected ACTIVE, INACTIVE or ALL)") })
        #expect(diagnostics.contains { $0.hasSuffix("error: Invalid value for parameter 'pageSize': '500' is not a page size (expected a whole number from 1 to 300)") })
        #expect(diagnostics.contains { $0.hasSuffix("error: Invalid value for parameter 'projectId': 'abc' is not a Procore id (expected a positive whole number)") })
    }
}
