import ConnectorSupport
import ProcoreConnector
import Testing

@Suite struct ProcoreConfigurationTests {
    static let callback = AuthorizationCodeSettings(listenerConfig: "HTTP_Listener_config", callbackPath: "/mule/callback",
                                                    authorizePath: "/authorize-procore",
                                                    externalCallbackUrl: "http://localhost:8081/mule/callback")

    @Test func defaultsArePublishedProduction() {
        let config = ProcoreConfiguration(name: "Procore_Config", consumerKey: "key", consumerSecret: "s3cr3t",
                                          grant: .authorizationCode(Self.callback))
        #expect(config.baseUrl == "https://api.procore.com")
        #expect(config.loginUrl == "https://login.procore.com")
        #expect(config.tokenUrl == "https://login.procore.com/oauth/token")
        #expect(config.authorizeUrl == "https://login.procore.com/oauth/authorize")
        #expect(config.revokeUrl == "https://login.procore.com/oauth/revoke")
        #expect(config.connectTimeout == .seconds(10))
        #expect(config.responseTimeout == .seconds(30))
        #expect(config.retry == RetryPolicy())
        #expect(config.tokenStorePath == ".conduit/tokens/Procore_Config.json")
        #expect(config.defaultResourceOwnerId == "default")
    }

    @Test func overridesAndTrailingSlashes() {
        var settings = Self.callback
        settings.accessTokenUrl = "http://127.0.0.1:9/token"
        settings.authorizationUrl = "http://127.0.0.1:9/authorize"
        settings.resourceOwnerId = "alice"
        let config = ProcoreConfiguration(name: "a b/c", baseUrl: "http://127.0.0.1:9/", loginUrl: "http://127.0.0.1:9//",
                                          consumerKey: "key", consumerSecret: "s3cr3t", grant: .authorizationCode(settings))
        #expect(config.baseUrl == "http://127.0.0.1:9")
        #expect(config.revokeUrl == "http://127.0.0.1:9/oauth/revoke")
        #expect(config.tokenUrl == "http://127.0.0.1:9/token")
        #expect(config.authorizeUrl == "http://127.0.0.1:9/authorize")
        #expect(config.defaultResourceOwnerId == "alice")
        #expect(config.tokenStorePath == ".conduit/tokens/a_b_c.json")
    }

    @Test func descriptionMasksTheSecret() {
        let config = ProcoreConfiguration(name: "P", consumerKey: "key", consumerSecret: "s3cr3t", grant: .clientCredentials(.init()))
        #expect(!"\(config)".contains("s3cr3t"))
        #expect("\(config)".contains("consumerSecret: ****"))
    }
}
