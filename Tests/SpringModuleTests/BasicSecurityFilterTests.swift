import ConduitTestSupport
import Foundation
import Testing

/// `http:basic-security-filter` and `spring:authorization-filter` in front of real flows, over
/// loopback: Mule's error types, descriptions, statuses and challenge, the authenticated user in
/// expressions, and no password or `Authorization` header in any log line.
@Suite struct BasicSecurityFilterTests {
    static let app = SecuredApp.securityManager + """
        <flow name="secured">
          <http:listener config-ref="listener" path="/secured"/>
          <http:basic-security-filter realm="mule"/>
          <spring:authorization-filter requiredAuthorities="ROLE_ADMIN"/>
          <set-payload value="#['hello ' ++ authentication.principal ++ ' of ' ++ authentication.properties.team ++ ', credentials ' ++ (authentication.credentials default 'hidden')]"/>
        </flow>
        <flow name="mapped">
          <http:listener config-ref="listener" path="/mapped">
            <http:error-response statusCode="#[if (error.errorType.identifier == 'NOT_PERMITTED') 403 else (error.errorMessage.attributes.statusCode default 500)]"/>
          </http:listener>
          <http:basic-security-filter realm="Protected &quot;area&quot;"/>
          <spring:authorization-filter requiredAuthorities="ROLE_OPS, ROLE_ADMIN"/>
          <set-payload value="#['in']"/>
        </flow>
        <flow name="caught">
          <http:listener config-ref="listener" path="/caught"/>
          <http:basic-security-filter realm="mule"/>
          <set-payload value="#['welcome ' ++ authentication.principal]"/>
          <error-handler>
            <on-error-continue type="HTTP:BASIC_AUTHENTICATION">
              <set-payload value="#['anonymous: ' ++ error.description]"/>
            </on-error-continue>
          </error-handler>
        </flow>
        <flow name="open">
          <http:listener config-ref="listener" path="/open"/>
          <set-payload value="#[if (authentication == null) 'nobody' else authentication.principal]"/>
        </flow>
        <flow name="unfiltered">
          <http:listener config-ref="listener" path="/unfiltered"/>
          <spring:authorization-filter requiredAuthorities="ROLE_ADMIN"/>
        </flow>
        """

    static let noCredentials = "Registered authentication is set to HTTP basic authentication but there was no security context on the session. Authentication denied on connector HTTP listener"

    @Test("no Authorization header: 401 with Mule's challenge and description")
    func noCredentials() async throws {
        try await SecuredApp.serve(Self.app) { app in
            let reply = try await app.get("/secured")
            #expect(reply.status == 401)
            #expect(reply.header("WWW-Authenticate") == #"Basic realm="mule", charset="UTF-8""#)
            #expect(reply.body == Self.noCredentials)
            let logged = app.logs.records.map(\.message).joined(separator: "\n")
            #expect(logged.contains("HTTP:BASIC_AUTHENTICATION"))
        }
    }

    @Test("a wrong password or an unknown user: 401 naming the principal, never the password or header")
    func wrongCredentials() async throws {
        try await SecuredApp.serve(Self.app) { app in
            for (user, password) in [("admin", "wrong-pass"), ("nobody", "wrong-pass"), ("hashed", "wrong-pass")] {
                let header = SecuredApp.basic(user, password)
                let reply = try await app.get("/secured", headers: [header])
                #expect(reply.status == 401)
                #expect(reply.header("WWW-Authenticate") == #"Basic realm="mule", charset="UTF-8""#)
                #expect(reply.body == "Authentication failed for principal \(user)")
                let logged = app.logs.records.map { "\($0.message) \($0.metadata)" }.joined(separator: "\n")
                #expect(!logged.contains("wrong-pass"))
                #expect(!logged.contains(header.1.dropFirst(6)))
            }
        }
    }

    @Test("the right password: 200, the principal and the provider's properties readable, no credentials")
    func rightCredentials() async throws {
        try await SecuredApp.serve(Self.app) { app in
            let reply = try await app.get("/secured", headers: [SecuredApp.basic("admin", "s3cret")])
            #expect(reply.status == 200)
            #expect(reply.body == "hello admin of ops, credentials hidden")
        }
    }

