import FlowCore
import NIOHTTP1
import ProcoreSandbox
import Testing

/// `GET /_sandbox/projects/summary`: counts and repeated names, for load tests that create many projects.
@Suite struct ProjectSummaryTests {
    static func create(_ sandbox: SandboxHarness, token: String, name: String) async throws {
        let created = try await sandbox.send(
            .POST, "/rest/v1.0/projects", headers: SandboxHarness.rest(token),
            body: #"{"company_id": 562949953437078, "project": {"name": "\#(name)"}}"#)
        #expect(created.status == 201)
    }

    @Test func countsProjectsAndNamesRepeatedWithinACompany() async throws {
        try await SandboxHarness.with { sandbox in
            let before = try await sandbox.send(.GET, "/_sandbox/projects/summary?company_id=562949953437078").json
            let seeded = try #require(before["projects"].flatMap { if case .int(let n) = $0 { n } else { nil } })
            #expect(before["repeatedNames"] == 0)
            let token = try await sandbox.accessToken()
            for name in ["Soak 1", "Soak 2", "Soak 1"] {
                try await Self.create(sandbox, token: token, name: name)
            }
            let after = try await sandbox.send(.GET, "/_sandbox/projects/summary?company_id=562949953437078").json
            #expect(after["projects"] == .int(seeded + 3))
            #expect(after["repeatedNames"] == 1)
            #expect(after["examples"]?.arrayValue?.map { $0["name"] } == [.string("Soak 1")])
        }
    }

    @Test func refusesACompanyIdThatIsNotAnInteger() async throws {
        try await SandboxHarness.with { sandbox in
            let answer = try await sandbox.send(.GET, "/_sandbox/projects/summary?company_id=abc")
            #expect(answer.status == 400)
            #expect(answer.body.contains("company_id must be an integer"))
        }
    }
}
