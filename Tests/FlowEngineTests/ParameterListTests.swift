import ConduitTestSupport
import FlowCore
import FlowEngine
import FlowFormats
import Testing

/// `OperationInput.evaluate(_: ParameterList)` fills `#[payload.key]` parameters in one pass over
/// the payload's members; these pin that it gives exactly what evaluating each parameter on its
/// own gives (`test:fields` runs both), values and failures alike.
@Suite("Parameters evaluated together")
struct ParameterListTests {
    /// Runs `test:fields` with `attributes` (its parameters) on a payload and returns
    /// `together`, after checking that it is what `oneByOne` gives.
    private func fields(_ attributes: String, payload: TypedValue) async throws -> Value {
        try await fields(attributes, payloads: [payload])[0]
    }

    /// The same for several payloads in turn, through one operation (which keeps what it found
    /// in the last payload's keys).
    private func fields(_ attributes: String, payloads: [TypedValue]) async throws -> [Value] {
        let runtime = try TestApp.runtime("""
            <test:config name="cfg"/>
            <flow name="main"><test:fields config-ref="cfg" \(attributes)/></flow>
            """, connectors: [TestConnector()])
        let flow = try #require(runtime.flow(named: "main"))
        var results: [Value] = []
        for payload in payloads {
            let event = try #require(await runtime.run(flow, Event(payload: payload, correlationId: "test")).event)
            let result = try event.payload.value
            #expect(result["together"] == result["oneByOne"])
            results.append(try #require(result["together"]))
        }
        return results
    }

    private func json(_ text: String) -> TypedValue {
        TypedValue(content: Array(text.utf8), mediaType: .json)
    }

    @Test("members are selected as payload.key selects them: the first of repeated keys, null when absent")
    func membersOfAnObject() async throws {
        let values = try await fields(##"a="#[payload.a]" b="#[payload.b]" c="#[payload.c]" d="#[payload.missing]" e="#[payload.b ++ '!']""##,
                                      payload: json(#"{"a": 1, "b": "x", "a": 2, "c": null}"#))
        #expect(values == [1, "x", .null, .null, "x!"])
    }

    @Test("two parameters selecting one key both get it; a literal keeps its value")
    func sharedKeyAndLiteral() async throws {
        let values = try await fields(##"a="#[payload.k]" b="plain" c="#[payload.k]""##, payload: json(##"{"k": [1, 2]}"##))
        #expect(values == [[1, 2], "plain", [1, 2]])
    }

    @Test("a payload that is already a value is read in place")
    func valuePayload() async throws {
        let values = try await fields(##"a="#[payload.id]" b="#[payload.name]""##,
                                      payload: TypedValue(["name": "Ada", "id": 7]))
        #expect(values == [7, "Ada"])
    }

    @Test("an array payload selects from each element, null gives null")
    func arrayAndNullPayloads() async throws {
        #expect(try await fields(##"a="#[payload.a]" b="#[payload.b]""##, payload: json(##"[{"a": 1}, {"a": 2, "b": 3}]"##)) == [[1, 2], [3]])
        #expect(try await fields(##"a="#[payload.a]""##, payload: TypedValue(.null)) == [.null])
    }

    @Test("a payload that cannot have members fails on the first parameter, with its message")
    func stringPayloadFails() async throws {
        let failure = try await fields(##"a="#[1]" b="#[payload.a]" c="#[payload.c]""##, payload: TypedValue("text"))
        #expect(failure == #"Cannot use the selector '.a' on String ("text"), it needs an Object or an Array evaluating expression: "payload.a" at flows/main.xml:11:63."#)
    }

    @Test("bytes that do not read as JSON fail with the reader's located message, as one by one")
    func malformedBody() async throws {
        let failure = try await fields(##"a="#[payload.a]""##, payload: json(##"{"a": 1,}"##))
        #expect(failure == "The payload is not valid application/json: trailing comma before '}' at line 1, column 9")
    }

    @Test("the first failing parameter's error is the one given, after members selected before it")
    func firstFailureWins() async throws {
        let failure = try await fields(##"a="#[payload.n]" b="#[payload.n + 1]" c="#[payload.s + 1]" d="#[payload.n]""##,
                                       payload: json(#"{"n": "two", "s": "three"}"#))
        #expect(failure == #"You called the function '+' with these arguments: 1: String ("two") 2: Number (1) evaluating expression: "payload.n + 1" at flows/main.xml:11:71."#)
    }

    @Test("keys compare as exact text: a decomposed é does not select a composed one")
    func unicodeKeys() async throws {
        let values = try await fields("a=\"#[payload.'caf\u{E9}']\" b=\"#[payload.'cafe\u{301}']\"",
                                      payload: json("{\"caf\u{E9}\": 1, \"cafe\u{301}\": 2}"))
        #expect(values == [1, 2])
        let composedOnly = try await fields("a=\"#[payload.'cafe\u{301}']\"", payload: json("{\"caf\u{E9}\": 1}"))
        #expect(composedOnly == [.null])
    }

    @Test("payloads with the keys of the one before take the same members; other keys are looked up anew")
    func payloadsOfOneAndOtherShapes() async throws {
        let attributes = ##"a="#[payload.id]" b="#[payload.designated_market_area]" c="#[payload.name]" d="#[payload.id]""##
        let results = try await fields(attributes, payloads: [
            json(#"{"id": 1, "name": "one", "designated_market_area": "north"}"#),
            json(#"{"id": 2, "name": "two", "designated_market_area": "south"}"#),
            json(#"{"name": "three", "id": 3, "designated_market_area": "east"}"#),
            json(#"{"name": "four", "idx": 4, "designated_market_area": "west"}"#),
            json(#"{"name": "five", "idx": 5, "designated_market_areb": "none"}"#),
            json(#"{"name": "six", "id": 6, "id": 7, "designated_market_area": "up"}"#),
            json(#"{"name": "seven", "id": 8, "id": 9, "designated_market_area": "down"}"#),
        ])
        #expect(results == [
            [1, "north", "one", 1], [2, "south", "two", 2], [3, "east", "three", 3], [.null, "west", "four", .null],
            [.null, .null, "five", .null], [6, "up", "six", 6], [8, "down", "seven", 8],
        ])
    }
}