    @Test("a {bcrypt} user authenticates with the password its hash was made from")
    func bcryptUser() async throws {
        try await SecuredApp.serve(Self.app) { app in
            let reply = try await app.get("/secured", headers: [SecuredApp.basic("hashed", "abc")])
            #expect(reply.status == 200)
            #expect(reply.body == "hello hashed of ops, credentials hidden")
        }
    }

    @Test("a user without a required authority: MULE:NOT_PERMITTED, 500 as in Mule, 403 where the error response maps it")
    func missingAuthority() async throws {
        try await SecuredApp.serve(Self.app) { app in
            let viewer = SecuredApp.basic("viewer", "look")
            let reply = try await app.get("/secured", headers: [viewer])
            #expect(reply.status == 500)
            #expect(reply.body == #"Could not find required GrantedAuthority for principal "viewer". Access denied"#)
            #expect(reply.header("WWW-Authenticate") == nil)
            let logged = app.logs.messages(in: "org.mule.extension.spring.internal.security.AuthorizationFilter")
            #expect(logged == ["Could not find required authorities for viewer. Required authorities: [ROLE_ADMIN]. Authorities found: [ROLE_VIEWER, ROLE_GUEST]."])

            let mapped = try await app.get("/mapped", headers: [viewer])
            #expect(mapped.status == 403)
            #expect(mapped.body == #"Could not find required GrantedAuthority for principal "viewer". Access denied"#)
            let admitted = try await app.get("/mapped", headers: [SecuredApp.basic("admin", "s3cret")])
            #expect(admitted.status == 200)
            #expect(admitted.body == "in")
            let challenged = try await app.get("/mapped")
            #expect(challenged.status == 401)
            #expect(challenged.header("WWW-Authenticate") == #"Basic realm="Protected \"area\"", charset="UTF-8""#)
        }
    }

    @Test("an on-error-continue for HTTP:BASIC_AUTHENTICATION turns the refusal into a 200")
    func caughtRefusal() async throws {
        try await SecuredApp.serve(Self.app) { app in
            let anonymous = try await app.get("/caught")
            #expect(anonymous.status == 200)
            #expect(anonymous.body == "anonymous: " + Self.noCredentials)
            #expect(anonymous.header("WWW-Authenticate") == nil)
            let known = try await app.get("/caught", headers: [SecuredApp.basic("viewer", "look")])
            #expect(known.body == "welcome viewer")
        }
    }

    @Test("a header that does not decode, or another scheme: 401 without echoing it")
    func malformedHeaders() async throws {
        try await SecuredApp.serve(Self.app) { app in
            let undecodable = try await app.get("/secured", headers: [("Authorization", "Basic !!not-base64!!")])
            #expect(undecodable.status == 401)
            #expect(undecodable.body == "Could not decode authorization header.")
            let bearer = try await app.get("/secured", headers: [("Authorization", "Bearer tok3n-value")])
            #expect(bearer.status == 401)
            #expect(bearer.header("WWW-Authenticate") == #"Basic realm="mule", charset="UTF-8""#)
            #expect(bearer.body == "Http Basic filter doesn't know how to handle the Authorization header: it does not start with 'Basic ' (the header is never shown)")
            let noColon = try await app.get("/secured", headers: [("Authorization", "Basic " + Data("admin".utf8).base64EncodedString())])
            #expect(noColon.body == "Authentication failed for principal ")
            let logged = app.logs.records.map(\.message).joined(separator: "\n")
            #expect(!logged.contains("tok3n-value"))
        }
    }

    @Test("without a filter the event has no authentication, whatever the request sends")
    func noFilterNoAuthentication() async throws {
        try await SecuredApp.serve(Self.app) { app in
            let reply = try await app.get("/open", headers: [SecuredApp.basic("admin", "s3cret")])
            #expect(reply.body == "nobody")
        }
    }

    @Test("an authorization filter with no authentication before it: MULE:SERVER_SECURITY")
    func authorizationWithoutAuthentication() async throws {
        try await SecuredApp.serve(Self.app) { app in
            let reply = try await app.get("/unfiltered")
            #expect(reply.status == 500)
            #expect(reply.body == "No credentials set")
        }
    }
}
