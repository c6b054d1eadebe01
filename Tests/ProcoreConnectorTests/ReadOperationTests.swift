import ConduitTestSupport
import ConnectorSupport
import FlowCore
import FlowEngine
import FlowFormats
import Foundation
import ProcoreConnector
import Testing

/// `get-project` and `list-projects` against the sandbox: filters, pagination, NOT_FOUND,
/// validation, and 429s while paging.
@Suite struct ReadOperationTests {
    static let company = "562949953437078"

    /// Creates projects `<prefix> 1`… with origin ids `<prefix>-1`… and project numbers `<prefix>N`.
    static func createProjects(_ client: ProcoreClient, prefix: String, count: Int) async throws {
        for index in 1...count {
            _ = try await client.createProject(["companyId": .string(company), "name": .string("\(prefix) \(index)"),
                                                "originId": .string("\(prefix)-\(index)"), "projectNumber": .string("\(prefix)\(index)")])
        }
    }

    /// Every project of a list result, walking its pages as a `foreach` does.
    static func walk(_ message: Message) async throws -> [Value] {
        let pages = try #require(message.payload.pages)
        let iterator = pages.makePageIterator()
        var projects: [Value] = []
        while let page = try await iterator.nextPage() { projects += page }
        return projects
    }

    @Test func getProjectShowsTheProject() async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client()
            try await sandbox.authorize(client)
            let shown = try await client.getProject(["companyId": .string(Self.company), "projectId": "562949955035825"])
            #expect(shown.statusCode == 200)
            #expect(try shown.payload.value["name"] == "MuleTest9 - 17")
            #expect(try shown.payload.value["project_number"] == "P3420")
            await client.shutdown()
        }
    }

    @Test func getProjectOfAnUnknownIdIsNotFound() async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client()
            try await sandbox.authorize(client)
            do {
                _ = try await client.getProject(["companyId": .string(Self.company), "projectId": 42])
                Issue.record("expected NOT_FOUND")
            } catch let error as ProcoreError {
                #expect(error.type.description == "PROCORE:NOT_FOUND")
                #expect(error.description == "Not Found")
                #expect(error.errorMessage?.statusCode == 404)
            }
            await client.shutdown()
        }
    }

    @Test(arguments: [
        (["projectId": "abc"] as [String: Value], "Missing value for required parameter 'companyId'; Invalid value for parameter 'projectId': 'abc' is not a Procore id (expected a positive whole number)"),
        (["companyId": "562949953437078"], "Missing value for required parameter 'projectId'"),
    ])
    func getProjectValidatesBeforeAnyCall(parameters: [String: Value], message: String) async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client()
            await #expect(throws: ProcoreError(.badRequest, message)) { try await client.getProject(parameters) }
            #expect(await client.tokens.metrics.tokenRequests == 0)
            await client.shutdown()
        }
    }

    @Test(arguments: [
        (["byStatus": "closed", "pageSize": 301, "updatedSince": "last week", "originId": .array([])] as [String: Value],
         "Missing value for required parameter 'companyId'; Invalid value for parameter 'byStatus': 'closed' is not a project status (expected ACTIVE, INACTIVE or ALL); "
            + "Invalid value for parameter 'originId': expected text, got an Array; "
            + "Invalid value for parameter 'updatedSince': 'last week' is not a date-time (expected ISO 8601 such as '2025-01-31T08:00:00Z' or a date '2025-01-31'); "
            + "Invalid value for parameter 'pageSize': 301 is not a page size (expected a whole number from 1 to 300)"),
        (["companyId": "562949953437078", "pageSize": "0"], "Invalid value for parameter 'pageSize': '0' is not a page size (expected a whole number from 1 to 300)"),
    ])
    func listProjectsValidatesEveryParameterBeforeAnyCall(parameters: [String: Value], message: String) async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client()
            await #expect(throws: ProcoreError(.badRequest, message)) { try await client.listProjects(parameters) }
            #expect(await client.tokens.metrics.tokenRequests == 0)
            await client.shutdown()
        }
    }

    @Test func theQueryNamesEveryFilterAsProcoreDoes() throws {
        let since = try #require(Temporal.parse("2025-01-31T10:00:00+02:00"))
        let query = try ProjectListQuery(["companyId": "562949953437078", "byStatus": "all", "originId": "J-1001", "projectNumber": "J 1001",
                                          "search": "Harbor & Pier", "updatedSince": .temporal(since), "pageSize": 50])
        #expect(query.path(page: 3) == "/rest/v1.1/projects?company_id=562949953437078&filters%5Bby_status%5D=All"
            + "&filters%5Borigin_id%5D=J-1001&filters%5Bproject_number%5D=J%201001&filters%5Bsearch%5D=Harbor%20%26%20Pier"
            + "&filters%5Bupdated_at%5D=2025-01-31T08%3A00%3A00Z...9999-12-31T23%3A59%3A59Z&page=3&per_page=50")
        let defaults = try ProjectListQuery(["companyId": 7, "originId": "  ", "search": .null])
        #expect(defaults.path(page: 1) == "/rest/v1.1/projects?company_id=7&filters%5Bby_status%5D=Active&page=1&per_page=100")
        #expect(try ProjectListQuery(["companyId": 7, "updatedSince": "2025-01-31"]).updatedSince == "2025-01-31T00:00:00Z")
    }

    @Test(arguments: [
        (["originId": "F-3"] as [String: Value], ["F 3"]),
        (["projectNumber": "F2"], ["F 2"]),
        (["search": "f 1"], ["F 1"]),
        (["originId": "nobody"], []),
        (["byStatus": "INACTIVE"], ["Closed Warehouse Retrofit"]),
        (["updatedSince": "2999-01-01T00:00:00Z"], []),
    ])
    func filtersSelectWhatProcoreWould(filters: [String: Value], names: [String]) async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client()
            try await sandbox.authorize(client)
            try await Self.createProjects(client, prefix: "F", count: 3)
            var parameters = filters
            parameters["companyId"] = .string(Self.company)
            let listed = try await Self.walk(try await client.listProjects(parameters))
            #expect(listed.compactMap { $0["name"]?.stringValue } == names)
            await client.shutdown()
        }
    }

    @Test func updatedSinceFindsOnlyWhatChangedAfter() async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client()
            try await sandbox.authorize(client)
            // The seed's projects were loaded (updated) when the sandbox started: a second later,
            // only what is created from now on is newer.
            try await Task.sleep(for: .seconds(1.1))
            let since = Date()
            try await Self.createProjects(client, prefix: "U", count: 2)
            let stamp = ISO8601DateFormatter().string(from: since)
            let listed = try await Self.walk(try await client.listProjects(["companyId": .string(Self.company), "byStatus": "all",
                                                                          "updatedSince": .string(stamp)]))
            #expect(listed.compactMap { $0["name"]?.stringValue } == ["U 1", "U 2"])
            await client.shutdown()
        }
    }

    /// Seven projects two a page: pages 1 to 4 are asked for once each, in order, and no more.
    @Test func pagesAreFetchedInOrderUntilTheLast() async throws {
        try await SandboxHarness.with { sandbox in
            let capture = LogCapture()
            let client = sandbox.client(logger: capture.logger())
            try await sandbox.authorize(client)
            try await Self.createProjects(client, prefix: "P", count: 7)
            let message = try await client.listProjects(["companyId": .string(Self.company), "search": "P ", "pageSize": 2])
            #expect(message.attributes["headers"]?["total"] == "7")
            #expect(message.attributes["headers"]?["per-page"] == "2")
            let listed = try await Self.walk(message)
            #expect(listed.compactMap { $0["origin_id"]?.stringValue } == (1...7).map { "P-\($0)" })
            let pages = capture.lines.filter { $0.contains("list-projects fetching page") }
            #expect(pages.map { String($0.split(separator: ":", maxSplits: 1)[1].prefix(while: { $0 != "{" })) } == [
                " list-projects fetching page 1 (2 a page) for company 562949953437078 ",
                " list-projects fetching page 2 (2 a page) for company 562949953437078 ",
                " list-projects fetching page 3 (2 a page) for company 562949953437078 ",
                " list-projects fetching page 4 (2 a page) for company 562949953437078 ",
            ])
            #expect(capture.lines.filter { $0.contains("Procore request GET /rest/v1.1/projects") }.count == 4)
            // A second walk starts again from the first page.
            #expect(try await Self.walk(message).count == 7)
            #expect(capture.lines.filter { $0.contains("Procore request GET /rest/v1.1/projects") }.count == 8)
            await client.shutdown()
        }
    }

    /// A 429 on page 2 is waited out (Retry-After 0) and the walk loses nothing.
    @Test func aRateLimitWhilePagingIsRetried() async throws {
        try await SandboxHarness.with { sandbox in
            let capture = LogCapture()
            let client = sandbox.client(logger: capture.logger())
            try await sandbox.authorize(client)
            try await Self.createProjects(client, prefix: "R", count: 5)
            let message = try await client.listProjects(["companyId": .string(Self.company), "search": "R ", "pageSize": 2])
            try await sandbox.fault(#"{"count": 2, "path": "/rest/v1.1/projects", "query": {"page": "2"}, "status": 429, "retryAfter": 0}"#)
            let listed = try await Self.walk(message)
            #expect(listed.compactMap { $0["origin_id"]?.stringValue } == ["R-1", "R-2", "R-3", "R-4", "R-5"])
            #expect(capture.lines.filter { $0.contains("Retrying GET /rest/v1.1/projects") && $0.contains("PROCORE:TOO_MANY_REQUESTS") }.count == 2)
            await client.shutdown()
        }
    }

    /// 429s beyond the retries fail the walk at that page with `TOO_MANY_REQUESTS`.
    @Test func aRateLimitThatOutlastsTheRetriesFailsThePage() async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client(sandbox.configuration(retry: RetryPolicy(maxRetries: 2, baseDelay: .milliseconds(5))))
            try await sandbox.authorize(client)
            try await Self.createProjects(client, prefix: "X", count: 3)
            let message = try await client.listProjects(["companyId": .string(Self.company), "search": "X ", "pageSize": 2])
            try await sandbox.fault(#"{"count": 5, "path": "/rest/v1.1/projects", "query": {"page": "2"}, "status": 429, "retryAfter": 0}"#)
            let iterator = try #require(message.payload.pages).makePageIterator()
            #expect(try await iterator.nextPage()?.count == 2)
            do {
                _ = try await iterator.nextPage()
                Issue.record("expected TOO_MANY_REQUESTS")
            } catch let error as ConnectorError {
                #expect(error.type.description == "PROCORE:TOO_MANY_REQUESTS")
                #expect(error.message == "You have surpassed the max number of requests for an hour. Please wait until your limit resets. (gave up after 2 retries)")
            }
            #expect(try await iterator.nextPage() == nil)
            await client.shutdown()
        }
    }
}
