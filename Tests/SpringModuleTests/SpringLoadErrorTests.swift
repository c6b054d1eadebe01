import Testing

/// What `conduit validate` says about a Spring security setup that cannot work, each at the file,
/// line and column to fix, and never with a password in it.
@Suite struct SpringLoadErrorTests {
    static let listener = """
        <http:listener-config name="listener">
          <http:listener-connection host="127.0.0.1" port="0"/>
        </http:listener-config>
        """

    static func manager(files: String = "beans.xml", delegate: String = "authenticationManager") -> String {
        """
        <spring:config name="Spring_Config" files="\(files)" />
        <spring:security-manager>
          <spring:delegate-security-provider name="memory-provider" delegate-ref="\(delegate)" />
        </spring:security-manager>
        """
    }

    /// Beans holding one user whose `password` attribute is `password`.
    static func beans(password: String) -> [String: String] {
        ["beans.xml": SecuredApp.beansFile("""
          <ss:authentication-manager alias="authenticationManager">
            <ss:authentication-provider>
              <ss:user-service>
                <ss:user name="admin" password="\(password)" authorities="ROLE_ADMIN" />
              </ss:user-service>
            </ss:authentication-provider>
          </ss:authentication-manager>
        """)]
    }

    @Test("a beans file that is not there names every place looked in, and nothing that depends on it is reported again")
    func missingBeansFile() throws {
        let flow = """
            <flow name="f">
              <http:listener config-ref="listener" path="/"/>
              <http:basic-security-filter realm="mule" securityProviders="memory-provider"/>
            </flow>
            """
        let diagnostics = try SecuredApp.diagnostics(Self.manager(files: "beans.xml, classpath:security/missing.xml") + Self.listener + flow)
        #expect(diagnostics == [
            "src/main/mule/app.xml:3:44: error: Spring configuration file 'security/missing.xml' not found (looked in src/main/resources/security/missing.xml, src/main/mule/security/missing.xml, security/missing.xml).",
        ])
    }

    @Test("a user-service-ref that names no top-level user service")
    func unknownUserService() throws {
        let resources = ["beans.xml": SecuredApp.beansFile("""
          <ss:authentication-manager alias="authenticationManager">
            <ss:authentication-provider user-service-ref="staff" />
          </ss:authentication-manager>
        """)]
        let diagnostics = try SecuredApp.diagnostics(Self.manager(), resources: resources)
        #expect(diagnostics == [
            "src/main/resources/beans.xml:5:51: error: No bean named 'staff' available: user-service-ref must name a top-level <ss:user-service id> (declared: none).",
        ])
    }

    @Test("a delegate-ref that names no authentication manager")
    func unknownDelegate() throws {
        let diagnostics = try SecuredApp.diagnostics(Self.manager(delegate: "authManager"))
        #expect(diagnostics == [
            "src/main/mule/app.xml:5:75: error: No bean named 'authManager' available: delegate-ref must name an <ss:authentication-manager> (its id or alias) in the files of a <spring:config> (declared: 'authenticationManager').",
        ])
    }

    @Test("a password without an encoder id is refused at load, as Spring 5 refuses it at login, without showing it")
    func passwordWithoutEncoder() throws {
        let diagnostics = try SecuredApp.diagnostics(Self.manager(), resources: Self.beans(password: "plain-s3cret"))
        #expect(diagnostics == [
            #"src/main/resources/beans.xml:7:41: error: Password of user 'admin' has no encoder id, which Spring 5 refuses ("There is no PasswordEncoder mapped for the id \"null\""): write {noop} before a plain password, or {bcrypt} before a bcrypt hash."#,
        ])
    }

    @Test("an encoder Conduit does not have, and a {bcrypt} value that is no bcrypt hash")
    func unsupportedEncoders() throws {
        let sha = try SecuredApp.diagnostics(Self.manager(), resources: Self.beans(password: "{sha256}97cde38028ad898ebcd"))
        #expect(sha == [
            "src/main/resources/beans.xml:7:41: error: Password of user 'admin' uses encoder {sha256}, which Conduit does not support: use {noop} or {bcrypt}.",
        ])
        let notBcrypt = try SecuredApp.diagnostics(Self.manager(), resources: Self.beans(password: "{bcrypt}s3cret"))
        #expect(notBcrypt == [
            "src/main/resources/beans.xml:7:41: error: Password of user 'admin' is not a bcrypt hash: {bcrypt} must be followed by $2a$, $2b$ or $2y$, a cost from 04 to 31, '$' and 53 characters of bcrypt's Base64.",
        ])
    }

    @Test("a basic security filter without a security manager, or naming a provider that is not declared")
    func filterWithoutProviders() throws {
        let flow = """
            <flow name="f">
              <http:listener config-ref="listener" path="/"/>
              <http:basic-security-filter realm="mule" securityProviders="memory-provider, ldap-provider"/>
            </flow>
            """
        let unmanaged = try SecuredApp.diagnostics(Self.listener + flow)
        #expect(unmanaged == [
            "src/main/mule/app.xml:7:3: error: <http:basic-security-filter> needs a security manager to authenticate against: declare <spring:security-manager> with a <spring:delegate-security-provider>.",
        ])
        let unknown = try SecuredApp.diagnostics(Self.manager() + Self.listener + flow)
        #expect(unknown == [
            "src/main/mule/app.xml:10:63: error: There is no Security Provider registered called 'ldap-provider' (declared: 'memory-provider').",
        ])
    }

    @Test("other beans are not created, with one warning; an undefined placeholder stays as written, with a warning")
    func ignoredBeansAndPlaceholders() throws {
        let resources = ["beans.xml": SecuredApp.beansFile("""
          <bean id="audit" class="com.example.Audit"/>
          <bean id="clock" class="com.example.Clock"/>
          <ss:authentication-manager alias="authenticationManager">
            <ss:authentication-provider>
              <ss:user-service>
                <ss:user name="${missing.user}" password="{noop}${pass}" authorities="ROLE_ADMIN" />
              </ss:user-service>
            </ss:authentication-provider>
          </ss:authentication-manager>
        """)]
        let diagnostics = try SecuredApp.diagnostics(Self.manager(), resources: resources)
        #expect(diagnostics == [
            "src/main/resources/beans.xml:4:3: warning: Not created: <bean> in this file (Conduit runs no Java; of a beans file it reads <ss:authentication-manager> and <ss:user-service> only).",
            "src/main/resources/beans.xml:9:24: warning: Property 'missing.user' is not defined: '${missing.user}' stays as written, as Spring leaves a placeholder it cannot resolve.",
        ])
        #expect(!diagnostics.joined().contains("s3cret"))
    }
}
