import ConduitTestSupport
import FlowCore
import FlowEngine
import FlowFormats
import FlowModel
import Foundation
import Testing

/// `<ee:transform>`: scripts for the payload, attributes and variables, inline or from a
/// `resource` file, all seeing the incoming event; compile errors located in the XML or the
/// `.dwl` file, all at once; runtime failures as `MULE:EXPRESSION` at the failing operation.
@Suite struct TransformTests {
    static let ee = #"xmlns:ee="http://www.mulesoft.org/schema/mule/ee/core""#

    @Test("set-payload, set-attributes and set-variable all read the incoming event")
    func targets() async throws {
        let runtime = try TestApp.runtime("""
            <flow name="main">
              <ee:transform \(Self.ee)>
                <ee:message>
                  <ee:set-payload><![CDATA[%dw 2.0
            output application/json
            ---
            payload.items map { id: $.id, name: upper($.name) }]]></ee:set-payload>
                  <ee:set-attributes><![CDATA[{ count: sizeOf(payload.items) }]]></ee:set-attributes>
                </ee:message>
                <ee:variables>
                  <ee:set-variable variableName="first"><![CDATA[%dw 2.0 output application/java --- payload.items[0].name]]></ee:set-variable>
                  <ee:set-variable variableName="greeting">"Hello " ++ vars.who</ee:set-variable>
                </ee:variables>
              </ee:transform>
            </flow>
            """)
        let outcome = try await runtime.run(flow: "main", payload: ["items": [["id": 1, "name": "bolt"], ["id": 2, "name": "nut"]]],
                                            vars: ValueObject([("who", "Ada")]))
        let event = try #require(outcome.event)
        #expect(try event.payload.value == [["id": 1, "name": "BOLT"], ["id": 2, "name": "NUT"]] as Value)
        #expect(event.attributes == ["count": 2])
        #expect(event.vars["first"] == "bolt")
        #expect(event.vars["greeting"] == "Hello Ada")
        #expect(event.vars["who"] == "Ada")
    }

    @Test("only the named targets change; a text output sets the written text")
    func keepsTheRest() async throws {
        let runtime = try TestApp.runtime("""
            <flow name="main">
              <ee:transform \(Self.ee)>
                <ee:variables>
                  <ee:set-variable variableName="line"><![CDATA[%dw 2.0
            output text/plain
            ---
            "n=" ++ payload.n]]></ee:set-variable>
                </ee:variables>
              </ee:transform>
            </flow>
            """)
        let outcome = try await runtime.run(flow: "main", payload: ["n": 3])
        #expect(try outcome.event?.payload.value == ["n": 3] as Value)
        #expect(outcome.event?.vars["line"] == "n=3")
    }

