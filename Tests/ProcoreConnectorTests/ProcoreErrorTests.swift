import ConnectorSupport
import FlowCore
import FlowFormats
import FlowEngine
import ProcoreConnector
import Testing

/// The status table, the declared types and parents, and descriptions made of Procore's messages.
@Suite struct ProcoreErrorTests {
    @Test(arguments: [
        (400, "PROCORE:BAD_REQUEST"), (401, "PROCORE:UNAUTHORIZED"), (403, "PROCORE:FORBIDDEN"),
        (404, "PROCORE:NOT_FOUND"), (408, "PROCORE:REQUEST_TIMEOUT"), (409, "PROCORE:CONFLICT"),
        (422, "PROCORE:UNPROCESSABLE_ENTITY"), (429, "PROCORE:TOO_MANY_REQUESTS"),
        (503, "PROCORE:SERVICE_UNAVAILABLE"), (504, "PROCORE:GATEWAY_TIMEOUT"),
        (406, "PROCORE:UNEXPECTED_ERROR"), (500, "PROCORE:UNEXPECTED_ERROR"), (502, "PROCORE:UNEXPECTED_ERROR"),
        (302, "PROCORE:UNEXPECTED_ERROR"), (418, "PROCORE:UNEXPECTED_ERROR"),
    ])
    func statusTable(status: Int, type: String) {
        #expect(ProcoreErrorType.forStatus(status).description == type)
    }

    @Test func everyTypeIsDeclaredWithItsParent() {
        let declared = ProcoreDeclaration.errorTypes.map(\.0)
        #expect(Set(ProcoreErrorType.allCases.map(\.identifier)) == Set(declared))
        #expect(ProcoreErrorType.unprocessableEntity.parent == "BAD_REQUEST")
        #expect(ProcoreErrorType.connectivity.parent == "MULE:CONNECTIVITY")
        #expect(ProcoreErrorType.accessTokenMissing.parent == "MULE:CLIENT_SECURITY")
        #expect(ProcoreErrorType.notFound.parent == nil)
    }

    @Test func handlersMatchThroughTheRegisteredTree() throws {
        var repository = ErrorTypeRepository()
        repository.registerConnector(namespace: ProcoreErrorType.namespace, types: ProcoreDeclaration.errorTypes)
        let unprocessable = try #require(repository.lookup(ProcoreErrorType.unprocessableEntity.name))
        #expect(unprocessable.isA(try #require(repository.lookup("PROCORE:BAD_REQUEST"))))
        let timeout = try #require(repository.lookup(ProcoreErrorType.gatewayTimeout.name))
        #expect(timeout.isA(repository.core("CONNECTIVITY")))
        let state = try #require(repository.lookup(ProcoreErrorType.oauthStateMissing.name))
        #expect(state.isA(repository.core("CLIENT_SECURITY")))
    }

    static func response(_ status: Int, _ body: Value, headers: Value = .object(ValueObject())) -> Message {
        Message(payload: body, attributes: .object(ValueObject([
            ("statusCode", .int(Int64(status))), ("headers", headers), ("requestId", "req-1"),
        ])))
    }

    @Test(arguments: [
        // (status, body as JSON text, description)
        (422, #"{"errors":{"city":["can't be blank"]}}"#, "city: can't be blank"),
        (422, #"{"errors":{"city":["can't be blank"],"address":["can't be blank","is too short"]}}"#,
         "city: can't be blank; address: can't be blank; address: is too short"),
        (403, #"{"errors":["App is not connected to this company."]}"#, "App is not connected to this company."),
        (401, #"{"errors":"The access token is invalid"}"#, "The access token is invalid"),
        (400, #"{"message":"Bad project","reason":"x"}"#, "Bad project"),
        (400, #"{"error":"invalid_request"}"#, "invalid_request"),
        (400, #"{"errors":{"project":{"name":["can't be blank"]}}}"#, "project.name: can't be blank"),
        (429, #""You have surpassed the max number of requests for an hour. Please wait until your limit resets.\n""#,
         "You have surpassed the max number of requests for an hour. Please wait until your limit resets."),
        (404, "null", "HTTP PATCH /rest/v1.0/projects/7 failed: not found (404)."),
        (409, #"{"errors":{"origin_id":["has already been taken"]}}"#, "origin_id: has already been taken"),
        (500, #"{"errors":""}"#, "HTTP PATCH /rest/v1.0/projects/7 failed: internal server error (500)."),
    ])
    func descriptionsCarryProcoresMessages(status: Int, bodyJSON: String, description: String) throws {
        let body = try JSON.decode(bodyJSON)
        let error = ProcoreError.fromResponse(Self.response(status, body), method: "PATCH", path: "/rest/v1.0/projects/7")
        #expect(error.description == description)
        #expect(error.type == ProcoreErrorType.forStatus(status))
        #expect(try error.errorMessage?.payload.value == body)
        #expect(error.errorMessage?.statusCode == status)
        #expect(error.errorMessage?.attributes["requestId"] == "req-1")
    }

    @Test func longPlainTextIsCut() {
        let text = String(repeating: "x", count: 400)
        let error = ProcoreError.fromResponse(Self.response(500, .string(text)), method: "POST", path: "/")
        #expect(error.description == String(repeating: "x", count: 300) + "…")
    }
}
