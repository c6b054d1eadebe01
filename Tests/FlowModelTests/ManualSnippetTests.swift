import FlowCore
import FlowModel
import Testing
import Foundation

/// Issue acceptance: each XML snippet of the connector manual, in a `<mule>` root with the usual
/// namespaces, validates cleanly with the manual's properties.
@Suite struct ManualSnippetTests {
    static func app(_ body: String) throws -> TestApp {
        try TestApp(["flows/app.xml": TestApp.wrap(body), "properties/dev.properties": ManualSnippets.properties + "\n"])
    }

    @Test func listenerConfig() throws {
        #expect(try Self.app(ManualSnippets.listenerConfig).messages(env: "dev") == [])
    }

    @Test(arguments: [ManualSnippets.procoreConfig, ManualSnippets.procoreConfigStep2])
    func procoreConfig(_ snippet: String) throws {
        #expect(try Self.app(ManualSnippets.listenerConfig + "\n" + snippet).messages(env: "dev") == [])
    }

    @Test(arguments: [ManualSnippets.createProject, ManualSnippets.updateProject])
    func operations(_ snippet: String) throws {
        let body = ManualSnippets.listenerConfig + "\n" + ManualSnippets.procoreConfig + "\n<flow name=\"f\">\n" + snippet + "\n</flow>"
        let result = try Self.app(body).load(env: "dev")
        #expect(result.diagnostics.map(\.description) == [])
        guard case .operation(let component)? = result.app?.flows.first?.processors.first?.kind else {
            Issue.record("no operation")
            return
        }
        #expect(component.parameters.count == snippet.components(separatedBy: "=\"").count - 1 - 2)  // minus doc:name, doc:id
    }
}
