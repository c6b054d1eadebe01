import FlowCore
import Foundation
import NIOHTTP1
import Testing
import ConduitTestSupport

/// Request bodies the sample app cannot use get a 400 that says what is wrong, and never reach
/// Procore: JSON that is not an object names the first parameter it breaks, an empty body or
/// `null` names the missing required parameters, and malformed JSON is raised where the flow
/// reads it (`MULE:EXPRESSION`) and answered by the app's error handler with the position of the mistake.
@Suite(.serialized) struct RequestBodyShapeTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let method: HTTPMethod
        let path: String
        let body: String
        /// The exact response body.
        let response: String
        var contentType = "application/json"

        var testDescription: String { "\(method) \(path) \(body.isEmpty ? "(empty)" : body)" }
    }

    static func badRequest(_ message: String, type: String = "PROCORE:BAD_REQUEST") -> String {
        String(decoding: JSON.encodeBytes(.object(ValueObject([("error", .string(type)), ("message", .string(message))]))),
               as: UTF8.self)
    }

    /// A payload of the wrong shape: `INVALID_REQUEST`, a `BAD_REQUEST`, so the sample's 400.
    static func notAnObject(_ got: String) -> String {
        badRequest("Invalid value for parameter 'companyId': 'payload.company_id' needs the payload to be a JSON object, got \(got)",
                   type: "PROCORE:INVALID_REQUEST")
    }

    static let cases = [
        Case(method: .POST, path: "/projects", body: #"[{"company_id":"562949953437078","name":"In a list"}]"#,
             response: notAnObject("an Array")),
        Case(method: .POST, path: "/projects", body: "[]", response: notAnObject("an Array")),
        Case(method: .POST, path: "/projects", body: #""just text""#, response: notAnObject("a String ('just text')")),
        Case(method: .POST, path: "/projects", body: "42", response: notAnObject("a Number (42)")),
        Case(method: .POST, path: "/projects", body: "true", response: notAnObject("a Boolean (true)")),
        Case(method: .POST, path: "/projects", body: "null",
             response: badRequest("Missing value for required parameter 'companyId'; Missing value for required parameter 'name'")),
        Case(method: .POST, path: "/projects", body: "",
             response: badRequest("Missing value for required parameter 'companyId'; Missing value for required parameter 'name'")),
        // Issue 20 item 8: malformed JSON reaches the app's error handler, which formats it.
        Case(method: .POST, path: "/projects", body: #"{"company_id": "562949953437078", "name": }"#,
             response: String(decoding: JSON.encodeBytes(.object(ValueObject([
                 ("error", "MULE:EXPRESSION"),
                 ("message", "The payload is not valid application/json: unexpected '}' at line 1, column 43"),
             ]))), as: UTF8.self)),
        Case(method: .PATCH, path: "/projects/562949955035825", body: "{\"company_id\": 1,\n  \"name\": \"x\",,}",
             response: String(decoding: JSON.encodeBytes(.object(ValueObject([
                 ("error", "MULE:EXPRESSION"),
                 ("message", "The payload is not valid application/json: expected a string key but found ',' at line 2, column 15"),
             ]))), as: UTF8.self)),
        Case(method: .PATCH, path: "/projects/562949955035825", body: "[1, 2]", response: notAnObject("an Array")),
        Case(method: .PATCH, path: "/projects/562949955035825", body: "",
             response: badRequest("Missing value for required parameter 'companyId'")),
        Case(method: .POST, path: "/projects/update", body: #""562949955035825""#,
             response: notAnObject("a String ('562949955035825')")),
    ]

    @Test(arguments: cases)
    func unusableBodyIsA400(_ bodyCase: Case) async throws {
        try await InProcessApp.serve { app in
            try await app.authorize()
            let reply = try await app.send(bodyCase.method, bodyCase.path, json: bodyCase.body)
            #expect(reply.status == 400)
            #expect(reply.header("Content-Type") == bodyCase.contentType)
            #expect(reply.body == bodyCase.response)
            // Refused before any call to Procore's API (the authorization's token request and its
            // `/me` lookup of who authorized aside).
            let calls = app.logs.messages(in: "com.procore.mule").filter { $0.hasPrefix("Procore request ") && !$0.hasSuffix(" /rest/v1.0/me") }
            #expect(!calls.contains { $0.contains("/rest/") }, "\(calls)")
        }
    }

    /// The sample app logs a created project after the operation, where the payload is Procore's
    /// project, so the log line itself can never fail on a body of the wrong shape.
    @Test func createdProjectIsLogged() async throws {
        try await InProcessApp.serve { app in
            try await app.authorize()
            let reply = try await app.send(.POST, "/projects", json: #"{"company_id":"562949953437078","name":"Logged"}"#)
            #expect(reply.status == 201, "\(reply.body)")
            let id = try #require(try reply.json["id"]?.integer)
            #expect(app.logs.messages(in: "org.mule.runtime.core.internal.processor.LoggerMessageProcessor")
                == ["Created project \(id) 'Logged' for company 562949953437078"])
        }
    }
}
