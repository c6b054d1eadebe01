import ConduitTestSupport
import FlowCore
import FlowFormats
import Testing
import FlowEngine

/// Validation errors reach handlers through Mule's hierarchy (mule-components §6.2).
@Suite("Validation error routing")
struct ErrorRoutingTests {
    private func handled(by handlerType: String, _ validator: String, payload: Value = "bad") async throws -> Value? {
        let runtime = try ValidationApp.runtime("""
            \(validator)
            <error-handler>
              <on-error-continue type="\(handlerType)">
                <set-payload value="#[error.errorType.namespace ++ ':' ++ error.errorType.identifier ++ ' ' ++ error.description]"/>
              </on-error-continue>
            </error-handler>
            """)
        return try await runtime.run(flow: "main", payload: payload).event?.payload.value
    }

    private let email = ##"<validation:is-email email="#[payload]"/>"##

    @Test("a specific type, VALIDATION:VALIDATION and VALIDATION (MULE:VALIDATION) all catch it")
    func hierarchy() async throws {
        let expected: Value = "VALIDATION:INVALID_EMAIL bad is not a valid email address"
        #expect(try await handled(by: "VALIDATION:INVALID_EMAIL", email) == expected)
        #expect(try await handled(by: "VALIDATION:VALIDATION", email) == expected)
        #expect(try await handled(by: "VALIDATION", email) == expected)
        #expect(try await handled(by: "ANY", email) == expected)
    }

    @Test("a handler for another validation type does not catch it")
    func otherTypeDoesNotMatch() async throws {
        #expect(try await handled(by: "VALIDATION:NULL", email) == nil)
        #expect(try await handled(by: "VALIDATION:INVALID_EMAIL", ##"<validation:is-not-null value="#[null]"/>"##) == nil)
    }

    @Test("VALIDATION:MULTIPLE is a VALIDATION:VALIDATION")
    func multiple() async throws {
        let result = try await handled(by: "VALIDATION:VALIDATION", """
            <validation:all><validation:is-email email="#[payload]"/><validation:is-ip ip="#[payload]"/></validation:all>
            """)
        #expect(result == "VALIDATION:MULTIPLE bad is not a valid email address\nbad is not a valid ip address")
    }
}
