import ConduitTestSupport
import FlowCore
import FlowFormats
import Testing
import FlowEngine

/// `validation:all` and `validation:any` (mule-components §6.4).
@Suite("Validation all and any")
struct AggregateTests {
    private static let children = """
        <validation:is-url url="#[payload.url]"/>
        <validation:is-email email="#[payload.email]"/>
        """

    @Test("all runs every child and fails with their messages joined")
    func allCollectsEveryFailure() async throws {
        let failure = try await ValidationApp.failure("<validation:all>\(Self.children)</validation:all>",
                                                      payload: ["url": "nope", "email": "bad"])
        #expect(failure == .init(type: "VALIDATION:MULTIPLE", message: "nope is not a valid url\nbad is not a valid email address"))
        let one = try await ValidationApp.failure("<validation:all>\(Self.children)</validation:all>",
                                                  payload: ["url": "http://example.com", "email": "bad"])
        #expect(one == .init(type: "VALIDATION:MULTIPLE", message: "bad is not a valid email address"))
        let none = try await ValidationApp.failure("<validation:all>\(Self.children)</validation:all>",
                                                   payload: ["url": "http://example.com", "email": "a@example.com"])
        #expect(none == nil)
    }

    @Test("any fails only when every child failed")
    func anyNeedsOnePass() async throws {
        let one = try await ValidationApp.failure("<validation:any>\(Self.children)</validation:any>",
                                                  payload: ["url": "nope", "email": "a@example.com"])
        #expect(one == nil)
        let both = try await ValidationApp.failure("<validation:any>\(Self.children)</validation:any>",
                                                   payload: ["url": "nope", "email": "bad"])
        #expect(both == .init(type: "VALIDATION:MULTIPLE", message: "nope is not a valid url\nbad is not a valid email address"))
    }

    @Test("children keep their custom messages, and the payload is untouched on success")
    func customMessagesAndPayload() async throws {
        let failure = try await ValidationApp.failure("""
            <validation:all>
              <validation:is-true expression="#[false]" message="first"/>
              <validation:is-not-null value="#[null]" message="second"/>
            </validation:all>
            """)
        #expect(failure?.message == "first\nsecond")
        let runtime = try ValidationApp.runtime("<validation:all>\(Self.children)</validation:all>")
        let payload: Value = ["url": "http://example.com", "email": "a@example.com"]
        #expect(try await runtime.run(flow: "main", payload: payload).event?.payload.value == payload)
    }
}
