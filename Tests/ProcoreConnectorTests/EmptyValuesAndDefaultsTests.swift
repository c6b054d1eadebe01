import ConnectorSupport
import FlowCore
import FlowEngine
import FlowFormats
import Foundation
import ProcoreConnector
import Testing

/// Empty values, clearing fields, an update with nothing in it, and the manual's create defaults:
/// the request the builder makes, and what the sandbox (which reads empty strings, nulls and
/// clearing as Procore does) makes of it.
@Suite struct EmptyValuesAndDefaultsTests {
    static func updateProject(_ parameters: [String: Value]) throws -> String {
        var all = parameters
        all["companyId"] = 1
        all["projectId"] = 2
        return JSON.encode(try ProjectRequestBuilder.update(all).body["project"] ?? .null)
    }

    static func updateError(_ parameters: [String: Value]) -> ProcoreError? {
        do {
            _ = try updateProject(parameters)
            return nil
        } catch let error as ProcoreError {
            return error
        } catch {
            return nil
        }
    }

    // MARK: Item 1: an empty string for a parameter that is not text is no value

    @Test(arguments: ProjectField.update.filter { $0.type.readsBlankAsNoValue }.map(\.parameter))
    func emptyOrBlankIsSentAsNull(parameter: String) throws {
        let field = try #require(ProjectField.update.first { $0.parameter == parameter })
        for blank in ["", "   ", "\t", "\r\n", "\u{A0}", " \u{3000} "] {
            #expect(try Self.updateProject([parameter: .string(blank)]) == #"{"\#(field.jsonField)":null}"#)
        }
    }

    @Test func textKeepsTheEmptyStringAsGiven() throws {
        #expect(try Self.updateProject(["publicNotes": "", "zip": " "]) == #"{"zip":" ","public_notes":""}"#)
    }

    @Test func theManualsCreateSampleWithEmptyERPValuesIsAccepted() throws {
        var parameters = try SandboxHarness.createParameters()
        for name in ["startDate", "totalValue", "officeId", "latitude", "active", "sector", "timeZone", "departmentIds"] {
            parameters[name] = ""
        }
        let project = try ProjectRequestBuilder.create(parameters).body["project"]
        #expect(project?["start_date"] == .null)
        #expect(project?["department_ids"] == .null)
        // Sent as null, an empty value is not absent: the create default does not replace it.
        #expect(project?["active"] == .null)
        #expect(project?["name"] == "MuleTest Cloud 9 - 31")
    }

    // MARK: Item 2: clearFields

    @Test func clearFieldsSendsNullForTextFieldsAndCustomFields() throws {
        #expect(try Self.updateProject(["clearFields": .array(["publicNotes", "fax", "custom_field_456", "start_date"]), "city": "Carpinteria"])
            == #"{"city":"Carpinteria","start_date":null,"public_notes":null,"fax":null,"custom_field_456":null}"#)
        #expect(try Self.updateProject(["clearFields": "publicNotes, fax"]) == #"{"public_notes":null,"fax":null}"#)
        // An empty value beside a listed field that is not text is no value, so no conflict.
        #expect(try Self.updateProject(["clearFields": "officeId", "officeId": ""]) == #"{"office_id":null}"#)
        #expect(try Self.updateProject(["clearFields": .null, "city": "A"]) == #"{"city":"A"}"#)
    }

