import FlowCore
import FlowModel
import Testing

@Suite struct SampleAppTests {
    @Test(arguments: ["dev"])
    func sampleAppValidatesCleanly(env: String) throws {
        let result = AppLoader.load(LoadOptions(appDirectory: TestApp.repositoryRoot, environment: env,
                                                connectors: ProcoreConnectorFixture.declarations))
        #expect(result.diagnostics.map(\.description) == [])
        let app = try #require(result.app)
        #expect(app.flows.map(\.name) == ["create-project-flow", "update-project-flow", "update-project-from-body-flow", "health-flow"])
        let listener = app.connectorConfigs.first { $0.qualifiedName == "http:listener-config" }
        #expect(listener?.child("listener-connection")?.parameters["port"]?.text == "8081")
        #expect(app.connectorConfigs.first { $0.qualifiedName == "procore:config" }?.parameters["name"]?.text == "Procore_Config")
    }

    @Test func prodNamesEachMissingSecret() {
        let result = AppLoader.load(LoadOptions(appDirectory: TestApp.repositoryRoot, environment: "prod",
                                                connectors: ProcoreConnectorFixture.declarations))
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
            connectors: ProcoreConnectorFixture.declarations))
        #expect(result.diagnostics.map(\.description) == [])
    }
}
