import ConduitTestSupport
import FlowCore
import NIOHTTP1
import Testing

/// An `ee:transform` labels its payload with the script's `output` type, as Mule types a
/// transform's result: a listener then answers with that type's bytes and `Content-Type`
/// (writer properties configure the writer and stay out of the header), and a later script reads
/// the payload back in that format.
@Suite("ee:transform output over HTTP")
struct TransformResponseTests {
    static let ee = #"xmlns:ee="http://www.mulesoft.org/schema/mule/ee/core""#

    /// A flow at `/t` answering with the transform of `script`.
    static func app(_ script: String) -> String {
        """
        \(RunningApp.listenerConfig)
        <flow name="t">
          <http:listener config-ref="listener" path="/t"/>
          <ee:transform \(ee)>
            <ee:message><ee:set-payload><![CDATA[\(script)]]></ee:set-payload></ee:message>
          </ee:transform>
        </flow>
        """
    }

    static let order = #"{"id": 7, "lines": [{"sku": "A-1", "qty": 2}, {"sku": "B-2", "qty": 1}]}"#

    @Test("each output type gives its bytes and Content-Type", arguments: [
        // JSON is indented by default, as DataWeave writes it.
        ("output application/json", "{ id: payload.id, skus: payload.lines.sku }",
         "application/json", "{\n  \"id\": 7,\n  \"skus\": [\n    \"A-1\",\n    \"B-2\"\n  ]\n}"),
        ("output application/json indent=false", "{ id: payload.id, skus: payload.lines.sku }",
         "application/json", #"{"id": 7,"skus": ["A-1","B-2"]}"#),
        ("output application/json skipNullOn=\"everywhere\", indent=false", "{ id: payload.id, note: payload.note }",
         "application/json", #"{"id": 7}"#),
        ("output application/xml", "{ order: { id: payload.id, line: payload.lines[0].sku } }",
         "application/xml", "<?xml version='1.0' encoding='UTF-8'?>\n<order>\n  <id>7</id>\n  <line>A-1</line>\n</order>"),
        ("output application/csv separator=\";\"", "payload.lines",
         "application/csv", "sku;qty\nA-1;2\nB-2;1\n"),
        ("output text/plain", "\"order \" ++ payload.id",
         "text/plain", "order 7"),
        ("output application/x-www-form-urlencoded", "{ id: payload.id, first: payload.lines[0].sku }",
         "application/x-www-form-urlencoded", "id=7&first=A-1"),
        // Java output is the value itself: the listener writes an object as compact JSON and a
        // String as text, as for any value of no declared format.
        ("output application/java", "{ id: payload.id }",
         "application/json", #"{"id":7}"#),
        ("output application/java", "\"order \" ++ payload.id",
         "text/plain; charset=UTF-8", "order 7"),
    ])
    func outputTypes(header: String, body: String, contentType: String, expected: String) async throws {
        try await RunningApp.serve(Self.app("%dw 2.0\n\(header)\n---\n\(body)")) { app in
            let reply = try await app.send(.POST, "/t", body: Self.order, headers: [("Content-Type", "application/json")])
            #expect(reply.status == 200)
            #expect(reply.header("content-type") == contentType)
            #expect(reply.body == expected)
        }
    }

    @Test("an encoding writer property is the charset of the bytes and of the Content-Type")
    func encoding() async throws {
        try await RunningApp.serve(Self.app("%dw 2.0\noutput application/json encoding=\"ISO-8859-1\", indent=false\n---\n{ city: \"Zürich\" }")) { app in
            let reply = try await app.send(.GET, "/t")
            #expect(reply.header("content-type") == "application/json; charset=ISO-8859-1")
            // ü is one byte, 0xFC, which does not decode as UTF-8.
            #expect(reply.body == "{\"city\": \"Z\u{FFFD}rich\"}")
        }
    }

    @Test("a payload written as XML or CSV reads back as that format in the next script")
    func readsBack() async throws {
        try await RunningApp.serve("""
            \(RunningApp.listenerConfig)
            <flow name="t">
              <http:listener config-ref="listener" path="/t"/>
              <ee:transform \(Self.ee)>
                <ee:message><ee:set-payload><![CDATA[%dw 2.0
            output application/xml
            ---
            { order: { id: payload.id, count: sizeOf(payload.lines) } }]]></ee:set-payload></ee:message>
              </ee:transform>
              <ee:transform \(Self.ee)>
                <ee:message><ee:set-payload><![CDATA[%dw 2.0
            output application/json indent=false
            ---
            { id: payload.order.id, count: payload.order.count as Number }]]></ee:set-payload></ee:message>
              </ee:transform>
            </flow>
            """) { app in
            let reply = try await app.send(.POST, "/t", body: Self.order, headers: [("Content-Type", "application/json")])
            #expect(reply.body == #"{"id": "7","count": 2}"#)
            #expect(reply.header("content-type") == "application/json")
        }
    }

    @Test("CSV written with a separator, quote and header=false is read back with them by the next script")
    func csvReadsBackWithWriterProperties() async throws {
        try await RunningApp.serve("""
            \(RunningApp.listenerConfig)
            <flow name="t">
              <http:listener config-ref="listener" path="/t"/>
              <ee:transform \(Self.ee)>
                <ee:message><ee:set-payload><![CDATA[%dw 2.0
            output application/csv separator=";", quote="'", quoteValues=true, header=false
            ---
            payload.lines map { sku: $.sku ++ ";x", qty: $.qty }]]></ee:set-payload></ee:message>
              </ee:transform>
              <ee:transform \(Self.ee)>
                <ee:message><ee:set-payload><![CDATA[%dw 2.0
            output application/json indent=false
            ---
            { rows: payload, type: write(payload, "application/csv", {separator: "|"}) }]]></ee:set-payload></ee:message>
              </ee:transform>
            </flow>
            """) { app in
            let reply = try await app.send(.POST, "/t", body: Self.order, headers: [("Content-Type", "application/json")])
            #expect(reply.body == #"{"rows": [{"column_0": "A-1;x","column_1": "2"},{"column_0": "B-2;x","column_1": "1"}],"type": "column_0|column_1\nA-1;x|2\nB-2;x|1\n"}"#)
        }
    }

    @Test("the CSV reader's properties stay out of the Content-Type the listener sends")
    func csvContentTypeWithoutReaderProperties() async throws {
        try await RunningApp.serve(Self.app("%dw 2.0\noutput application/csv separator=\";\", encoding=\"UTF-8\"\n---\npayload.lines")) { app in
            let reply = try await app.send(.POST, "/t", body: Self.order, headers: [("Content-Type", "application/json")])
            #expect(reply.header("content-type") == "application/csv; charset=UTF-8")
            #expect(reply.body == "sku;qty\nA-1;2\nB-2;1\n")
        }
    }
}
