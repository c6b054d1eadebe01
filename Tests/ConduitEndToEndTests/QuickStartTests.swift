import FlowCore
import Foundation
import Testing
import ConduitTestSupport
import NIOHTTP1

/// The README's quick start, as written: `conduit run --env dev` from the repository root, then
/// its curl lines, then Ctrl-C.
///
/// The curl lines this test performs (the README shows them with port 8081):
///
///     curl -s -L -b '' http://localhost:8081/authorize-procore
///     curl -s -X POST -H 'Content-Type: application/json' --data @examples/create-project.json http://localhost:8081/projects
///     curl -s -X PATCH -H 'Content-Type: application/json' -d '{"company_id":"562949953437078","name":"Renamed"}' http://localhost:8081/projects/562949955035825
///     curl -s -X POST -H 'Content-Type: application/json' --data @examples/update-project.json http://localhost:8081/projects/update
///     curl -s -X POST -H 'Content-Type: application/json' -d '{"company_id":"562949953437078","name":"Bad dates","start_date":"2025-02-30"}' http://localhost:8081/projects
@Suite(.serialized) struct QuickStartTests {
    @Test func readmeQuickStartCreatesAndUpdatesAProject() async throws {
        let state = try TemporaryDirectory()
        defer { state.remove() }
        let app = try await DevRun.start(stateIn: state.path)
        defer { app.process.kill() }
        #expect(app.readyLine.hasSuffix("listening on http://127.0.0.1:\(app.appPort)"))
        #expect(app.process.stdout.contains("Procore sandbox (bundled, auto-approve) at http://127.0.0.1:\(app.sandboxPort)\n"))

        // curl -s -L -b '' http://localhost:8081/authorize-procore
        let authorized = try await app.send(.GET, "/authorize-procore")
        #expect(authorized.status == 200)
        #expect(authorized.body.contains("<h1>Procore authorization complete</h1>"))
        let accessToken = try #require(try app.storedAccessToken())
        let refreshToken = try #require(try StoredTokens.refreshToken(in: app.tokenStorePath))
        let mode = try FileManager.default.attributesOfItem(atPath: app.tokenStorePath)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)

        // curl … --data @examples/create-project.json http://localhost:8081/projects
        let created = try await app.send(.POST, "/projects", json: try Repository.text("examples/create-project.json"))
        #expect(created.status == 201, "\(created.body)")
        // Procore's answer is passed on as it came, with Procore's Content-Type.
        #expect(created.header("Content-Type") == "application/json; charset=utf-8")
        let project = try created.json
        #expect(project["name"] == "MuleTest Cloud 9 - 31")
        #expect(project["company"]?["id"] == 562_949_953_437_078)
        #expect(project["office_id"] == 562_949_953_440_611)
        #expect(project["office"]?["name"] == "Anytown Head Office")
        #expect(project["parent_job_id"] == 562_949_955_019_589)
        #expect(project["program_id"] == 562_949_953_512_759)
        #expect(project["project_stage_id"] == 3)
        #expect(project["department_ids"] == [562_949_953_494_810, 562_949_953_495_650])
        #expect(project["total_value"] == "1000000.0")
        #expect(project["override_end_date_check"] == true)
        #expect(project["delivery_method"] == "construction_manager_as_agent_owners_rep")
        #expect(created.body.contains(#""office_id":562949953440611,"#))
        let createdID = try #require(project["id"]?.integer)
        let inSandbox = try await Reply.send(.GET, app.sandboxURL + "/_sandbox/projects").json
        #expect(inSandbox.arrayValue?.filter { $0["id"]?.integer == createdID }.count == 1)

        // curl -s -X PATCH … -d '{"company_id":"562949953437078","name":"Renamed"}' http://localhost:8081/projects/562949955035825
        let renamed = try await app.send(.PATCH, "/projects/562949955035825", json: #"{"company_id":"562949953437078","name":"Renamed"}"#)
        #expect(renamed.status == 200, "\(renamed.body)")
        #expect(try renamed.json["id"] == 562_949_955_035_825)
        #expect(try renamed.json["name"] == "Renamed")

        // curl … --data @examples/update-project.json http://localhost:8081/projects/update
        let updated = try await app.send(.POST, "/projects/update", json: try Repository.text("examples/update-project.json"))
        #expect(updated.status == 200, "\(updated.body)")
        let changed = try updated.json
        #expect(changed["id"] == 562_949_955_035_825)
        #expect(changed["name"] == "MuleTest9 - 17 Updated")
        #expect(changed["office_id"] == 562_949_953_582_263)
        #expect(changed["project_stage_id"] == 562_949_953_421_313)
        #expect(changed["department_ids"] == [562_949_953_495_657, 562_949_953_495_655])
        #expect(changed["standard_cost_code_list_id"] == 562_949_953_436_338)
        #expect(changed["total_value"] == "100001.0")
        #expect(changed["state_code"] == "AZ")
        #expect(changed["is_erp_integrated"] == true)

        // curl … -d '{"company_id":"562949953437078","start_date":"","clear_fields":["public_notes","fax"]}' http://localhost:8081/projects/562949955035825
        let cleared = try await app.send(.PATCH, "/projects/562949955035825",
                                         json: #"{"company_id":"562949953437078","start_date":"","clear_fields":["public_notes","fax"]}"#)
        #expect(cleared.status == 200, "\(cleared.body)")
        #expect(try cleared.json["start_date"] == .null)
        #expect(try cleared.json["public_notes"] == .null)
        #expect(try cleared.json["fax"] == .null)
        #expect(try cleared.json["name"] == "MuleTest9 - 17 Updated")
        let nothing = try await app.send(.PATCH, "/projects/562949955035825", json: #"{"company_id":"562949953437078","city":null}"#)
        #expect(nothing.status == 400)
        #expect(nothing.body == #"{"error":"PROCORE:BAD_REQUEST","message":"nothing to update: every project parameter of update-project is null"}"#)

        // A mistake gets a 400 that names the parameter.
        let badDate = try await app.send(.POST, "/projects", json: #"{"company_id":"562949953437078","name":"Bad dates","start_date":"2025-02-30"}"#)
        #expect(badDate.status == 400)
        #expect(badDate.header("Content-Type") == "application/json")
        #expect(badDate.body == #"{"error":"PROCORE:BAD_REQUEST","message":"Invalid value for parameter 'startDate': '2025-02-30' is not a real calendar date (expected YYYY-MM-DD)"}"#)
        let noCompany = try await app.send(.POST, "/projects", json: #"{"name":"No company"}"#)
        #expect(noCompany.status == 400)
        #expect(noCompany.body == #"{"error":"PROCORE:BAD_REQUEST","message":"Missing value for required parameter 'companyId'"}"#)
        let stillOne = try await Reply.send(.GET, app.sandboxURL + "/_sandbox/projects").json
        #expect(stillOne.arrayValue?.count == inSandbox.arrayValue?.count)

        // Ctrl-C stops the app (and its sandbox) cleanly.
        #expect(try await app.interrupt() == 0)
        let transcript = app.process.stdout + app.process.stderr
        for secret in [accessToken, refreshToken, "conduit-dev-secret"] {
            #expect(!transcript.contains(secret), "a secret reached the console output")
        }
    }
}
