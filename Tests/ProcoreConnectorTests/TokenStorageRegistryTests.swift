import ConduitTestSupport
import ConnectorSupport
import FlowCore
import FlowEngine
import Foundation
import NIOConcurrencyHelpers
import ProcoreConnector
import Testing

/// The executable's token storage, plugged in through `RuntimeOptions.services`, is the one the
/// Procore connector reads and writes; the config's token store file is never touched.
@Suite struct TokenStorageRegistryTests {
    /// Tokens in memory, with a record of every load and save.
    final class MemoryTokenStorage: TokenStorage {
        private let state = NIOLockedValueBox<(tokens: [String: StoredToken], loads: Int, saves: Int)>(([:], 0, 0))
        let location = "memory"

        var tokens: [String: StoredToken] { state.withLockedValue { $0.tokens } }
        var loads: Int { state.withLockedValue { $0.loads } }
        var saves: Int { state.withLockedValue { $0.saves } }

        func load() async throws(TokenStorageError) -> [String: StoredToken] {
            state.withLockedValue { state in
                state.loads += 1
                return state.tokens
            }
        }

        func save(_ tokens: [String: StoredToken]) async throws(TokenStorageError) {
            state.withLockedValue { state in
                state.saves += 1
                state.tokens = tokens
            }
        }
    }

    static func app(sandbox: SandboxHarness, tokenStore: String) -> String {
        """
        <procore:config xmlns:procore="http://www.mulesoft.org/schema/mule/procore" name="Procore_Config">
          <procore:connection baseUrl="\(sandbox.baseURL)" loginUrl="\(sandbox.baseURL)" tokenStore="\(tokenStore)">
            <procore:client-credentials consumerKey="\(SandboxHarness.clientId)" consumerSecret="\(SandboxHarness.clientSecret)"/>
          </procore:connection>
        </procore:config>
        <flow name="create">
          <procore:create-project xmlns:procore="http://www.mulesoft.org/schema/mule/procore" config-ref="Procore_Config"
                                  companyId="\(SandboxHarness.company)" name="#[payload]"/>
        </flow>
        """
    }

    /// Builds the app with `storage` registered, runs `create` once with `name`, and shuts down.
    static func createProject(named name: String, sandbox: SandboxHarness, storage: MemoryTokenStorage,
                              tokenStore: String) async throws -> FlowOutcome {
        var options = RuntimeOptions()
        let requested = NIOLockedValueBox<[String]>([])
        options.services[TokenStorageKey.self] = TokenStorageFactory { configName, defaultPath in
            requested.withLockedValue { $0.append("\(configName) \(defaultPath)") }
            return storage
        }
        let app = try TestApp.definition(app(sandbox: sandbox, tokenStore: tokenStore), connectors: [ProcoreFlowConnector()])
        let runtime = try Runtime.build(app, connectors: TestApp.standardConnectors + [ProcoreFlowConnector()], options: options)
        #expect(requested.withLockedValue { $0 } == ["Procore_Config \(tokenStore)"])
        var outcome: FlowOutcome?
        try await RuntimeHarness.serve(runtime) { _ in
            outcome = try await runtime.run(flow: "create", payload: .string(name))
        }
        return try #require(outcome)
    }

    @Test func procoreConnectorKeepsItsTokensInTheRegisteredStorage() async throws {
        try await SandboxHarness.with { sandbox in
            let storage = MemoryTokenStorage()
            let tokenStore = NSTemporaryDirectory() + "conduit-registry-\(UUID().uuidString)/tokens.json"

            let first = try await Self.createProject(named: "Registry One", sandbox: sandbox, storage: storage, tokenStore: tokenStore)
            #expect(first.event?.message.attributes["statusCode"] == 201, "\(String(describing: first.failure?.error.description))")
            // The client-credentials token the first call obtained went to the registered storage.
            let token = try #require(storage.tokens["default"])
            #expect(token.grantType == "client_credentials")
            #expect(storage.loads == 1)
            #expect(storage.saves == 1)
            #expect(!FileManager.default.fileExists(atPath: tokenStore))

            // A second app (a restart) reads the token back from the storage and needs no new one.
            let second = try await Self.createProject(named: "Registry Two", sandbox: sandbox, storage: storage, tokenStore: tokenStore)
            #expect(second.event?.message.attributes["statusCode"] == 201, "\(String(describing: second.failure?.error.description))")
            #expect(storage.loads == 2)
            #expect(storage.saves == 1)
            #expect(storage.tokens["default"] == token)
            #expect(!FileManager.default.fileExists(atPath: tokenStore))
            #expect(try await sandbox.projects().filter { $0["name"]?.stringValue?.hasPrefix("Registry ") == true }.count == 2)
        }
    }
}
