import ConduitTestSupport
import FlowCore
import FlowFormats
import FlowEngine
import Testing

/// `<parse-template>`: inline `<content>` or a file, rendered into the payload (attributes null)
/// or a target; `\#[` escapes.
@Suite struct ParseTemplateTests {
    @Test("inline content renders against the event; attributes become null; \\#[ stays literal")
    func inline() async throws {
        let runtime = try TestApp.runtime("""
            <flow name="main">
              <parse-template><content><![CDATA[Hello #[payload.name], you have #[sizeOf(payload.items)] items. \\#[not evaluated]]]></content></parse-template>
            </flow>
            """)
        let outcome = try await runtime.run(flow: "main", payload: ["name": "Ada", "items": [1, 2, 3]])
        #expect(try outcome.event?.payload.value == "Hello Ada, you have 3 items. #[not evaluated]")
        #expect(outcome.event?.attributes == .null)
    }

    @Test("a whole-expression template still yields text; target keeps the payload")
    func targetAndWholeExpression() async throws {
        let runtime = try TestApp.runtime("""
            <flow name="main">
              <parse-template target="rendered"><content>#[payload]</content></parse-template>
            </flow>
            """)
        let outcome = try await runtime.run(flow: "main", payload: ["a": 1])
        #expect(try outcome.event?.payload.value == ["a": 1])
        #expect(outcome.event?.vars["rendered"] == #"{"a":1}"#)
    }

    @Test("mistakes are reported in Mule's words at their place", arguments: [
        (#"<flow name="f"><parse-template/></flow>"#, "flows/main.xml:10:16: error: One of 'location' or 'content' should be defined but they are both null"),
        (#"<flow name="f"><parse-template location="t.html"><content>x</content></parse-template></flow>"#,
         "flows/main.xml:10:32: error: Can't define both location and content at the same time"),
        (#"<flow name="f"><parse-template location="missing.html"/></flow>"#,
         "flows/main.xml:10:42: error: Template location: missing.html not found (looked in missing.html)."),
        (##"<flow name="f"><parse-template targetValue="#[payload]"><content>x</content></parse-template></flow>"##,
         "flows/main.xml:10:32: error: Can't define a targetValue with no target"),
        (##"<flow name="f"><parse-template><content>#[payload.</content></parse-template></flow>"##,
         "flows/main.xml:10:41: error: "),
    ])
    func mistakes(body: String, message: String) throws {
        let diagnostics = try TestApp.diagnostics(body).map(\.description)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.hasPrefix(message) == true, "\(diagnostics)")
    }
}
