import FlowCore
import FlowModel
import Testing

@Suite struct SampleAppTests {
    @Test(arguments: ["dev"])
    func sampleAppValidatesCleanly(env: String) throws {
        let result = AppLoader.load(LoadOptions(appDirectory: TestApp.repositoryRoot, environment: env,
                                                connectors: [ProcoreConnectorFixture.declaration]))
        #expect(result.diagnostics.map(\.description) == [])
        let app = try #require(result.app)
        #expect(app.flows.map(\.name) == ["create-project-flow", "update-project-flow", "update-project-from-body-flow", "health-flow"])
        #expect(app.listenerConfigs.first?.port == 8081)
        #expect(app.connectorConfigs.first?.parameters["name"]?.text == "Procore_Config")
    }

    @Test func prodNamesEachMissingSecret() {
        let result = AppLoader.load(LoadOptions(appDirectory: TestApp.repositoryRoot, environment: "prod",
                                                connectors: [ProcoreConnectorFixture.declaration]))
        let messages = result.diagnostics.map(\.message)
        #expect(messages == [
            "Couldn't find configuration property value for key ${procore.config.oauth.consumer_key}",
            "Couldn't find configuration property value for key ${procore.config.oauth.consumer_secret}",
        ])
    }

    @Test func prodValidatesWithSecretsFromTheEnvironment() {
        let result = AppLoader.load(LoadOptions(
            appDirectory: TestApp.repositoryRoot, environment: "prod",
            environmentVariables: ["PROCORE_CONFIG_OAUTH_CONSUMER_KEY": "key", "PROCORE_CONFIG_OAUTH_CONSUMER_SECRET": "s3cret"],
            connectors: [ProcoreConnectorFixture.declaration]))
        #expect(result.diagnostics.map(\.description) == [])
    }
}