    @Test(arguments: [
        (Value.string("colour"), "Invalid value for parameter 'clearFields': 'colour' is not a field of update-project (expected a parameter name such as 'publicNotes', or a custom field key such as 'custom_field_456')"),
        (.string("name"), "Invalid value for parameter 'clearFields': 'name' cannot be cleared (every Procore project has a name)"),
        (.string("city"), "Invalid value for parameter 'clearFields': 'city' is listed and also has a value; a field is either set or cleared"),
        (.array([1]), "Invalid value for parameter 'clearFields': expected a list of field names (for example ['publicNotes', 'fax']) or one comma-separated text, got an Array"),
        (.bool(true), "Invalid value for parameter 'clearFields': expected a list of field names (for example ['publicNotes', 'fax']) or one comma-separated text, got true"),
        (.string("overrideStartDate"), "Invalid value for parameter 'clearFields': 'overrideStartDate' is not a field of update-project (expected a parameter name such as 'publicNotes', or a custom field key such as 'custom_field_456')"),
        (.string("custom_field_9"), "Invalid value for parameter 'clearFields': 'custom_field_9' is listed and also has a value in customFields; a field is either set or cleared"),
    ])
    func unusableClearFieldsAreBadRequests(clearFields: Value, message: String) throws {
        let error = try #require(Self.updateError(["clearFields": clearFields, "city": "Carpinteria",
                                                   "customFields": .object(ValueObject([("9", "x")]))]))
        #expect(error.type == .badRequest)
        #expect(error.description == message)
    }

    @Test func clearFieldsProblemsComeAfterTheFieldsProblems() {
        #expect(Self.updateError(["clearFields": "colour", "startDate": "2025-02-30"])?.description
            == "Invalid value for parameter 'startDate': '2025-02-30' is not a real calendar date (expected YYYY-MM-DD); "
            + "Invalid value for parameter 'clearFields': 'colour' is not a field of update-project (expected a parameter name such as 'publicNotes', or a custom field key such as 'custom_field_456')")
    }

    // MARK: Item 3: an update with nothing in it

    @Test func anUpdateWithEveryProjectParameterNullIsRefused() {
        for parameters: [String: Value] in [[:], ["city": .null, "name": .null, "customFields": .object(ValueObject([("9", .null)]))], ["clearFields": .array([])]] {
            let error = Self.updateError(parameters)
            #expect(error == ProcoreError(.badRequest, "nothing to update: every project parameter of update-project is null"))
        }
    }

    // MARK: Item 4: the manual's defaults, on create only

    @Test func createFillsInTheManualsDefaults() throws {
        let request = try ProjectRequestBuilder.create(["companyId": 1, "name": "A", "active": .null])
        #expect(request.bodyText == #"{"company_id":1,"project":{"name":"A","active":true,"country_code":"US","enable_copy_of_standard_cost_codes":false}}"#)
        let given = try ProjectRequestBuilder.create(["companyId": 1, "name": "A", "active": false, "countryCode": "ca",
                                                      "enableCopyOfStandardCostCodes": "true"])
        #expect(given.bodyText == #"{"company_id":1,"project":{"name":"A","active":false,"country_code":"CA","enable_copy_of_standard_cost_codes":true}}"#)
        let cleared = try ProjectRequestBuilder.create(["companyId": 1, "name": "A", "clearFields": "countryCode"])
        #expect(cleared.bodyText == #"{"company_id":1,"project":{"name":"A","active":true,"country_code":null,"enable_copy_of_standard_cost_codes":false}}"#)
    }

    @Test func updateNeverSendsADefault() throws {
        #expect(try Self.updateProject(["name": "Renamed", "active": .null, "countryCode": .null]) == #"{"name":"Renamed"}"#)
    }

    // MARK: Against the sandbox

    @Test func emptyValuesClearingAndDefaultsAgainstTheSandbox() async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client()
            try await sandbox.authorize(client)
            // An ERP row with empty cells creates the project; the defaults apply to what is absent.
            let created = try await client.createProject(["companyId": "562949953437078", "name": "ERP row", "officeId": "",
                                                          "startDate": "", "totalValue": " ", "sector": "", "publicNotes": "Gate 4"])
            #expect(created.statusCode == 201)
            let project = try created.payload.value
            #expect(project["active"] == true)
            #expect(project["country_code"] == "US")
            #expect(project["start_date"] == .null)
            #expect(project["total_value"] == .null)
            let id = try #require(project["id"])

            // "" clears a field that is not text, clearFields a text field.
            let set = try await client.updateProject(["companyId": "562949953437078", "projectId": id, "startDate": "2025-03-01",
                                                      "officeId": "562949953582263"])
            #expect(try set.payload.value["start_date"] == "2025-03-01")
            let cleared = try await client.updateProject(["companyId": "562949953437078", "projectId": id, "startDate": "",
                                                          "officeId": "", "clearFields": .array(["publicNotes"])])
            #expect(cleared.statusCode == 200)
            #expect(try cleared.payload.value["start_date"] == .null)
            // Procore shows the company's main office for a project without one.
            #expect(try cleared.payload.value["office_id"] == 562949953440611)
            #expect(try cleared.payload.value["public_notes"] == .null)
            // Update sends no default: the project stays as it was.
            #expect(try cleared.payload.value["active"] == true)

            // Nothing to update never reaches Procore.
            let before = await client.tokens.metrics.tokenRequests
            await #expect(throws: ProcoreError(.badRequest, "nothing to update: every project parameter of update-project is null")) {
                try await client.updateProject(["companyId": "562949953437078", "projectId": id, "name": .null])
            }
            #expect(await client.tokens.metrics.tokenRequests == before)
            await client.shutdown()
        }
    }
}
