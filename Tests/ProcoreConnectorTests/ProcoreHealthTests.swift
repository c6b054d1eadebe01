import ConduitTestSupport
import ConnectorSupport
import FlowEngine
import Foundation
import ProcoreConnector
import Testing

/// A `procore:config`'s health for readiness: down while not started, and with the
/// authorization-code grant degraded (not down: the consent pages must stay reachable) until
/// tokens are stored for the default resource owner.
@Suite("Procore configuration health")
struct ProcoreHealthTests {
    static let procore = #"xmlns:procore="http://www.mulesoft.org/schema/mule/procore""#

    static func temporaryPath() -> String {
        NSTemporaryDirectory() + "conduit-procore-health-\(UUID().uuidString)/tokens.json"
    }

    static func authorizationCodeApp(tokenStore: String) -> String {
        """
        <http:listener-config name="listener"><http:listener-connection host="127.0.0.1" port="0"/></http:listener-config>
        <procore:config \(procore) name="Procore_Config">
          <procore:connection baseUrl="http://127.0.0.1:9" loginUrl="http://127.0.0.1:9" tokenStore="\(tokenStore)">
            <procore:oauth-authorization-code consumerKey="key" consumerSecret="top-secret"/>
            <procore:oauth-callback-config listenerConfig="listener" callbackPath="/callback" authorizePath="/authorize"/>
          </procore:connection>
        </procore:config>
        """
    }

    /// The Procore configuration's health reports, before, while and after the app runs.
    static func reports(_ runtime: Runtime) async throws -> (before: [String], running: [String], after: [String]) {
        func procore() async -> [String] { await runtime.health().filter { $0.configuration == "Procore_Config" }.map(\.description) }
        let before = await procore()
        var running: [String] = []
        try await RuntimeHarness.serve(runtime) { _ in running = await procore() }
        return (before, running, await procore())
    }

    @Test("authorization code: down before start, degraded without tokens, down again after shutdown")
    func authorizationCodeWithoutTokens() async throws {
        let runtime = try TestApp.runtime(Self.authorizationCodeApp(tokenStore: Self.temporaryPath()), connectors: [ProcoreFlowConnector()])
        let reports = try await Self.reports(runtime)
        #expect(reports.before == ["Procore_Config: down: not started"])
        #expect(reports.running == ["Procore_Config: degraded: not authorized: no tokens stored for resource owner 'default'"])
        #expect(reports.after == ["Procore_Config: down: not started"])
        #expect(await runtime.health().allSatisfy { $0.configuration != "Procore_Config" || !$0.health.isServing })
    }

    @Test("authorization code: up once the default resource owner has tokens")
    func authorizationCodeWithTokens() async throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let token = StoredToken(accessToken: "access", refreshToken: "refresh", expiresAt: Date(timeIntervalSinceNow: 3600),
                                obtainedAt: Date(), grantType: "authorization_code")
        try FileTokenStorage(path: path, configName: "Procore_Config").save([OAuthSettings.defaultResourceOwnerId: token])
        let runtime = try TestApp.runtime(Self.authorizationCodeApp(tokenStore: path), connectors: [ProcoreFlowConnector()])
        #expect(try await Self.reports(runtime).running == ["Procore_Config: up"])
    }

    @Test("client credentials: up once started (a token is fetched on first use)")
    func clientCredentials() async throws {
        let runtime = try TestApp.runtime("""
            <procore:config \(Self.procore) name="Procore_Config">
              <procore:connection baseUrl="http://127.0.0.1:9" loginUrl="http://127.0.0.1:9" tokenStore="\(Self.temporaryPath())">
                <procore:client-credentials consumerKey="key" consumerSecret="top-secret"/>
              </procore:connection>
            </procore:config>
            """, connectors: [ProcoreFlowConnector()])
        let reports = try await Self.reports(runtime)
        #expect(reports.before == ["Procore_Config: down: not started"])
        #expect(reports.running == ["Procore_Config: up"])
    }
}
