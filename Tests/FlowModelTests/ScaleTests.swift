import FlowCore
import FlowModel
import Testing

@Suite struct ScaleTests {
    @Test func reportsAllTwoThousandMistakes() throws {
        let loggers = (0..<2000).map { "<logger levl=\"INFO\" message=\"m\($0)\"/>" }.joined(separator: "\n")
        let app = try TestApp(["flows/app.xml": TestApp.wrap("<flow name=\"noisy\">\n\(loggers)\n</flow>")])
        let diagnostics = app.load().diagnostics
        #expect(diagnostics.count == 2000)
        #expect(diagnostics.first?.description == "flows/app.xml:3:9: error: Attribute 'levl' is not allowed on <logger>. Did you mean 'level'?")
        #expect(diagnostics.last?.location.line == 2002)
    }

    @Test func loadsFiveThousandFlows() throws {
        let flows = (0..<5000).map { i in
            """
            <flow name="flow-\(i)">
              <http:listener config-ref="listener" path="/items/\(i)/{id}" allowedMethods="POST"/>
              <set-variable variableName="id" value="#[attributes.uriParams.id]"/>
              <logger level="DEBUG" message="item \(i): #[vars.id]"/>
              <set-payload value="#[{id: vars.id, flow: \(i)}]"/>
            </flow>
            """
        }.joined(separator: "\n")
        let config = #"<http:listener-config name="listener"><http:listener-connection host="127.0.0.1" port="0"/></http:listener-config>"#
        let app = try TestApp(["flows/app.xml": TestApp.wrap(config + "\n" + flows)])
        let result = app.load()
        #expect(result.diagnostics.isEmpty)
        #expect(result.app?.flows.count == 5000)
    }
}
