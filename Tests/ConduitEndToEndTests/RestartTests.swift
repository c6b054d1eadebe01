import FlowCore
import Foundation
import Testing
import ConduitTestSupport
import NIOHTTP1

/// Stopping and starting `conduit run --env dev` again: the app reuses the token it stored, and
/// the bundled sandbox (with `conduit.sandbox.data`) still knows it, so no second authorization.
@Suite(.serialized) struct RestartTests {
    @Test func restartedAppReusesThePersistedToken() async throws {
        let state = try TemporaryDirectory()
        defer { state.remove() }
        let first = try await DevRun.start(stateIn: state.path)
        defer { first.process.kill() }
        #expect(try await first.send(.GET, "/authorize-procore").status == 200)
        let created = try await first.send(.POST, "/projects", json: #"{"company_id":"562949953437078","name":"Before restart"}"#)
        #expect(created.status == 201, "\(created.body)")
        let id = try #require(try created.json["id"]?.integer)
        #expect(try await first.interrupt() == 0)
        let token = try #require(try first.storedAccessToken())

        // The same ports again, as a developer's restart would use.
        let second = try await DevRun.start(stateIn: state.path, ports: [first.appPort, first.sandboxPort])
        defer { second.process.kill() }
        let renamed = try await second.send(.PATCH, "/projects/\(id)", json: #"{"company_id":"562949953437078","name":"After restart"}"#)
        #expect(renamed.status == 200, "\(renamed.body)")
        #expect(try renamed.json["name"] == "After restart")
        // Neither authorized nor refreshed: the stored token is the one the first run obtained.
        #expect(try second.storedAccessToken() == token)
        #expect(try await second.interrupt() == 0)
    }

    /// Without the sandbox's data file a restarted sandbox has forgotten the token; the app says
    /// how to recover instead of failing obscurely.
    @Test func forgottenTokenAsksToAuthorizeAgain() async throws {
        let state = try TemporaryDirectory()
        defer { state.remove() }
        let first = try await DevRun.start(stateIn: state.path, defines: ["conduit.sandbox.data="])
        defer { first.process.kill() }
        #expect(try await first.send(.GET, "/authorize-procore").status == 200)
        #expect(try await first.interrupt() == 0)

        let second = try await DevRun.start(stateIn: state.path, ports: [first.appPort, first.sandboxPort], defines: ["conduit.sandbox.data="])
        defer { second.process.kill() }
        let reply = try await second.send(.POST, "/projects", json: #"{"company_id":"562949953437078","name":"Forgotten"}"#)
        #expect(reply.status == 401)
        #expect(try reply.json["error"] == "PROCORE:UNAUTHORIZED")
        #expect(try reply.json["message"]?.stringValue?.hasSuffix("Authorize again at http://localhost:\(second.appPort)/authorize-procore") == true)
        // Authorizing again recovers.
        #expect(try await second.send(.GET, "/authorize-procore").status == 200)
        let retried = try await second.send(.POST, "/projects", json: #"{"company_id":"562949953437078","name":"Forgotten"}"#)
        #expect(retried.status == 201, "\(retried.body)")
        #expect(try await second.interrupt() == 0)
    }
}
