import FlowCore
import Foundation
import ProcoreConnector
import Testing

/// How each field type turns whatever an expression yielded into the JSON Procore expects.
@Suite struct ProjectRequestBuilderCoercionTests {
    /// The project object built from `companyId` 1 plus `parameters` for an update of project 2.
    static func project(_ parameters: [String: Value]) throws -> Value? {
        var all = parameters
        all["companyId"] = 1
        all["projectId"] = 2
        return try ProjectRequestBuilder.update(all).body["project"]
    }

    @Test(arguments: [
        // (parameter, expression result, wire JSON of the field)
        ("totalValue", Value.string("1000000"), "1000000"),
        ("totalValue", .string("1000000.5"), "1000000.5"),
        ("totalValue", .string(" 12.25 "), "12.25"),
        ("totalValue", .int(100001), "100001"),
        ("totalValue", .decimal(Decimal(string: "0.1")!), "0.1"),
        ("totalValue", .string("123456789012345678901234.5"), "123456789012345678901234.5"),
        ("squareFeet", .string("1e3"), "1000"),
        ("officeId", .string("562949953582263"), "562949953582263"),
        ("officeId", .int(562949953582263), "562949953582263"),
        ("officeId", .decimal(Decimal(string: "562949953582263")!), "562949953582263"),
        ("departmentIds", .array(["562949953494810", 562949953495650]), "[562949953494810,562949953495650]"),
        ("departmentIds", .string("7"), "[7]"),
        ("departmentIds", .array([]), "[]"),
        ("active", .string("true"), "true"),
        ("active", .string("FALSE"), "false"),
        ("erpIntegrated", .bool(true), "true"),
        ("flag", .int(1), "\"1\""),
        ("zip", .decimal(Decimal(string: "12345.0")!), "\"12345\""),
        ("latitude", .string("37.7749"), "37.7749"),
        ("longitude", .string("-180"), "-180"),
        ("latitude", .int(90), "90"),
        ("countryCode", .string("us"), "\"US\""),
        ("stateCode", .string("ca"), "\"CA\""),
        ("stateCode", .string("NSW"), "\"NSW\""),
        ("timeZone", .string("US/Pacific"), "\"US/Pacific\""),
        ("timeZone", .string("America/Los_Angeles"), "\"America/Los_Angeles\""),
        ("timeZone", .string("UTC"), "\"UTC\""),
        ("startDate", .string("2024-02-29"), "\"2024-02-29\""),
        ("sector", .string("zoo_aquarium"), "\"zoo_aquarium\""),
        ("deliveryMethod", .string("other"), "\"other\""),
    ])
    func coercesToTheManualsTypes(parameter: String, value: Value, wire: String) throws {
        let field = try #require(ProjectField.update.first { $0.parameter == parameter })
        let project = try Self.project([parameter: value])
        let sent = try #require(project?[field.jsonField])
        #expect(JSON.encode(sent) == wire)
    }

    @Test func customFieldsBecomeCustomFieldKeysAfterTheRegularFields() throws {
        let project = try Self.project([
            "city": "Carpinteria",
            "customFields": .object(ValueObject([
                ("456", "value"), ("custom_field_789", .array([1, 2])), ("12", .null), ("13", .bool(true)),
            ])),
        ])
        #expect(JSON.encode(try #require(project)) == #"{"city":"Carpinteria","custom_field_456":"value","custom_field_789":[1,2],"custom_field_13":true}"#)
    }

    @Test func idsBeyondDoublePrecisionStayExact() throws {
        // 2^53 + 1 cannot be represented by a Double; it must survive unchanged.
        let project = try Self.project(["officeId": "9007199254740993", "departmentIds": .array(["9007199254740993"])])
        #expect(project?["office_id"] == .int(9007199254740993))
        #expect(project?["department_ids"] == .array([.int(9007199254740993)]))
    }

    @Test func companyIdMayBeANumberOrNumericString() throws {
        let fromNumber = try ProjectRequestBuilder.create(["companyId": 562949953437078, "name": "A"])
        let fromText = try ProjectRequestBuilder.create(["companyId": "562949953437078", "name": "A"])
        #expect(fromNumber == fromText)
        // The manual's create defaults fill in what the flow left out.
        #expect(fromText.bodyText == #"{"company_id":562949953437078,"project":{"name":"A","active":true,"country_code":"US","enable_copy_of_standard_cost_codes":false}}"#)
    }

    @Test func updateTakesThePathFromTheProjectId() throws {
        let request = try ProjectRequestBuilder.update(["companyId": 1, "projectId": "2", "city": "Carpinteria"])
        #expect(request.bodyText == #"{"company_id":1,"project":{"city":"Carpinteria"}}"#)
        #expect(request.path == "/rest/v1.0/projects/2")
    }
}
