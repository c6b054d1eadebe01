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

    /// The sample's update sub-flow maps every parameter `update-project` has (issue 20, item 11),
    /// and the create flow every parameter of `create-project` but `clearFields`, which a create
    /// has no use for.
    @Test func sampleOperationsMapEveryParameter() throws {
        let app = try #require(AppLoader.load(LoadOptions(appDirectory: TestApp.repositoryRoot, environment: "dev",
                                                          connectors: ProcoreConnectorFixture.declarations)).app)
        let processors = app.flows.flatMap(\.processors) + app.subFlows.flatMap(\.processors)
        let operations: [ComponentDefinition] = processors.compactMap {
            if case .operation(let component) = $0.kind { return component }
            return nil
        }
        let engineParameters: Set<String> = ["config-ref", "target", "targetValue"]
        for (name, leftOut) in [("update-project", Set<String>()), ("create-project", Set(["clearFields"]))] {
            let declared = try #require(ProcoreConnectorFixture.declaration.elements.first { $0.name == name })
            let expected = Set(declared.parameters.map(\.name)).subtracting(engineParameters).subtracting(leftOut)
            let operation = try #require(operations.first { $0.name == name })
            #expect(Set(operation.parameters.keys).subtracting(engineParameters) == expected, "\(name)")
        }
    }
}
