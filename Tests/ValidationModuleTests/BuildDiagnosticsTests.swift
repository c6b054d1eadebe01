import ConduitTestSupport
import FlowCore
import Testing
import Foundation

/// Problems the module reports while the app is built, located in the file.
@Suite("Validation build diagnostics")
struct BuildDiagnosticsTests {
    @Test("an unsupported regex construct is reported at its column in the regex attribute")
    func unsupportedConstructColumn() throws {
        // Line 3 of flows/main.xml: the <mule> line, the flow line, then the processor.
        let line = ##"<validation:matches-regex value="#[payload]" regex="(\w+)\s\1"/>"##
        let diagnostics = try ValidationApp.diagnostics(line)
        let column = line.distance(from: line.startIndex, to: line.range(of: "\\1")!.lowerBound) + 1
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.hasSuffix(
            ":\(column): error: Invalid regex in <validation:matches-regex>: Backreference '\\1' is not supported: it needs backtracking") == true)
    }

    @Test("an invalid regex inside all is reported too")
    func invalidRegexInAggregate() throws {
        let line = ##"<validation:all><validation:matches-regex value="#[payload]" regex="a(?=b)"/></validation:all>"##
        let diagnostics = try ValidationApp.diagnostics(line)
        let column = line.distance(from: line.startIndex, to: line.range(of: "(?=")!.lowerBound) + 1
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.contains(":\(column): error: Invalid regex in <validation:matches-regex>: Lookahead") == true)
    }

    @Test("a literal minValue that is not a number of the type is reported")
    func invalidBound() throws {
        let diagnostics = try ValidationApp.diagnostics(##"<validation:is-number value="#[payload]" numberType="INTEGER" minValue="1.5"/>"##)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.hasSuffix("error: '1.5' is not a valid INTEGER value for 'minValue'.") == true)
    }

    @Test("a validation:config is accepted by config-ref; its i18n bundle is reported where it is written")
    func configuration() async throws {
        let runtime = try ValidationApp.runtime(##"<validation:is-true config-ref="v" expression="#[true]"/>"##,
                                                globals: ##"<validation:config name="v" xmlns:validation="\##(ValidationApp.namespace)"/>"##)
        #expect(try await runtime.run(flow: "main").event != nil)

        let diagnostics = try ValidationApp.diagnostics(##"<validation:is-true config-ref="v" expression="#[true]"/>"##, globals: """
            <validation:config name="v" xmlns:validation="\(ValidationApp.namespace)">
              <validation:i18n bundlePath="i18n/messages" locale="es"/></validation:config>
            """)
        // Indented by two spaces: the element starts at column 3.
        #expect(diagnostics.contains { $0.contains(":3: error: <validation:i18n> is not supported") })
    }

    @Test("all and any accept only validators")
    func aggregateChildren() throws {
        let diagnostics = try ValidationApp.diagnostics("<validation:all><set-payload value=\"x\"/></validation:all>")
        #expect(!diagnostics.isEmpty)
    }
}
