import FlowCore
import Foundation
import ProcoreSandbox
import Testing
import NIOHTTP1

/// `GET /rest/v1.0/projects` and `/rest/v1.1/projects`: pagination headers, views and filters.
@Suite struct ProjectListTests {
    /// Creates `count` projects named `Listed 1`…, returning their ids.
    static func createProjects(_ sandbox: SandboxHarness, _ token: String, count: Int) async throws {
        for index in 1...count {
            _ = try await ProjectEndpointTests.create(sandbox, token, #"{"name": "Listed \#(index)", "origin_id": "L\#(index)"}"#)
        }
    }

    @Test func paginatesWithTotalPerPageAndLink() async throws {
        // Enough spike allowance for the setup requests.
        let configuration = SandboxConfiguration(spikeLimit: RateLimitWindow(limit: 100, length: .seconds(10)))
        try await SandboxHarness.with(configuration) { sandbox in
            let token = try await sandbox.accessToken()
            try await Self.createProjects(sandbox, token, count: 5)
            // Active projects: the template, the seeded one and the five new ones.
            let path = "/rest/v1.0/projects?company_id=562949953437078&per_page=3"
            let first = try await sandbox.send(.GET, path, headers: SandboxHarness.rest(token))
            #expect(first.status == 200)
            #expect(first.header("Total") == "7")
            #expect(first.header("Per-Page") == "3")
            let base = sandbox.baseURL + "/rest/v1.0/projects?company_id=562949953437078"
            #expect(first.header("Link")
                == "<\(base)&page=3&per_page=3>; rel=\"last\", <\(base)&page=2&per_page=3>; rel=\"next\"")
            #expect(try first.json.arrayValue?.count == 3)

            let middle = try await sandbox.send(.GET, path + "&page=2", headers: SandboxHarness.rest(token))
            #expect(middle.header("Link") == "<\(base)&page=1&per_page=3>; rel=\"first\", <\(base)&page=1&per_page=3>; rel=\"prev\", "
                + "<\(base)&page=3&per_page=3>; rel=\"last\", <\(base)&page=3&per_page=3>; rel=\"next\"")

            let last = try await sandbox.send(.GET, path + "&page=3", headers: SandboxHarness.rest(token))
            #expect(try last.json.arrayValue?.count == 1)
            #expect(last.header("Link")?.contains("rel=\"next\"") == false)

            let beyond = try await sandbox.send(.GET, path + "&page=9", headers: SandboxHarness.rest(token))
            #expect(beyond.status == 200)
            #expect(beyond.body == "[]")
        }
    }

    @Test func v10ItemsCarryTheStageNameAndCompactView() async throws {
        try await SandboxHarness.with { sandbox in
            let token = try await sandbox.accessToken()
            let list = try await sandbox.send(.GET, "/rest/v1.0/projects?company_id=562949953437078", headers: SandboxHarness.rest(token))
            let seeded = try #require(try list.json.arrayValue?.first { $0["id"] == 562_949_955_035_825 })
            #expect(seeded["stage"] == "Course of Construction")
            #expect(list.header("Link") == nil)
            let compact = try await sandbox.send(
                .GET, "/rest/v1.0/projects?company_id=562949953437078&serializer_view=compact", headers: SandboxHarness.rest(token))
            #expect(try compact.json.arrayValue?.first?.objectValue?.keys == ["id", "name", "display_name"])
        }
    }

    @Test(arguments: [
        ("", [562_949_955_000_001, 562_949_955_035_825] as [Int64]),
        ("&filters[by_status]=Inactive", [562_949_955_035_826]),
        ("&filters[by_status]=All", [562_949_955_000_001, 562_949_955_035_825, 562_949_955_035_826]),
        ("&filters[id][]=562949955035825", [562_949_955_035_825]),
        ("&filters[project_number]=P3420", [562_949_955_035_825]),
        ("&filters[name]=template", [562_949_955_000_001]),
        ("&view=ids&filters[by_status]=All&sort=name", [562_949_955_035_826, 562_949_955_000_001, 562_949_955_035_825]),
    ])
    func v11FiltersAndViews(query: String, ids: [Int64]) async throws {
        try await SandboxHarness.with { sandbox in
            let token = try await sandbox.accessToken()
            let list = try await sandbox.send(
                .GET, "/rest/v1.1/projects?company_id=562949953437078" + query, headers: SandboxHarness.rest(token))
            #expect(list.status == 200)
            #expect(try list.json.arrayValue?.compactMap { $0["id"] } == ids.map(Value.int))
        }
    }

    @Test(arguments: ["page=0", "per_page=-1", "page=two"])
    func badPagingIs400(query: String) async throws {
        try await SandboxHarness.with { sandbox in
            let token = try await sandbox.accessToken()
            let list = try await sandbox.send(
                .GET, "/rest/v1.1/projects?company_id=562949953437078&" + query, headers: SandboxHarness.rest(token))
            #expect(list.status == 400)
        }
    }

    @Test func listNeedsTheCompanyIDQuery() async throws {
        try await SandboxHarness.with { sandbox in
            let token = try await sandbox.accessToken()
            let list = try await sandbox.send(.GET, "/rest/v1.1/projects", headers: SandboxHarness.rest(token))
            #expect(list.status == 400)
            #expect(list.body == #"{"errors":"param is missing or the value is empty: company_id"}"#)
        }
    }

    @Test(arguments: [
        ("&filters[origin_id]=L2", ["Listed 2"]),
        ("&filters[origin_id]=nobody", []),
        ("&filters[search]=listed 1", ["Listed 1"]),
        ("&filters[search]=p342", ["MuleTest9 - 17"]),
        ("&filters[updated_at]=2000-01-01...2000-12-31", []),
        ("&filters[created_at]=2000-01-01T00:00:00Z...2000-01-02T00:00:00Z", []),
    ])
    func originSearchAndTimestampFilters(query: String, names: [String]) async throws {
        try await SandboxHarness.with { sandbox in
            let token = try await sandbox.accessToken()
            try await Self.createProjects(sandbox, token, count: 2)
            let list = try await sandbox.send(
                .GET, "/rest/v1.1/projects?company_id=562949953437078" + query, headers: SandboxHarness.rest(token))
            #expect(list.status == 200)
            #expect(try list.json.arrayValue?.compactMap { $0["name"]?.stringValue } == names)
        }
    }

    /// A range around now holds what was just created or updated; one that ends before does not.
    @Test func updatedAtRangeFindsWhatChanged() async throws {
        try await SandboxHarness.with { sandbox in
            let token = try await sandbox.accessToken()
            let before = Date(timeIntervalSinceNow: -2)
            try await Self.createProjects(sandbox, token, count: 1)
            func stamp(_ date: Date) -> String {
                let formatter = ISO8601DateFormatter()
                formatter.timeZone = TimeZone(identifier: "UTC")
                return formatter.string(from: date)
            }
            let recent = "filters[updated_at]=\(stamp(before))...\(stamp(Date(timeIntervalSinceNow: 60)))"
            let list = try await sandbox.send(
                .GET, "/rest/v1.1/projects?company_id=562949953437078&filters[by_status]=All&" + recent, headers: SandboxHarness.rest(token))
            #expect(try list.json.arrayValue?.compactMap { $0["name"]?.stringValue } == ["Listed 1"])
            #expect(list.header("Total") == "1")
        }
    }

    @Test(arguments: ["filters[updated_at]=2025-01-01", "filters[updated_at]=yesterday...today", "filters[created_at]=2025-13-01...2025-12-31"])
    func badTimestampRangeIs400(query: String) async throws {
        try await SandboxHarness.with { sandbox in
            let token = try await sandbox.accessToken()
            let list = try await sandbox.send(
                .GET, "/rest/v1.1/projects?company_id=562949953437078&" + query, headers: SandboxHarness.rest(token))
            #expect(list.status == 400)
            let filter = query.prefix { $0 != "=" }
            #expect(list.body == #"{"errors":"\#(filter) must be a range of ISO 8601 timestamps such as 2025-01-01T00:00:00Z...2025-01-31T23:59:59Z"}"#)
        }
    }
}
