import FlowCore
import FlowModel
import FlowProperties
import Testing

@Suite struct PropertyLoadingTests {
    static let flow = TestApp.wrap("""
    <global-property name="greeting" value="from-global"/>
    <configuration-properties file="config/${env}.yaml"/>
    <flow name="f"><logger message="${greeting}"/></flow>
    """)

    func loggedText(_ app: TestApp, env: String? = "dev", defines: [(String, String)] = [], environment: [String: String] = [:]) -> String? {
        let result = app.load(env: env, defines: defines, environment: environment)
        guard case .logger(let message, _, _)? = result.app?.flows.first?.processors.first?.kind else { return nil }
        return message?.text
    }

    @Test func precedenceIsCommandLineThenEnvironmentThenFilesThenGlobal() throws {
        let app = try TestApp([
            "flows/app.xml": Self.flow,
            "properties/dev.properties": "greeting=from-env-file\n",
            "config/dev.yaml": "greeting: \"from-yaml\"\nother: \"x\"\n",
        ])
        #expect(loggedText(app, defines: [("greeting", "from-D")], environment: ["GREETING": "from-env-var"]) == "from-D")
        #expect(loggedText(app, environment: ["GREETING": "from-env-var"]) == "from-env-var")
        #expect(loggedText(app) == "from-env-file")
        let yamlOnly = try TestApp(["flows/app.xml": Self.flow, "config/dev.yaml": "greeting: \"from-yaml\"\n"])
        #expect(loggedText(yamlOnly) == "from-yaml")
        let globalOnly = try TestApp(["flows/app.xml": Self.flow, "config/dev.yaml": "unrelated: \"x\"\n"])
        #expect(loggedText(globalOnly) == "from-global")
    }

    @Test func missingConfigurationFileIsReportedAtTheAttribute() throws {
        let app = try TestApp(["flows/app.xml": Self.flow])
        #expect(app.messages(env: "qa").contains(
            "flows/app.xml:3:33: error: Couldn't find configuration properties file config/qa.yaml neither on classpath or in file system"))
    }

    @Test func importsAreLoadedRelativeToTheAppDirectory() throws {
        let app = try TestApp([
            "flows/main.xml": TestApp.wrap(#"<import file="shared/common.xml"/><flow name="main"><flow-ref name="shared"/></flow>"#),
            "shared/common.xml": TestApp.wrap(#"<sub-flow name="shared"><logger message="hi"/></sub-flow>"#),
        ])
        let result = app.load()
        #expect(result.diagnostics.isEmpty)
        #expect(result.app?.files == ["flows/main.xml", "shared/common.xml"])
        #expect(result.app?.subFlows.map(\.name) == ["shared"])
    }

    @Test func securePropertiesDecryptAndNeverLeakOnAWrongKey() throws {
        let key = "0123456789abcdef"
        let encrypted = try SecurePropertyCipher(key: key).encrypt("hunter2-secret")
        let files = [
            "flows/app.xml": TestApp.wrap("""
            <secure-properties:config xmlns:secure-properties="http://www.mulesoft.org/schema/mule/secure-properties" name="secure" key="${secure.key}" file="secure.properties">
            <secure-properties:encrypt algorithm="AES" mode="CBC"/></secure-properties:config>
            <flow name="f"><logger message="${secure::db.password}"/></flow>
            """),
            "secure.properties": "db.password=![\(encrypted)]\n",
        ]
        let app = try TestApp(files)
        let result = app.load(defines: [("secure.key", key)])
        #expect(result.diagnostics.isEmpty)
        guard case .logger(let message, _, _)? = result.app?.flows.first?.processors.first?.kind else {
            Issue.record("no logger")
            return
        }
        #expect(message?.text == "hunter2-secret")
        #expect(message?.isSecret == true)

        let wrong = app.messages(defines: [("secure.key", "fedcba9876543210")])
        #expect(wrong.first == "secure.properties:1:13: error: Could not decrypt secure property 'db.password': wrong key or corrupted value")
        #expect(!wrong.joined().contains("hunter2"))
    }

    @Test func expressionSyntaxErrorsPointIntoTheAttribute() throws {
        let app = try TestApp(["flows/app.xml": TestApp.wrap(##"<flow name="f"><set-payload value="#[payload.name ++ )]"/></flow>"##)])
        #expect(app.messages() == ["flows/app.xml:2:54: error: Invalid expression: unexpected ')'"])
    }

    @Test func doctypeIsRefusedThroughTheLoader() throws {
        let app = try TestApp(["flows/app.xml": "<?xml version=\"1.0\"?>\n<!DOCTYPE mule [<!ENTITY x \"y\">]>\n<mule xmlns=\"http://www.mulesoft.org/schema/mule/core\"/>\n"])
        #expect(app.messages() == ["flows/app.xml:2:1: error: DOCTYPE is not allowed in Mule configuration files (it would enable entity expansion)"])
    }

    @Test func missingFlowsDirectoryIsNamed() throws {
        let app = try TestApp(["properties/dev.properties": "a=b\n"])
        #expect(app.messages() == ["\(app.directory)/flows: error: No flows directory: expected Mule XML files in '\(app.directory)/flows' (Conduit's layout) or in '\(app.directory)/src/main/mule' (a Mule project)."])
    }
}
