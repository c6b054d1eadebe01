import FlowCore
import Foundation
import ProcoreSandbox
import Testing
import NIOHTTP1

/// `--data FILE`: state survives a restart, writes are atomic, and a bad file is reported.
@Suite struct PersistenceTests {
    static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-\(UUID().uuidString)-\(name)").path
    }

    @Test func projectsAndTokensSurviveARestart() async throws {
        let path = Self.temporaryPath("state.json")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let configuration = SandboxConfiguration(dataFile: path)
        let (token, projectID) = try await SandboxHarness.with(configuration) { sandbox in
            let token = try await sandbox.accessToken()
            let project = try await ProjectEndpointTests.create(sandbox, token, #"{"name": "Kept", "total_value": 12.5}"#)
            let updated = try await sandbox.send(
                .PATCH, "/rest/v1.0/projects/562949955035825", headers: SandboxHarness.rest(token),
                body: #"{"company_id": 562949953437078, "project": {"city": "Persisted City"}}"#)
            #expect(updated.status == 200)
            return (token, try ProjectEndpointTests.id(project))
        }
        let directory = (path as NSString).deletingLastPathComponent
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.hasPrefix((path as NSString).lastPathComponent + ".tmp") }
        #expect(leftovers.isEmpty)
        let saved = try JSON.decode(String(contentsOfFile: path, encoding: .utf8))
        #expect(saved["format"] == "conduit-procore-sandbox")

        try await SandboxHarness.with(configuration) { sandbox in
            let shown = try await sandbox.send(
                .GET, "/rest/v1.0/projects/\(projectID)?company_id=562949953437078", headers: SandboxHarness.rest(token))
            #expect(shown.status == 200)
            #expect(try shown.json["total_value"] == "12.5")
            let seeded = try await sandbox.send(
                .GET, "/rest/v1.0/projects/562949955035825?company_id=562949953437078", headers: SandboxHarness.rest(token))
            #expect(try seeded.json["city"] == "Persisted City")
            // New ids continue after the saved ones.
            let next = try await ProjectEndpointTests.create(sandbox, token, #"{"name": "Next"}"#)
            #expect(try ProjectEndpointTests.id(next) > projectID)
        }
    }

    /// The file holds live tokens: owner-only, in a directory created on first write (the sample
    /// app's `dev.properties` points at `.conduit/sandbox/state.json`, which a fresh clone lacks).
    @Test func dataFileIsCreatedOwnerOnlyInAMissingDirectory() async throws {
        let root = Self.temporaryPath("nested")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/sandbox/state.json"
        try await SandboxHarness.with(SandboxConfiguration(dataFile: path)) { sandbox in
            _ = try await sandbox.accessToken()
        }
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let directory = try FileManager.default.attributesOfItem(atPath: root + "/sandbox")
        #expect((directory[.posixPermissions] as? NSNumber)?.intValue == 0o700)
        #expect(try JSON.decode(String(contentsOfFile: path, encoding: .utf8))["format"] == "conduit-procore-sandbox")
    }

    @Test func idempotentResponsesSurviveARestart() async throws {
        let path = Self.temporaryPath("idempotency.json")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let configuration = SandboxConfiguration(dataFile: path)
        let body = #"{"company_id": 562949953437078, "project": {"name": "Once only"}}"#
        let (token, first) = try await SandboxHarness.with(configuration) { sandbox in
            let token = try await sandbox.accessToken()
            let response = try await sandbox.send(
                .POST, "/rest/v1.0/projects", headers: SandboxHarness.rest(token) + [("Idempotency-Token", "k1")], body: body)
            return (token, response.body)
        }
        try await SandboxHarness.with(configuration) { sandbox in
            let replay = try await sandbox.send(
                .POST, "/rest/v1.0/projects", headers: SandboxHarness.rest(token) + [("Idempotency-Token", "k1")], body: body)
            #expect(replay.body == first)
            let all = try await sandbox.send(.GET, "/_sandbox/projects")
            #expect(try all.json.arrayValue?.filter { $0["name"] == "Once only" }.count == 1)
        }
    }

    @Test(arguments: [
        ("{not json", "is not valid JSON"),
        (#"{"projects": []}"#, #"is not a sandbox data file (its "format" is not "conduit-procore-sandbox")"#),
        (#"{"format": "conduit-procore-sandbox", "projects": [{"company_id": 1, "id": 5, "name": "X"}]}"#,
         "projects[0]: company 1 is not in the seed"),
        (#"{"format": "conduit-procore-sandbox", "projects": [{"company_id": 562949953437078, "id": 5, "name": "X", "office_id": 4}]}"#,
         "projects[0]: office_id does not exist in this company"),
    ])
    func badDataFileStopsTheStart(content: String, message: String) async throws {
        let path = Self.temporaryPath("bad.json")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try content.write(toFile: path, atomically: true, encoding: .utf8)
        let server = SandboxServer(configuration: SandboxConfiguration(dataFile: path))
        do {
            _ = try await server.start()
            await server.shutdown()
            Issue.record("the sandbox started with a bad data file")
        } catch let error as SandboxError {
            #expect(error.message.contains(message), "\(error.message)")
            #expect(error.message.contains(path))
        }
    }

    @Test func resetReturnsToTheSeed() async throws {
        try await SandboxHarness.with { sandbox in
            let token = try await sandbox.accessToken()
            _ = try await ProjectEndpointTests.create(sandbox, token, #"{"name": "Temporary"}"#)
            #expect(try await sandbox.send(.POST, "/_sandbox/reset").status == 200)
            let all = try await sandbox.send(.GET, "/_sandbox/projects")
            #expect(try all.json.arrayValue?.count == 4)
            // Grants are gone too.
            #expect(try await sandbox.send(.GET, "/rest/v1.0/me", headers: SandboxHarness.rest(token)).status == 401)
        }
    }
}
