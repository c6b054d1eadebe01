import ConduitTestSupport
import ConnectorSupport
import FlowEngine
import Foundation
import ProcoreConnector
import Testing

/// Issue 21 L8: a token file other users can read is reported when the app starts, and stops
/// the start in a production environment.
@Suite("Token file permissions")
struct TokenFilePermissionTests {
    /// A token file holding tokens for the default owner, with `mode`.
    static func tokenFile(mode: Int) throws -> String {
        let path = ProcoreHealthTests.temporaryPath()
        let token = StoredToken(accessToken: "access", refreshToken: "refresh", expiresAt: Date(timeIntervalSinceNow: 3600),
                                obtainedAt: Date(), grantType: "authorization_code")
        try FileTokenStorage(path: path, configName: "Procore_Config").save([OAuthSettings.defaultResourceOwnerId: token])
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    static func message(_ path: String) -> String {
        "Token store '\(path)' can be read or written by users other than its owner (mode 644): run chmod 600 '\(path)'"
    }

    @Test("a token file readable by others is warned about when the app starts")
    func warned() async throws {
        let path = try Self.tokenFile(mode: 0o644)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let logs = ConduitTestSupport.LogCapture()
        let runtime = try TestApp.runtime(ProcoreHealthTests.authorizationCodeApp(tokenStore: path), connectors: [ProcoreFlowConnector()], logs: logs)
        try await RuntimeHarness.serve(runtime) { _ in }
        #expect(logs.messages(in: "com.procore.mule").contains(Self.message(path)))
    }

    @Test("a private token file is not mentioned")
    func privateFile() async throws {
        let path = try Self.tokenFile(mode: 0o600)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let logs = ConduitTestSupport.LogCapture()
        let runtime = try TestApp.runtime(ProcoreHealthTests.authorizationCodeApp(tokenStore: path), properties: [("env", "prod")],
                                          connectors: [ProcoreFlowConnector()], logs: logs)
        try await RuntimeHarness.serve(runtime) { _ in }
        #expect(!logs.messages().contains { $0.contains("Token store") })
    }

    @Test("with env=prod a token file readable by others stops the start")
    func refusedInProduction() async throws {
        let path = try Self.tokenFile(mode: 0o644)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let runtime = try TestApp.runtime(ProcoreHealthTests.authorizationCodeApp(tokenStore: path), properties: [("env", "prod")],
                                          connectors: [ProcoreFlowConnector()])
        let expected = Self.message(path) + "; the app does not start with it in a production environment (env prod, prd or production)"
        await #expect { try await RuntimeHarness.serve(runtime) { _ in } } throws: { error in "\(error)".contains(expected) }
    }
}