    @Test("the payload is labelled with the script's output type; variables keep values")
    func outputMediaType() async throws {
        let runtime = try TestApp.runtime("""
            <flow name="main">
              <ee:transform \(Self.ee)>
                <ee:message><ee:set-payload><![CDATA[%dw 2.0 output text/plain --- "n=" ++ payload.n]]></ee:set-payload></ee:message>
                <ee:variables><ee:set-variable variableName="v"><![CDATA[%dw 2.0 output application/json --- payload]]></ee:set-variable></ee:variables>
              </ee:transform>
              <ee:transform \(Self.ee)>
                <ee:variables><ee:set-variable variableName="read">payload</ee:set-variable></ee:variables>
              </ee:transform>
            </flow>
            <flow name="json">
              <ee:transform \(Self.ee)>
                <ee:message><ee:set-payload><![CDATA[%dw 2.0
            output application/json indent=false, skipNullOn="everywhere"
            ---
            { n: payload.n, gone: null }]]></ee:set-payload></ee:message>
              </ee:transform>
            </flow>
            <flow name="java">
              <ee:transform \(Self.ee)>
                <ee:message><ee:set-payload><![CDATA[%dw 2.0 output application/java --- { n: payload.n }]]></ee:set-payload></ee:message>
              </ee:transform>
            </flow>
            """)
        let text = try #require(try await runtime.run(flow: "main", payload: ["n": 3]).event)
        #expect(text.payload.mediaType == MediaType("text/plain"))
        #expect(text.payload.content?.byteArray == Array("n=3".utf8))
        #expect(text.vars["v"] == ["n": 3])
        #expect(text.vars["read"] == "n=3")
        let json = try #require(try await runtime.run(flow: "json", payload: ["n": 3]).event)
        #expect(json.payload.mediaType == MediaType("application/json", parameters: [
            .init(name: "indent", value: "false"), .init(name: "skipNullOn", value: "everywhere"),
        ]))
        #expect(try json.payload.value == ["n": 3])
        let java = try #require(try await runtime.run(flow: "java", payload: ["n": 3]).event)
        #expect(java.payload.mediaType == .java)
        #expect(try java.payload.value == ["n": 3])
    }

    @Test("a resource is read from the app directory and compiled once")
    func resource() async throws {
        let runtime = try TestApp.runtime("""
            <flow name="main">
              <ee:transform \(Self.ee)>
                <ee:message><ee:set-payload resource="dwl/user.dwl"/></ee:message>
              </ee:transform>
            </flow>
            """, files: ["dwl/user.dwl": """
            %dw 2.0
            import * from dw::core::Strings
            output application/json
            fun full(p) = capitalize(p.first) ++ " " ++ capitalize(p.last)
            ---
            { name: full(payload) }
            """])
        for (first, last) in [("ada", "lovelace"), ("alan", "turing")] {
            let outcome = try await runtime.run(flow: "main", payload: ["first": .string(first), "last": .string(last)])
            let expected: Value = ["name": .string(first.capitalized + " " + last.capitalized)]
            #expect(try outcome.event?.payload.value == expected)
        }
    }

    @Test("log writes 'prefix - value' in DataWeave's category and passes the value on; secrets show as ****")
    func log() async throws {
        let logs = LogCapture()
        let runtime = try TestApp.runtime("""
            <flow name="main">
              <ee:transform \(Self.ee)>
                <ee:message><ee:set-payload><![CDATA[%dw 2.0
            output application/json
            ---
            { n: log("count", sizeOf(payload)), who: log("name", payload[0]), key: log("key", p('secure::api.key')) }]]></ee:set-payload></ee:message>
              </ee:transform>
            </flow>
            """, properties: [("secure::api.key", "s3cret")], logs: logs)
        let outcome = try await runtime.run(flow: "main", payload: ["ada", "alan"])
        #expect(try outcome.event?.payload.value == ["n": 2, "who": "ada", "key": nil] as Value)
        #expect(logs.messages(in: "org.mule.weave.v2.model.service.DefaultLoggingService$") == ["count - 2", #"name - "ada""#, "key - ****"])
    }

    @Test("payload map over a CSV body maps rows as they are read: invalid CSV still fails the map, after a log in the lambda logged the rows before it")
    func csvRowsMappedAsRead() async throws {
        let logs = LogCapture()
        let runtime = try TestApp.runtime("""
            <flow name="main">
              <ee:transform \(Self.ee)>
                <ee:message><ee:set-payload><![CDATA[%dw 2.0
            output application/json indent=false
            ---
            payload map { id: log("row", $.id) as Number }]]></ee:set-payload></ee:message>
              </ee:transform>
            </flow>
            """, logs: logs)
        let flow = try #require(runtime.flow(named: "main"))
        func run(_ csv: String) async -> FlowOutcome {
            await runtime.run(flow, Event(payload: TypedValue(content: Array(csv.utf8), mediaType: MediaType(parsing: "text/csv")!),
                                          correlationId: "c-1"))
        }
        let mapped = await run("id,name\n1,a\n2,b\n")
        #expect(try mapped.event?.payload.value == [["id": 1], ["id": 2]] as Value)
        #expect(logs.messages(in: "org.mule.weave.v2.model.service.DefaultLoggingService$") == [#"row - "1""#, #"row - "2""#])
        let invalid = await run("id,name\n3,a\n\"4,b\n")
        #expect(invalid.failure?.error.type.description == "MULE:EXPRESSION")
        #expect(invalid.failure?.error.description
            == "The payload is not valid text/csv: Unterminated quoted value: the quote opened here is never closed at line 3, column 1")
        #expect(logs.messages(in: "org.mule.weave.v2.model.service.DefaultLoggingService$") == [#"row - "1""#, #"row - "2""#, #"row - "3""#])
    }

    @Test("the app's own modules: import modules::Common, * from it, or names from it")
    func appModules() async throws {
        let common = """
            %dw 2.0
            import * from dw::core::Strings
            var prefix = "P-"
            fun code(p) = prefix ++ upper(p.code)
            fun title(p) = capitalize(p.name)
            """
        let runtime = try TestApp.runtime("""
            <flow name="main">
              <ee:transform \(Self.ee)>
                <ee:message>
                  <ee:set-payload><![CDATA[%dw 2.0
            import modules::Common
            import title from modules::Common
            output application/json
            ---
            { code: Common::code(payload), title: title(payload) }]]></ee:set-payload>
                </ee:message>
                <ee:variables>
                  <ee:set-variable variableName="c"><![CDATA[%dw 2.0 import * from modules::Common output application/java --- code(payload)]]></ee:set-variable>
                </ee:variables>
              </ee:transform>
            </flow>
            """, files: ["modules/Common.dwl": common])
        let outcome = try await runtime.run(flow: "main", payload: ["code": "ab1", "name": "tower_crane"])
        #expect(try outcome.event?.payload.value == ["code": "P-AB1", "title": "Tower Crane"] as Value)
        #expect(outcome.event?.vars["c"] == "P-AB1")
    }

    @Test("a module's mistakes are reported in its file; a missing module names the file")
    func moduleErrors() throws {
        let diagnostics = try TestApp.diagnostics("""
            <flow name="main">
              <ee:transform \(Self.ee)>
                <ee:message>
                  <ee:set-payload><![CDATA[%dw 2.0
            import * from modules::Broken
            import modules::Missing
            ---
            1]]></ee:set-payload>
                </ee:message>
              </ee:transform>
            </flow>
            """, files: ["modules/Broken.dwl": "%dw 2.0\nfun f(x) = uper(x)\n"]).map(\.description)
        #expect(diagnostics == [
            "flows/main.xml:15:8: error: Invalid script: module 'modules::Missing' is not available: the app has no file modules/Missing.dwl",
            "modules/Broken.dwl:2:12: error: Invalid script: unknown function 'uper', did you mean 'upper'?",
        ])
    }

    @Test("every compile error of every script is reported at its line and column")
    func compileErrors() throws {
        let diagnostics = try TestApp.diagnostics("""
            <flow name="main">
              <ee:transform \(Self.ee)>
                <ee:message>
                  <ee:set-payload><![CDATA[%dw 2.0
            output application/json
            var x = [1, 2
            fun f(a) = a +
            ---
            { a: frobnicate(1), b: uper("x"), c: 1 }]]></ee:set-payload>
                </ee:message>
                <ee:variables>
                  <ee:set-variable variableName="v" resource="dwl/broken.dwl"/>
                </ee:variables>
              </ee:transform>
            </flow>
            """, files: ["dwl/broken.dwl": "%dw 2.0\noutput application/jsn\n---\ncapitalize(payload)\n"]).map(\.description)
        #expect(diagnostics == [
            "flows/main.xml:16:1: error: Invalid script: expected ',' or ']' but found 'fun'",
            "flows/main.xml:17:1: error: Invalid script: unexpected '---'",
            "flows/main.xml:18:6: error: Invalid script: unknown function 'frobnicate'",
            "flows/main.xml:18:24: error: Invalid script: unknown function 'uper', did you mean 'upper'?",
            "dwl/broken.dwl:2:8: error: Invalid script: unknown output MIME type 'application/jsn'; Conduit writes application/json, text/plain, application/csv, application/xml, application/x-www-form-urlencoded, application/dw, application/java",
            "dwl/broken.dwl:4:1: error: Invalid script: unknown function 'capitalize': it is in dw::core::Strings, add 'import * from dw::core::Strings' to the header",
        ])
    }

    @Test("element mistakes: no script, both script and resource, a missing file")
    func elementMistakes() throws {
        let diagnostics = try TestApp.diagnostics("""
            <flow name="main">
              <ee:transform \(Self.ee)>
                <ee:message>
                  <ee:set-payload/>
                  <ee:set-attributes resource="dwl/none.dwl"/>
                </ee:message>
                <ee:variables>
                  <ee:set-variable variableName="v" resource="dwl/none.dwl">1</ee:set-variable>
                </ee:variables>
              </ee:transform>
            </flow>
            """).map(\.description)
        #expect(diagnostics == [
            "flows/main.xml:13:7: error: Element <ee:set-payload> needs a script: write it inside the element or name a file with 'resource'.",
            "flows/main.xml:14:36: error: Script resource 'dwl/none.dwl' not found (looked in dwl/none.dwl).",
            "flows/main.xml:17:41: error: Element <ee:set-variable> has both a 'resource' and an inline script; keep one.",
        ])
    }

    @Test("a failing script raises MULE:EXPRESSION pointing at the failing operation")
    func runtimeFailure() async throws {
        let runtime = try TestApp.runtime("""
            <flow name="main">
              <ee:transform \(Self.ee)>
                <ee:message>
                  <ee:set-payload><![CDATA[%dw 2.0
            output application/json
            ---
            {
              total: payload.price as Number
            }]]></ee:set-payload>
                </ee:message>
              </ee:transform>
            </flow>
            """)
        let outcome = try await runtime.run(flow: "main", payload: ["price": "abc"])
        let failure = try #require(outcome.failure)
        #expect(failure.error.type.description == "MULE:EXPRESSION")
        #expect(failure.error.description.hasPrefix("Cannot coerce String (abc) to Number evaluating expression: \"%dw 2.0"))
        #expect(failure.error.description.hasSuffix("\" at flows/main.xml:17:24."))
    }

    @Test("a script failing inside one of the app's modules names the line in the module's file")
    func moduleRuntimeFailure() async throws {
        let runtime = try TestApp.runtime("""
            <flow name="main">
              <ee:transform \(Self.ee)>
                <ee:message>
                  <ee:set-payload><![CDATA[%dw 2.0
            import * from modules::Prices
            output application/json
            ---
            { total: total(payload) }]]></ee:set-payload>
                </ee:message>
              </ee:transform>
            </flow>
            """, files: ["modules/Prices.dwl": "%dw 2.0\nfun total(order) =\n  order.price as Number * order.qty\n"])
        let outcome = try await runtime.run(flow: "main", payload: ["price": "abc", "qty": 2])
        let failure = try #require(outcome.failure)
        #expect(failure.error.type.description == "MULE:EXPRESSION")
        #expect(failure.error.description.hasPrefix("Cannot coerce String (abc) to Number evaluating expression: \"%dw 2.0"))
        #expect(failure.error.description.hasSuffix("\" at modules/Prices.dwl:3:15."))
    }

    @Test("an inline script's failure is located in the XML file, for the new constructs too", arguments: [
        ("payload.name.first", "flows/main.xml:16:13"),
        ("if (payload.name) 1 else 2", "flows/main.xml:16:1"),
        ("payload.name and true", "flows/main.xml:16:14"),
        ("payload.name!.x!", "flows/main.xml:16:16"),
        ("payload.name >> \"Mars/Olympus\"", "flows/main.xml:16:14"),
        ("payload.name[true]", "flows/main.xml:16:13"),
    ])
    func locatedFailures(body: String, location: String) async throws {
        let runtime = try TestApp.runtime("""
            <flow name="main">
              <ee:transform \(Self.ee)>
                <ee:message>
                  <ee:set-payload><![CDATA[%dw 2.0
            output application/json
            ---
            \(body)]]></ee:set-payload>
                </ee:message>
              </ee:transform>
            </flow>
            """)
        let outcome = try await runtime.run(flow: "main", payload: ["name": "Ada"])
        let failure = try #require(outcome.failure)
        #expect(failure.error.type.description == "MULE:EXPRESSION")
        #expect(failure.error.description.hasSuffix("\" at \(location)."), "\(failure.error.description)")
    }

    @Test("readUrl reads a classpath file of the app; other URLs and missing files are named")
    func readURL() async throws {
        let runtime = try TestApp.runtime("""
            <flow name="main">
              <ee:transform \(Self.ee)>
                <ee:message><ee:set-payload><![CDATA[%dw 2.0
            var codes = readUrl("classpath://data/codes.json", "application/json")
            output application/java
            ---
            { name: codes[payload.code], raw: readUrl("classpath://data/codes.json", "text/plain") }]]></ee:set-payload></ee:message>
              </ee:transform>
            </flow>
            <flow name="web">
              <ee:transform \(Self.ee)>
                <ee:message><ee:set-payload><![CDATA[%dw 2.0 output application/java --- readUrl(payload, "application/json")]]></ee:set-payload></ee:message>
              </ee:transform>
            </flow>
            """, files: ["data/codes.json": #"{"NY": "New York"}"#])
        let outcome = try await runtime.run(flow: "main", payload: ["code": "NY"])
        #expect(try outcome.event?.payload.value == ["name": "New York", "raw": #"{"NY": "New York"}"#] as Value, "\(String(describing: outcome.event?.payload)) \(String(describing: outcome.failure?.error.description))")
        for (url, message) in [("http://example.com/x.json", "readUrl reads only the app's classpath ('classpath://path'), not 'http://example.com/x.json'"),
                               ("classpath://data/none.json", "readUrl found no resource 'data/none.json' on the app's classpath")] {
            let failed = try await runtime.run(flow: "web", payload: .string(url))
            let failure = try #require(failed.failure)
            #expect(failure.error.description.hasPrefix(message + " evaluating expression"), "\(failure.error.description)")
        }
    }

    @Test("a constant readUrl of a missing classpath file is a load error at the call")
    func readURLMissing() throws {
        let diagnostics = try TestApp.diagnostics("""
            <flow name="main">
              <ee:transform \(Self.ee)>
                <ee:message><ee:set-payload><![CDATA[%dw 2.0 output application/java --- readUrl("classpath://none.json", "application/json")]]></ee:set-payload></ee:message>
              </ee:transform>
            </flow>
            """).map(\.description)
        #expect(diagnostics == ["flows/main.xml:12:78: error: Invalid script: readUrl found no resource 'none.json' on the app's classpath"])
    }
}

