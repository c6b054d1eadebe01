import ConduitTestSupport
import FlowCore
import FlowFormats
import Testing
import FlowEngine

/// Every validator through a real flow: what passes, and the exact type and default message of
/// what fails (mule-components §6.3).
@Suite("Validation operations")
struct ValidatorOperationTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let xml: String
        let payload: Value
        /// `TYPE: message`, nil when the validator passes.
        let expected: String?
        var testDescription: String { "\(xml) on \(payload)" }

        init(_ xml: String, _ payload: Value = .null, _ expected: String? = nil) {
            self.xml = xml
            self.payload = payload
            self.expected = expected
        }
    }

    static let cases: [Case] = [
        // is-true / is-false
        Case(##"<validation:is-true expression="#[payload == 1]"/>"##, 1),
        Case(##"<validation:is-true expression="#[payload == 1]"/>"##, 2,
             "VALIDATION:INVALID_BOOLEAN: Value was expected to be true but it was false instead"),
        Case(##"<validation:is-false expression="#[payload == 1]"/>"##, 2),
        Case(##"<validation:is-false expression="#[payload == 1]"/>"##, 1,
             "VALIDATION:INVALID_BOOLEAN: Value was expected to be false but it was true instead"),
        Case(##"<validation:is-true expression="true"/>"##),
        // is-null / is-not-null: the type names the failed condition
        Case(##"<validation:is-null value="#[payload]"/>"##, .null),
        Case(##"<validation:is-null value="#[payload]"/>"##, "x", "VALIDATION:NOT_NULL: value was expected to be null"),
        Case(##"<validation:is-not-null value="#[payload]"/>"##, "x"),
        Case(##"<validation:is-not-null value="#[payload.missing]"/>"##, ["a": 1], "VALIDATION:NULL: value is null"),
        // blank strings; value defaults to the payload
        Case(##"<validation:is-not-blank-string/>"##, "a"),
        Case(##"<validation:is-not-blank-string/>"##, " \t\n", "VALIDATION:BLANK_STRING: String is blank"),
        Case(##"<validation:is-not-blank-string/>"##, .null, "VALIDATION:BLANK_STRING: value is null"),
        Case(##"<validation:is-blank-string/>"##, "  "),
        Case(##"<validation:is-blank-string/>"##, .null),
        Case(##"<validation:is-blank-string value="#[payload.name]"/>"##, ["name": "Ann"], "VALIDATION:NOT_BLANK_STRING: String is not blank"),
        // collections; values defaults to the payload
        Case(##"<validation:is-not-empty-collection/>"##, [1]),
        Case(##"<validation:is-not-empty-collection/>"##, [], "VALIDATION:EMPTY_COLLECTION: Collection is empty"),
        Case(##"<validation:is-not-empty-collection/>"##, .null, "VALIDATION:EMPTY_COLLECTION: value is null"),
        Case(##"<validation:is-not-empty-collection values="#[payload.items]"/>"##, ["items": ["a": 1]]),
        Case(##"<validation:is-empty-collection/>"##, []),
        Case(##"<validation:is-empty-collection/>"##, .null),
        Case(##"<validation:is-empty-collection/>"##, [1, 2], "VALIDATION:NOT_EMPTY_COLLECTION: Collection is not empty"),
        // is-email
        Case(##"<validation:is-email email="#[payload]"/>"##, "ann.lee+tag@mail.example.com"),
        Case(##"<validation:is-email email="#[payload]"/>"##, "\"ann lee\"@example.org"),
        Case(##"<validation:is-email email="#[payload]"/>"##, "ann@[192.168.0.1]"),
        Case(##"<validation:is-email email="#[payload]"/>"##, "ann@example", "VALIDATION:INVALID_EMAIL: ann@example is not a valid email address"),
        Case(##"<validation:is-email email="#[payload]"/>"##, " ann@example.com",
             "VALIDATION:INVALID_EMAIL:  ann@example.com is not a valid email address"),
        Case(##"<validation:is-email email="#[payload]"/>"##, "ann..lee@example.com",
             "VALIDATION:INVALID_EMAIL: ann..lee@example.com is not a valid email address"),
        Case(##"<validation:is-email email="#[payload]"/>"##, "ann@-example.com",
             "VALIDATION:INVALID_EMAIL: ann@-example.com is not a valid email address"),
        Case(##"<validation:is-email email="#[payload]"/>"##, "annexample.com",
             "VALIDATION:INVALID_EMAIL: annexample.com is not a valid email address"),
        // is-number
        Case(##"<validation:is-number value="#[payload]" numberType="INTEGER"/>"##, "42"),
        Case(##"<validation:is-number value="#[payload]" numberType="INTEGER"/>"##, 42),
        Case(##"<validation:is-number value="#[payload]" numberType="INTEGER"/>"##, "4.5",
             "VALIDATION:INVALID_NUMBER: 4.5 is not a valid INTEGER value"),
        Case(##"<validation:is-number value="#[payload]" numberType="INTEGER"/>"##, "3000000000",
             "VALIDATION:INVALID_NUMBER: 3000000000 is not a valid INTEGER value"),
        Case(##"<validation:is-number value="#[payload]" numberType="LONG"/>"##, "3000000000"),
        Case(##"<validation:is-number value="#[payload]" numberType="SHORT"/>"##, "40000",
             "VALIDATION:INVALID_NUMBER: 40000 is not a valid SHORT value"),
        Case(##"<validation:is-number value="#[payload]" numberType="DOUBLE"/>"##, "2.5e3"),
        Case(##"<validation:is-number value="#[payload]" numberType="DOUBLE"/>"##, "abc",
             "VALIDATION:INVALID_NUMBER: abc is not a valid DOUBLE value"),
        Case(##"<validation:is-number value="#[payload]" numberType="FLOAT"/>"##, "1e39",
             "VALIDATION:INVALID_NUMBER: 1e39 is not a valid FLOAT value"),
        Case(##"<validation:is-number value="#[payload]" numberType="INTEGER" minValue="1" maxValue="10"/>"##, 10),
        Case(##"<validation:is-number value="#[payload]" numberType="INTEGER" minValue="1" maxValue="10"/>"##, 0,
             "VALIDATION:INVALID_NUMBER: 0 is lower that 1"),
        Case(##"<validation:is-number value="#[payload]" numberType="DOUBLE" minValue="1" maxValue="10.5"/>"##, "10.75",
             "VALIDATION:INVALID_NUMBER: 10.75 is greater that 10.5"),
        // matches-regex
        Case(##"<validation:matches-regex value="#[payload]" regex="[A-Z]{2}-\d{4}"/>"##, "AB-1234"),
        Case(##"<validation:matches-regex value="#[payload]" regex="[A-Z]{2}-\d{4}"/>"##, "AB-12345",
             ##"VALIDATION:MISMATCH: AB-12345 is not valid under the terms of regex [A-Z]{2}-\d{4}"##),
        Case(##"<validation:matches-regex value="#[payload]" regex="[A-Z]{2}-\d{4}"/>"##, "ab-1234",
             ##"VALIDATION:MISMATCH: ab-1234 is not valid under the terms of regex [A-Z]{2}-\d{4}"##),
        Case(##"<validation:matches-regex value="#[payload]" regex="[A-Z]{2}-\d{4}" caseSensitive="false"/>"##, "ab-1234"),
        Case(##"<validation:matches-regex value="#[payload.code]" regex="#[payload.pattern]"/>"##, ["code": "x1", "pattern": "x\\d"]),
        Case(##"<validation:matches-regex value="#[payload.code]" regex="#[payload.pattern]"/>"##, ["code": "x", "pattern": "x\\d"],
             ##"VALIDATION:MISMATCH: x is not valid under the terms of regex x\d"##),
        Case(##"<validation:matches-regex value="#[payload]" regex="[a-z]+" caseSensitive="#[vars.none == null]"/>"##, "ABC",
             "VALIDATION:MISMATCH: ABC is not valid under the terms of regex [a-z]+"),
        Case(##"<validation:matches-regex value="#[payload]" regex="[a-z]+" caseSensitive="#[vars.none != null]"/>"##, "ABC"),
        Case(##"<validation:matches-regex value="#[payload.code]" regex="#[payload.pattern]"/>"##, ["code": "aa", "pattern": "(a)\\1"],
             "MULE:UNKNOWN: Invalid regex '(a)\\1' in <validation:matches-regex>: "
                + "Backreference '\\1' is not supported: it needs backtracking (at character 4 of the regex)"),
        // validate-size: strings by length, arrays and objects by count
        Case(##"<validation:validate-size value="#[payload]" min="2" max="3"/>"##, "abc"),
        Case(##"<validation:validate-size value="#[payload]" min="2" max="3"/>"##, "a",
             "VALIDATION:INVALID_SIZE: value a was expected to have a size of at least 2 but it only has 1"),
        Case(##"<validation:validate-size value="#[payload]" max="1"/>"##, [1, 2],
             "VALIDATION:INVALID_SIZE: value [1,2] was expected to have a size of at most 1 but it has 2"),
        Case(##"<validation:validate-size value="#[payload]" min="1"/>"##, ["a": 1]),
        Case(##"<validation:validate-size value="#[payload]"/>"##, ""),
        Case(##"<validation:validate-size value="#[payload]" min="1"/>"##, .null, "MULE:UNKNOWN: Cannot check size of a null value"),
        // is-url / is-ip
        Case(##"<validation:is-url url="#[payload]"/>"##, "https://example.com:8443/a?b=c"),
        Case(##"<validation:is-url url="#[payload]"/>"##, "mailto:ann@example.com"),
        Case(##"<validation:is-url url="#[payload]"/>"##, "http://[::1]:8080/health"),
        Case(##"<validation:is-url url="#[payload]"/>"##, "http://example.com:80a", "VALIDATION:INVALID_URL: http://example.com:80a is not a valid url"),
        Case(##"<validation:is-url url="#[payload]"/>"##, "example.com", "VALIDATION:INVALID_URL: example.com is not a valid url"),
        Case(##"<validation:is-url url="#[payload]"/>"##, "http://", "VALIDATION:INVALID_URL: http:// is not a valid url"),
        Case(##"<validation:is-ip ip="#[payload]"/>"##, "192.168.0.1"),
        Case(##"<validation:is-ip ip="#[payload]"/>"##, "2001:db8::1"),
        Case(##"<validation:is-ip ip="#[payload]"/>"##, "::ffff:192.0.2.1"),
        Case(##"<validation:is-ip ip="#[payload]"/>"##, "256.1.1.1", "VALIDATION:INVALID_IP: 256.1.1.1 is not a valid ip address"),
        Case(##"<validation:is-ip ip="#[payload]"/>"##, "1:2:3:4:5:6:7:8:9", "VALIDATION:INVALID_IP: 1:2:3:4:5:6:7:8:9 is not a valid ip address"),
    ]

    @Test("validators pass or fail with Mule's type and default message", arguments: cases)
    func validator(_ testCase: Case) async throws {
        let failure = try await ValidationApp.failure(testCase.xml, payload: testCase.payload)
        #expect(failure?.description == testCase.expected)
    }

    @Test("a non-blank custom message replaces the default, a blank one does not; the type stays")
    func customMessage() async throws {
        let custom = try await ValidationApp.failure(##"<validation:is-email email="#[payload]" message="#['Bad email: ' ++ payload]"/>"##,
                                                     payload: "nope")
        #expect(custom == .init(type: "VALIDATION:INVALID_EMAIL", message: "Bad email: nope"))
        let literal = try await ValidationApp.failure(##"<validation:is-not-null value="#[payload]" message="Missing!"/>"##)
        #expect(literal == .init(type: "VALIDATION:NULL", message: "Missing!"))
        let blank = try await ValidationApp.failure(##"<validation:is-not-null value="#[payload]" message="  "/>"##)
        #expect(blank == .init(type: "VALIDATION:NULL", message: "value is null"))
    }

    @Test("a passing validator leaves payload, attributes and variables as they were")
    func leavesEventUnchanged() async throws {
        let runtime = try ValidationApp.runtime("""
            <set-variable variableName="v" value="#[1]"/>
            <validation:is-not-null value="#[payload]"/>
            <validation:is-email email="#[payload.email]"/>
            """)
        let payload: Value = ["email": "ann@example.com"]
        let event = try #require(try await runtime.run(flow: "main", payload: payload).event)
        #expect(try event.payload.value == payload)
        #expect(event.vars["v"] == 1)
    }
}
