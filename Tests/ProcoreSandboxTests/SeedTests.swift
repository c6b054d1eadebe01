import FlowCore
import Foundation
@testable import ProcoreSandbox
import Testing

/// The seed file: the built-in copy matches `sandbox/seed.json`, it holds every id the manual's
/// samples use, and mistakes in a user's seed are reported with their place.
@Suite struct SeedTests {
    static var seedFilePath: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("sandbox/seed.json").path
    }

    @Test func builtInSeedIsTheRepositoryFile() throws {
        let file = try String(contentsOfFile: Self.seedFilePath, encoding: .utf8)
        #expect(file == BuiltInSeed.json + "\n", "run sandbox/embed-seed.sh after editing sandbox/seed.json")
        let loaded = try SandboxSeed(contentsOfFile: Self.seedFilePath)
        #expect(loaded.companyIDs == SandboxSeed.builtIn.companyIDs)
        #expect(loaded.clientIDs == ["conduit-dev-client"])
    }

    @Test(arguments: [
        (ReferenceKind.office, [562_949_953_440_611, 562_949_953_582_263] as [Int64]),
        (.program, [562_949_953_512_759, 562_949_953_520_454]),
        (.projectType, [562_949_953_482_050, 562_949_953_482_049]),
        (.projectStage, [3, 562_949_953_421_313]),
        (.projectRegion, [562_949_953_468_817, 562_949_953_470_887]),
        (.projectBidType, [562_949_953_465_028, 562_949_953_465_027]),
        (.projectOwnerType, [562_949_953_439_322, 562_949_953_439_321]),
        (.department, [562_949_953_494_810, 562_949_953_495_650, 562_949_953_495_657, 562_949_953_495_655]),
        (.parentJob, [562_949_955_019_589]),
        (.standardCostCodeList, [562_949_953_436_338]),
    ])
    func seedHoldsTheManualsReferenceIDs(kind: ReferenceKind, ids: [Int64]) throws {
        let company = try #require(SandboxSeed.builtIn.company(562_949_953_437_078))
        for id in ids {
            #expect(company.reference(kind, id) != nil, "\(kind.noun) \(id)")
        }
    }

    @Test func seedAppMatchesTheDevProperties() throws {
        let app = try #require(SandboxSeed.builtIn.app(clientID: "conduit-dev-client"))
        #expect(app.clientSecret == "conduit-dev-secret")
        #expect(app.redirectURIs.contains("http://localhost:8081/mule/callback"))
        #expect(app.connectedCompanyIDs == [562_949_953_437_078])
    }

    @Test(arguments: [
        ("{", "seed: "),
        (#"{"companies": [{"name": "No id"}]}"#, "seed.companies[0]: 'id' is missing"),
        (#"{"companies": [{"id": 1, "name": "A", "offices": [{"id": "x", "name": "O"}]}]}"#,
         "seed.companies[0].offices[0]: 'id' must be an integer, found String"),
        (#"{"companies": [{"id": 1, "name": "A", "main_office_id": 9}]}"#,
         "seed.companies[0]: main_office_id 9 is not one of the company's offices"),
        (#"{"companies": [{"id": 1, "name": "A", "custom_field_definitions": [{"id": 2, "label": "L", "data_type": "date"}]}]}"#,
         "seed.companies[0].custom_field_definitions[0]: unknown data_type 'date' (known: string, decimal, boolean, lov_entry, lov_entries)"),
        (#"{"users": [], "apps": [{"name": "A", "client_id": "c", "client_secret": "s", "resource_owner_id": 1}]}"#,
         "seed.apps[0]: user 1 is not in 'users'"),
    ])
    func seedMistakesNameTheirPlace(json: String, message: String) {
        #expect {
            _ = try SandboxSeed(json: json)
        } throws: { error in
            (error as? SandboxError)?.message.hasPrefix(message) == true
        }
    }

    @Test func seedProjectsAreValidatedLikeRequests() async throws {
        let json = #"""
            {"users": [{"id": 1, "login": "u", "name": "U"}],
             "apps": [{"name": "A", "client_id": "c", "client_secret": "s", "resource_owner_id": 1, "connected_company_ids": [7]}],
             "companies": [{"id": 7, "name": "Seven", "projects": [{"id": 70, "name": "P", "sector": "moon_base"}]}]}
            """#
        let seed = try SandboxSeed(json: json)
        let server = SandboxServer(configuration: SandboxConfiguration(seed: seed))
        await #expect {
            _ = try await server.start()
        } throws: { error in
            (error as? SandboxError)?.message == "seed.companies[0].projects[0]: sector is not included in the list"
        }
    }
}
