import FlowCore
import FlowModel
import Testing
import FlowProperties

/// A Mule project as Anypoint Studio leaves it: configs under `src/main/mule` (any depth), the
/// classpath root `src/main/resources`, `mule-artifact.json`.
@Suite struct MuleProjectLayoutTests {
    static let start = #"<mule xmlns="http://www.mulesoft.org/schema/mule/core" xmlns:http="http://www.mulesoft.org/schema/mule/http">"#

    static func config(_ body: String) -> String { "\(start)\n\(body)\n</mule>\n" }

    @Test("configs are every Mule XML file under src/main/mule, nested folders included, in name order; other XML is skipped with a warning")
    func scan() throws {
        let app = try TestApp([
            "pom.xml": "<project/>",
            "src/main/mule/global.xml": Self.config(#"<global-property name="greeting" value="hi"/>"#),
            "src/main/mule/impl/get.xml": Self.config(#"<flow name="get"><logger message="${greeting}"/></flow>"#),
            "src/main/mule/api.xml": Self.config(#"<flow name="api"><flow-ref name="get"/></flow>"#),
            "src/main/mule/beans.xml": "<beans xmlns=\"http://www.springframework.org/schema/beans\"/>\n",
            "src/main/mule/.hidden/old.xml": Self.config("<flow name=\"old\"/>"),
        ])
        let result = app.load()
        #expect(result.diagnostics.map(\.description) == [
            "src/main/mule/beans.xml:1:1: warning: Skipped: the root element is <beans>, not Mule's <mule>, so this is not a Mule configuration.",
        ])
        let loaded = try #require(result.app)
        #expect(loaded.files == ["src/main/mule/api.xml", "src/main/mule/global.xml", "src/main/mule/impl/get.xml"])
        #expect(loaded.flows.map(\.name) == ["api", "get"])
        #expect(loaded.layout.kind == .muleProject)
    }

    @Test("relative files resolve on the classpath (src/main/resources) first; --env defines env and mule.env but loads no properties/ file")
    func classpath() throws {
        let app = try TestApp([
            "src/main/mule/app.xml": Self.config("""
                <configuration-properties file="config/${mule.env}.yaml"/>
                <import file="common.xml"/>
                <flow name="f"><logger message="${api.host} ${env}"/></flow>
                """),
            "src/main/mule/common.xml": Self.config(#"<flow name="common"><logger/></flow>"#),
            "src/main/resources/config/qa.yaml": "api:\n  host: qa.example.com\n",
            "properties/qa.properties": "api.host=never-read\n",
        ])
        let result = app.load(env: "qa")
        #expect(result.diagnostics.map(\.description) == [])
        let loaded = try #require(result.app)
        #expect(loaded.properties.value(forKey: "api.host") == "qa.example.com")
        #expect(loaded.properties.value(forKey: "mule.env") == "qa")
        #expect(loaded.files == ["src/main/mule/app.xml", "src/main/mule/common.xml"])
    }

    @Test("a parse-template location is read from the classpath at load time; its syntax errors point into the template file")
    func templateLocation() throws {
        let app = try TestApp([
            "src/main/mule/app.xml": Self.config(#"<flow name="f"><parse-template location="templates/mail.html"/></flow>"#),
            "src/main/resources/templates/mail.html": "<p>Hello #[payload.name]</p>\n",
        ])
        #expect(app.messages() == [])
        let broken = try TestApp([
            "src/main/mule/app.xml": Self.config(#"<flow name="f"><parse-template location="templates/mail.html"/></flow>"#),
            "src/main/resources/templates/mail.html": "<p>\n  Hello #[payload.name</p>\n",
        ])
        #expect(broken.messages().first?.hasPrefix("src/main/resources/templates/mail.html:2:9: error:") == true, "\(broken.messages())")
    }

    @Test("a missing file names every place looked in")
    func missingFiles() throws {
        let app = try TestApp([
            "src/main/mule/app.xml": Self.config("""
                <configuration-properties file="config.yaml"/>
                <import file="nowhere.xml"/>
                """),
        ])
        #expect(app.messages() == [
            "src/main/mule/app.xml:2:33: error: Couldn't find configuration properties file config.yaml neither on classpath or in file system (looked in src/main/resources/config.yaml, src/main/mule/config.yaml, config.yaml)",
            "src/main/mule/app.xml:3:15: error: Could not find imported file 'nowhere.xml' (looked in src/main/mule/nowhere.xml, src/main/resources/nowhere.xml, nowhere.xml).",
        ])
    }

    @Test("mule-artifact.json's configs are exactly the configs; a listed file that is missing is an error naming where it was looked for")
    func artifactConfigs() throws {
        let app = try TestApp([
            "mule-artifact.json": #"{"minMuleVersion": "4.4.0", "configs": ["main.xml", "gone.xml"]}"#,
            "src/main/mule/main.xml": Self.config(#"<flow name="main"><logger/></flow>"#),
            "src/main/mule/unlisted.xml": Self.config(#"<flow name="unlisted"><logger/></flow>"#),
        ])
        let result = app.load()
        #expect(result.diagnostics.map(\.description) == [
            "mule-artifact.json:1:1: error: Config 'gone.xml' listed in mule-artifact.json was not found (looked in src/main/mule/gone.xml, src/main/resources/gone.xml).",
        ])
        #expect(result.partialApp?.flows.map(\.name) == ["main"])
    }

    @Test("mule-artifact.json's secureProperties are secrets wherever they are defined")
    func secureProperties() throws {
        let app = try TestApp([
            "mule-artifact.json": #"{"minMuleVersion": "4.4.0", "secureProperties": ["db.password"]}"#,
            "src/main/mule/app.xml": Self.config("""
                <global-property name="db.password" value="hunter2"/>
                <global-property name="db.user" value="app"/>
                <flow name="f"><logger message="${db.user}"/></flow>
                """),
        ])
        let loaded = try #require(app.load().app)
        #expect(loaded.properties.readsSecret(key: "db.password"))
        #expect(!loaded.properties.readsSecret(key: "db.user"))
        #expect(try loaded.properties.resolve("x ${db.password}", at: .synthetic("test")).containsSecret)
        #expect(loaded.properties.value(forKey: "db.password") == "hunter2")
    }

    @Test("a mule-artifact.json that is not valid is reported at its place")
    func invalidArtifact() throws {
        let app = try TestApp([
            "mule-artifact.json": "{\n  \"configs\": [\"a.xml\",]\n}",
            "src/main/mule/app.xml": Self.config(#"<flow name="f"><logger/></flow>"#),
        ])
        #expect(app.messages().count == 1)
        #expect(app.messages().first?.hasPrefix("mule-artifact.json:2:") == true)
        let typed = try TestApp([
            "mule-artifact.json": #"{"secureProperties": "db.password"}"#,
            "src/main/mule/app.xml": Self.config(#"<flow name="f"><logger/></flow>"#),
        ])
        #expect(typed.messages() == ["mule-artifact.json:1:1: error: 'secureProperties' in mule-artifact.json must be a list of strings, got String."])
    }

    @Test("an empty src/main/mule is an error")
    func emptyProject() throws {
        let app = try TestApp(["src/main/mule/readme.txt": "nothing here"])
        #expect(app.messages() == ["\(app.directory)/src/main/mule: error: No Mule configuration files: '\(app.directory)/src/main/mule' contains no *.xml file."])
    }
}
