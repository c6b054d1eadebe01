import FlowCore
import Foundation
import ProcoreConnector
import Testing

/// Validation before any call: every problem, with the parameter and the reason, as `PROCORE:BAD_REQUEST`.
@Suite struct ProjectRequestBuilderValidationTests {
    static func updateError(_ parameters: [String: Value]) -> ProcoreError? {
        var all = parameters
        if all["companyId"] == nil { all["companyId"] = 1 }
        if all["projectId"] == nil { all["projectId"] = 2 }
        do {
            _ = try ProjectRequestBuilder.update(all)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: [
        ("startDate", Value.string("2025-02-30"), "Invalid value for parameter 'startDate': '2025-02-30' is not a real calendar date (expected YYYY-MM-DD)"),
        ("completionDate", .string("2023-02-29"), "Invalid value for parameter 'completionDate': '2023-02-29' is not a real calendar date (expected YYYY-MM-DD)"),
        ("warrantyEndDate", .string("2025-13-01"), "Invalid value for parameter 'warrantyEndDate': '2025-13-01' is not a real calendar date (expected YYYY-MM-DD)"),
        ("warrantyStartDate", .string("2025/01/01"), "Invalid value for parameter 'warrantyStartDate': '2025/01/01' is not a date (expected YYYY-MM-DD)"),
        ("estimatedStartDate", .string("2025-1-1"), "Invalid value for parameter 'estimatedStartDate': '2025-1-1' is not a date (expected YYYY-MM-DD)"),
        ("estimatedCompletionDate", .int(20250101), "Invalid value for parameter 'estimatedCompletionDate': expected a date written YYYY-MM-DD, got 20250101"),
        ("countryCode", .string("USA"), "Invalid value for parameter 'countryCode': 'USA' is not an ISO-3166 alpha-2 country code (for example 'US')"),
        ("countryCode", .string("XX"), "Invalid value for parameter 'countryCode': 'XX' is not an ISO-3166 alpha-2 country code (for example 'US')"),
        ("stateCode", .string("California"), "Invalid value for parameter 'stateCode': 'California' is not a state code (expected 1 to 3 letters or digits, for example 'CA')"),
        ("stateCode", .string("C-A"), "Invalid value for parameter 'stateCode': 'C-A' is not a state code (expected 1 to 3 letters or digits, for example 'CA')"),
        ("latitude", .string("95"), "Invalid value for parameter 'latitude': '95' is out of range (expected a number from -90 to 90)"),
        ("latitude", .decimal(Decimal(string: "-90.0001")!), "Invalid value for parameter 'latitude': -90.0001 is out of range (expected a number from -90 to 90)"),
        ("longitude", .int(181), "Invalid value for parameter 'longitude': 181 is out of range (expected a number from -180 to 180)"),
        ("longitude", .string("west"), "Invalid value for parameter 'longitude': 'west' is not a number"),
        ("timeZone", .string("Mars/Olympus_Mons"), "Invalid value for parameter 'timeZone': 'Mars/Olympus_Mons' is not an IANA time zone (for example 'America/Los_Angeles')"),
        ("timeZone", .string("PST"), "Invalid value for parameter 'timeZone': 'PST' is not an IANA time zone (for example 'America/Los_Angeles')"),
        ("timeZone", .string("GMT+5"), "Invalid value for parameter 'timeZone': 'GMT+5' is not an IANA time zone (for example 'America/Los_Angeles')"),
        ("sector", .string("Assembly"), "Invalid value for parameter 'sector': 'Assembly' is not a valid sector (did you mean 'assembly'?)"),
        ("sector", .string("spaceport"), "Invalid value for parameter 'sector': 'spaceport' is not a valid sector (expected one of Procore's 163 sector values, for example 'agriculture')"),
        ("workScope", .string("New Construction"), "Invalid value for parameter 'workScope': 'New Construction' is not a valid work_scope (did you mean 'new_construction'?)"),
        ("workScope", .string("demolition"), "Invalid value for parameter 'workScope': 'demolition' is not a valid work_scope (expected one of new_construction, renovation_alteration, maintenance_service)"),
        ("deliveryMethod", .string("Design-Build"), "Invalid value for parameter 'deliveryMethod': 'Design-Build' is not a valid delivery_method (expected one of construction_management_at_risk_cmar, construction_manager_as_agent_owners_rep, design_bid_build_dbb, design_build_db, indefinite_delivery_indefinite_quantity_idiq, integrated_project_delivery, multi_prime, public_private_partnership_p3, other)"),
        ("officeId", .string("abc"), "Invalid value for parameter 'officeId': 'abc' is not a Procore id (expected a positive whole number)"),
        ("officeId", .int(0), "Invalid value for parameter 'officeId': 0 is not a Procore id (expected a positive whole number)"),
        ("officeId", .string("-5"), "Invalid value for parameter 'officeId': '-5' is not a Procore id (expected a positive whole number)"),
        ("officeId", .decimal(Decimal(string: "12.5")!), "Invalid value for parameter 'officeId': 12.5 is not a Procore id (expected a positive whole number)"),
        ("officeId", .string("99999999999999999999"), "Invalid value for parameter 'officeId': '99999999999999999999' is not a Procore id (expected a positive whole number)"),
        ("departmentIds", .array([1, "x"]), "Invalid value for parameter 'departmentIds': element 2: 'x' is not a Procore id (expected a positive whole number)"),
        ("departmentIds", .object(ValueObject()), "Invalid value for parameter 'departmentIds': expected a list of Procore ids, got an Object"),
        ("active", .string("yes"), "Invalid value for parameter 'active': 'yes' is not a boolean (expected true or false)"),
        ("erpIntegrated", .int(1), "Invalid value for parameter 'erpIntegrated': 1 is not a boolean (expected true or false)"),
        ("totalValue", .string("1,000,000"), "Invalid value for parameter 'totalValue': '1,000,000' is not a number"),
        ("squareFeet", .string("12abc"), "Invalid value for parameter 'squareFeet': '12abc' is not a number"),
        ("estimatedValue", .string("NaN"), "Invalid value for parameter 'estimatedValue': 'NaN' is not a number"),
        ("totalValue", .bool(true), "Invalid value for parameter 'totalValue': expected a number, got true"),
        ("city", .array(["a"]), "Invalid value for parameter 'city': expected text, got an Array"),
        ("customFields", .string("x"), "Invalid value for parameter 'customFields': expected an object of custom field id to value, got 'x'"),
        ("customFields", .object(ValueObject([("colour", "red")])), "Invalid value for parameter 'customFields': key 'colour' is not a custom field id (expected digits, for example '456')"),
        ("projectId", .string("P-1"), "Invalid value for parameter 'projectId': 'P-1' is not a Procore id (expected a positive whole number)"),
        ("companyId", .string(""), "Missing value for required parameter 'companyId'"),
        ("projectId", .string("  "), "Missing value for required parameter 'projectId'"),
    ])
    func rejectsWithTheParameterAndReason(parameter: String, value: Value, message: String) throws {
        // A city too, so that the update is not refused as empty first.
        var parameters: [String: Value] = ["city": "Carpinteria"]
        parameters[parameter] = value
        let error = try #require(Self.updateError(parameters))
        #expect(error.type == .badRequest)
        #expect(error.type.description == "PROCORE:BAD_REQUEST")
        #expect(error.description == message)
        #expect(error.errorMessage == nil)
    }

    @Test func requiredParametersAreNamed() {
        #expect(throws: ProcoreError(.badRequest, "Missing value for required parameter 'companyId'; Missing value for required parameter 'name'")) {
            try ProjectRequestBuilder.create([:])
        }
        #expect(throws: ProcoreError(.badRequest, "Missing value for required parameter 'companyId'; Missing value for required parameter 'projectId'")) {
            try ProjectRequestBuilder.update(["name": "x"])
        }
        #expect(throws: ProcoreError(.badRequest, "Missing value for required parameter 'name'")) {
            try ProjectRequestBuilder.create(["companyId": 1, "name": .null])
        }
        #expect(throws: ProcoreError(.badRequest, "Invalid value for parameter 'name': must not be empty")) {
            try ProjectRequestBuilder.create(["companyId": 1, "name": "  "])
        }
    }

    @Test func everyProblemIsReportedInParameterOrder() {
        #expect(throws: ProcoreError(.badRequest, "Missing value for required parameter 'companyId'; "
            + "Invalid value for parameter 'latitude': '91' is out of range (expected a number from -90 to 90); "
            + "Invalid value for parameter 'startDate': '2025-02-30' is not a real calendar date (expected YYYY-MM-DD); "
            + "Invalid value for parameter 'sector': 'Hotel' is not a valid sector (did you mean 'hotel'?)")) {
            // Dictionary order is random; the message follows the manual's parameter order.
            try ProjectRequestBuilder.create(["sector": "Hotel", "startDate": "2025-02-30", "name": "A", "latitude": "91"])
        }
    }

    @Test func updateAcceptsNoName() throws {
        #expect(throws: Never.self) { try ProjectRequestBuilder.update(["companyId": 1, "projectId": 2, "city": "Carpinteria"]) }
    }
}
