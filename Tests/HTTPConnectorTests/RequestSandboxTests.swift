import ConduitTestSupport
import FlowCore
import FlowFormats
import FlowEngine
import Logging
import NIOHTTP1
import ProcoreSandbox
import Testing

/// `http:request` against the bundled Procore sandbox, a real API server on loopback: a
/// client-credentials token over basic authentication and a form body, then the REST API with a
/// bearer header, query and uri params, JSON bodies, and its 401 and 404 answers.
@Suite struct RequestSandboxTests {
    static let company = 562949953437078

    static func app(_ port: Int) -> String {
        """
        <http:request-config name="auth">
          <http:request-connection host="127.0.0.1" port="\(port)">
            <http:authentication>
              <http:basic-authentication username="conduit-dev-client" password="conduit-dev-secret"/>
            </http:authentication>
          </http:request-connection>
        </http:request-config>
        <http:request-config name="procore" basePath="/rest/v1.0">
          <http:request-connection host="127.0.0.1" port="\(port)"/>
          <http:default-headers><http:default-header key="Procore-Company-Id" value="\(company)"/></http:default-headers>
        </http:request-config>
        <sub-flow name="token">
          <http:request config-ref="auth" method="POST" path="/oauth/token" target="token" targetValue="#[payload.access_token]">
            <http:body>#[output application/x-www-form-urlencoded --- {grant_type: 'client_credentials'}]</http:body>
          </http:request>
        </sub-flow>
        <flow name="list">
          <flow-ref name="token"/>
          <http:request config-ref="procore" path="/projects">
            <http:headers><![CDATA[#[output application/java
            ---
            {
              "Authorization": "Bearer " ++ vars.token
            }]]]></http:headers>
            <http:query-params>#[{company_id: \(company), per_page: 2}]</http:query-params>
          </http:request>
        </flow>
        <flow name="create">
          <flow-ref name="token"/>
          <http:request config-ref="procore" method="POST" path="/projects">
            <http:headers>#[{'Authorization': 'Bearer ' ++ vars.token}]</http:headers>
            <http:body>#[{company_id: \(company), project: {name: payload}}]</http:body>
          </http:request>
          <http:request config-ref="procore" path="/projects/{id}">
            <http:headers>#[{'Authorization': 'Bearer ' ++ vars.token}]</http:headers>
            <http:uri-params>#[{id: payload.id}]</http:uri-params>
            <http:query-params>#[{company_id: \(company)}]</http:query-params>
          </http:request>
        </flow>
        <flow name="missing">
          <flow-ref name="token"/>
          <http:request config-ref="procore" path="/projects/{id}">
            <http:headers>#[{'Authorization': 'Bearer ' ++ vars.token}]</http:headers>
            <http:uri-params>#[{id: 1}]</http:uri-params>
            <http:query-params>#[{company_id: \(company)}]</http:query-params>
          </http:request>
        </flow>
        <flow name="anonymous">
          <http:request config-ref="procore" path="/projects"><http:query-params>#[{company_id: \(company)}]</http:query-params></http:request>
        </flow>
        """
    }

    static func withSandbox(_ body: (Int) async throws -> Void) async throws {
        let server = SandboxServer(configuration: SandboxConfiguration(),
                                   logger: Logger(label: "sandbox", factory: { _ in SwiftLogNoOpLogHandler() }))
        let port = try await server.start()
        do {
            try await body(port)
        } catch {
            await server.shutdown()
            throw error
        }
        await server.shutdown()
    }

    @Test("a token over basic auth and a form body, then a page of projects with query params and a bearer header")
    func listProjects() async throws {
        try await Self.withSandbox { port in
            try await RequestApp.run(Self.app(port), logLevels: ["org.mule.extension.http.internal.request": .trace]) { app in
                let event = try await app.event("list")
                let projects = try #require(try event.message.payload.value.arrayValue)
                #expect(projects.count == 2)
                #expect(projects.allSatisfy { $0["id"] != nil && $0["name"]?.stringValue != nil })
                #expect(event.message.attributes["statusCode"] == 200)
                #expect(event.message.attributes["headers"]?["per-page"] == "2")
                let token = try #require(event.vars["token"]?.stringValue)
                #expect(!token.isEmpty)
                // Debug lines were logged, and neither the bearer token nor the client secret is in them.
                let logged = app.logs.records.map { "\($0.message) \($0.metadata)" }.joined(separator: "\n")
                #expect(logged.contains("HTTP request GET http://127.0.0.1:\(port)/rest/v1.0/projects"))
                #expect(!logged.contains(token))
                #expect(!logged.contains("conduit-dev-secret"))
            }
        }
    }

    @Test("a JSON body creates a project, which uri params then read back")
    func createAndShow() async throws {
        try await Self.withSandbox { port in
            try await RequestApp.run(Self.app(port)) { app in
                let event = try await app.event("create", payload: "Conduit request test")
                #expect(try event.message.payload.value["name"] == "Conduit request test")
                #expect(event.message.attributes["statusCode"] == 200)
            }
        }
    }

    @Test("the sandbox's 404 and 401 are HTTP:NOT_FOUND and HTTP:UNAUTHORIZED with the API's body in errorMessage")
    func errors() async throws {
        try await Self.withSandbox { port in
            try await RequestApp.run(Self.app(port)) { app in
                let missing = try await app.error("missing")
                #expect(missing.type.description == "HTTP:NOT_FOUND")
                #expect(missing.description == "HTTP GET on resource 'http://127.0.0.1:\(port)/rest/v1.0/projects/1' failed: not found (404).")
                #expect(missing.errorMessage?.attributes["statusCode"] == 404)
                let anonymous = try await app.error("anonymous")
                #expect(anonymous.type.description == "HTTP:UNAUTHORIZED")
                #expect(anonymous.description == "HTTP GET on resource 'http://127.0.0.1:\(port)/rest/v1.0/projects' failed: unauthorized (401).")
                #expect(try anonymous.errorMessage?.payload.value.objectValue != nil)
            }
        }
    }

    @Test("behind Conduit's own listener: the sandbox's answer is relayed, and its 404 becomes the listener's 500 unless mapped")
    func behindListener() async throws {
        try await Self.withSandbox { port in
            try await RunningApp.serve("""
                \(RunningApp.listenerConfig)
                \(Self.app(port))
                <flow name="proxy">
                  <http:listener config-ref="listener" path="/projects/{id}"/>
                  <set-variable variableName="id" value="#[attributes.uriParams.id]"/>
                  <flow-ref name="token"/>
                  <http:request config-ref="procore" path="/projects/{id}">
                    <http:headers>#[{'Authorization': 'Bearer ' ++ vars.token}]</http:headers>
                    <http:uri-params>#[{id: vars.id}]</http:uri-params>
                    <http:query-params>#[{company_id: \(Self.company)}]</http:query-params>
                  </http:request>
                </flow>
                """) { app in
                let created = try await app.runtime.run(flow: "create", payload: "Relayed")
                let id = try #require(try created.event?.message.payload.value["id"])
                let found = try await app.send(.GET, "/projects/\(ValueText.render(id))")
                #expect(found.status == 200)
                #expect(found.body.contains(#""name":"Relayed""#))
                let missing = try await app.send(.GET, "/projects/1")
                #expect(missing.status == 500)
                #expect(missing.body == "HTTP GET on resource 'http://127.0.0.1:\(port)/rest/v1.0/projects/1' failed: not found (404).")
            }
        }
    }
}
