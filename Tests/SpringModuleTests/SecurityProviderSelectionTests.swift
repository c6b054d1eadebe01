import ConduitTestSupport
import Testing

/// Several providers: a filter asks the ones its `securityProviders` names (all by default);
/// users come from inline or referenced user services; disabled and locked users never get in.
@Suite struct SecurityProviderSelectionTests {
    static let beans = SecuredApp.beansFile("""
          <ss:user-service id="opsUsers">
            <ss:user name="oncall" password="{noop}pager" authorities="ROLE_OPS" />
            <ss:user name="former" password="{noop}pager" authorities="ROLE_OPS" disabled="true" />
            <ss:user name="suspended" password="{noop}pager" authorities="ROLE_OPS" locked="true" />
          </ss:user-service>
          <ss:authentication-manager id="opsManager">
            <ss:authentication-provider user-service-ref="opsUsers" />
          </ss:authentication-manager>
          <ss:authentication-manager alias="authenticationManager">
            <ss:authentication-provider>
              <ss:user-service>
                <ss:user name="admin" password="{noop}${pass}" authorities="ROLE_ADMIN" />
              </ss:user-service>
            </ss:authentication-provider>
          </ss:authentication-manager>
        """)

    static let app = """
        <spring:config name="Spring_Config" files="classpath:beans.xml" />
        <spring:security-manager>
          <spring:delegate-security-provider name="memory-provider" delegate-ref="authenticationManager" />
          <spring:delegate-security-provider name="ops-provider" delegate-ref="opsManager" />
        </spring:security-manager>
        <http:listener-config name="listener">
          <http:listener-connection host="127.0.0.1" port="0"/>
        </http:listener-config>
        <flow name="any">
          <http:listener config-ref="listener" path="/any"/>
          <http:basic-security-filter realm="mule"/>
          <set-payload value="#[authentication.principal]"/>
        </flow>
        <flow name="ops">
          <http:listener config-ref="listener" path="/ops"/>
          <http:basic-security-filter realm="ops">
            <http:security-providers>
              <http:security-provider value="ops-provider"/>
            </http:security-providers>
          </http:basic-security-filter>
          <set-payload value="#[authentication.principal]"/>
        </flow>
        """

    @Test("without securityProviders every provider is asked; with it only those named")
    func selection() async throws {
        try await SecuredApp.serve(Self.app, resources: ["beans.xml": Self.beans]) { app in
            #expect(try await app.get("/any", headers: [SecuredApp.basic("admin", "s3cret")]).body == "admin")
            #expect(try await app.get("/any", headers: [SecuredApp.basic("oncall", "pager")]).body == "oncall")
            #expect(try await app.get("/ops", headers: [SecuredApp.basic("oncall", "pager")]).body == "oncall")
            let outsider = try await app.get("/ops", headers: [SecuredApp.basic("admin", "s3cret")])
            #expect(outsider.status == 401)
            #expect(outsider.header("WWW-Authenticate") == #"Basic realm="ops", charset="UTF-8""#)
            #expect(outsider.body == "Authentication failed for principal admin")
        }
    }

    @Test("disabled and locked users are refused even with their password", arguments: ["former", "suspended"])
    func unusableUsers(user: String) async throws {
        try await SecuredApp.serve(Self.app, resources: ["beans.xml": Self.beans]) { app in
            let reply = try await app.get("/any", headers: [SecuredApp.basic(user, "pager")])
            #expect(reply.status == 401)
            #expect(reply.body == "Authentication failed for principal \(user)")
        }
    }
}
