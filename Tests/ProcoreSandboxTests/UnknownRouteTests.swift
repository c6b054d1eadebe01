import FlowCore
import NIOHTTP1
import ProcoreSandbox
import Testing

/// A request no endpoint serves gets Procore's error shape, naming the method and path asked for
/// (never the query, which may carry secrets).
@Suite struct UnknownRouteTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let method: HTTPMethod
        let path: String
        let message: String

        var testDescription: String { "\(method) \(path.prefix(40))" }
    }

    static let longSegment = String(repeating: "a", count: 250)

    static let cases = [
        Case(method: .GET, path: "/rest/v1.0/nothing-here", message: "Not Found: no sandbox endpoint for GET /rest/v1.0/nothing-here"),
        Case(method: .POST, path: "/rest/v2.0/projects?client_secret=s3cret&code=abc",
             message: "Not Found: no sandbox endpoint for POST /rest/v2.0/projects"),
        Case(method: .DELETE, path: "/rest/v1.0/projects/1", message: "Not Found: no sandbox endpoint for DELETE /rest/v1.0/projects/1"),
        Case(method: .GET, path: "/", message: "Not Found: no sandbox endpoint for GET /"),
        Case(method: .GET, path: "/" + longSegment,
             message: "Not Found: no sandbox endpoint for GET /" + String(longSegment.prefix(199)) + "…"),
    ]

    @Test(arguments: cases)
    func unknownRouteIsAProcoreShaped404(_ unknown: Case) async throws {
        try await SandboxHarness.with { sandbox in
            let response = try await sandbox.send(unknown.method, unknown.path)
            #expect(response.status == 404)
            #expect(response.header("Content-Type") == "application/json; charset=utf-8")
            #expect(try response.json == .object(ValueObject([("errors", .string(unknown.message))])))
            #expect(!response.body.contains("s3cret"))
        }
    }
}
