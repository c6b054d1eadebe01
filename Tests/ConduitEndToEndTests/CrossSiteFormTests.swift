import FlowCore
import Foundation
import NIOHTTP1
import Testing

/// The security review's M2 reproduction against the sample app: an HTML form on another site
/// posting to `POST /projects` and `POST /projects/update` creates and renames nothing.
@Suite(.serialized) struct CrossSiteFormTests {
    static let forged = [("Origin", "http://evil.example")]

    @Test func crossSiteFormsChangeNothing() async throws {
        try await InProcessApp.serve { app in
            try await app.authorize()
            let create = try await Reply.send(.POST, app.appURL + "/projects", form: "company_id=562949953437078&name=Created+by+cross-site+form",
                                              headers: Self.forged)
            #expect(create.status == 403)
            #expect(try create.json["message"] == "Cross-site POST refused: the request's Origin is not this listener's own and is not in its allowedOrigins.")
            let rename = try await Reply.send(.POST, app.appURL + "/projects/update",
                                              form: "company_id=562949953437078&project_id=562949955035825&name=Renamed+by+CSRF", headers: Self.forged)
            #expect(rename.status == 403)
            #expect(try await app.projects(named: "Created by cross-site form").isEmpty)
            #expect(try await app.projects(named: "Renamed by CSRF").isEmpty)
            // Without decodeFormBody the same form sent by a non-browser client is not an object either.
            let plain = try await Reply.send(.POST, app.appURL + "/projects", form: "company_id=562949953437078&name=Form")
            #expect(plain.status == 400)
            #expect(try await app.projects(named: "Form").isEmpty)
        }
    }
}
