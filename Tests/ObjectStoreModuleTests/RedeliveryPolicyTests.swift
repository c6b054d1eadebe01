import ConduitTestSupport
import FlowCore
import FlowEngine
import FlowFormats
import Foundation
import NIOHTTP1
import Testing

/// A listener's `redelivery-policy` (Mule's `IdempotentRedeliveryPolicy`), over loopback.
@Suite("Redelivery policy")
struct RedeliveryPolicyTests {
    private static func app(_ policy: String, failWhen: String = "#[true]") -> String {
        """
        \(ObjectStoreApp.listenerConfig)
        <flow name="poison" \(ObjectStoreApp.namespaces)>
          <http:listener config-ref="listener" path="/poison">
            \(policy)
            <http:error-response statusCode="#[vars.code]"/>
          </http:listener>
          <choice>
            <when expression="\(failWhen)"><raise-error type="APP:BROKEN" description="broken"/></when>
          </choice>
          <set-payload value="done"/>
          <error-handler>
            <on-error-propagate type="APP:BROKEN"><set-variable variableName="code" value="500"/></on-error-propagate>
            <on-error-propagate type="REDELIVERY_EXHAUSTED">
              <set-variable variableName="code" value="503"/>
              <set-payload value="#[error.description]"/>
            </on-error-propagate>
          </error-handler>
        </flow>
        """
    }

    @Test("a message failing more than maxRedeliveryCount times is refused with REDELIVERY_EXHAUSTED, without running the flow")
    func exhaustion() async throws {
        let logs = LogCapture()
        let runtime = try ObjectStoreApp.runtime(Self.app(##"<redelivery-policy maxRedeliveryCount="2" idExpression="#[attributes.method]"/>"##),
                                                 logs: logs)
        try await ObjectStoreApp.serve(runtime) { (origin: String) async throws in
            var statuses: [Int] = []
            for _ in 0..<5 { statuses.append(try await ObjectStoreApp.send(.POST, origin + "/poison", body: "{}").status) }
            #expect(statuses == [500, 500, 500, 503, 503])
            #expect(try await ObjectStoreApp.send(.POST, origin + "/poison", body: "{}").body
                == "Maximum redelivery attempts reached. Last error was APP:BROKEN.")
            // Another id has its own count.
            #expect(try await ObjectStoreApp.send(.PUT, origin + "/poison", body: "{}").status == 500)
        }
    }

    @Test("a success resets the count; the default id is a digest of the payload")
    func successResets() async throws {
        let runtime = try ObjectStoreApp.runtime(Self.app(#"<redelivery-policy maxRedeliveryCount="1"/>"#,
                                                          failWhen: "#[payload.fail]"))
        try await ObjectStoreApp.serve(runtime) { (origin: String) async throws in
            let failing = #"{"fail": true}"#
            #expect(try await ObjectStoreApp.send(.POST, origin + "/poison", body: failing).status == 500)
            #expect(try await ObjectStoreApp.send(.POST, origin + "/poison", body: failing).status == 500)
            #expect(try await ObjectStoreApp.send(.POST, origin + "/poison", body: failing).status == 503)
            // A different payload is a different message.
            #expect(try await ObjectStoreApp.send(.POST, origin + "/poison", body: #"{"fail": false}"#).status == 200)
        }
    }

    /// Records the outcome of each flow run it is told about.
    private final class Outcomes: RuntimeObserver, @unchecked Sendable {
        private let lock = NSLock()
        private var recorded: [String] = []
        var all: [String] { lock.withLock { recorded } }
        func flowFinished(_ report: FlowRunReport) { lock.withLock { recorded.append("\(report.outcome)") } }
    }

    @Test("with an observer, an exhausted delivery still reaches the flow's handler and is reported as a run")
    func observed() async throws {
        let outcomes = Outcomes()
        let runtime = try ObjectStoreApp.runtime(Self.app(##"<redelivery-policy maxRedeliveryCount="0" idExpression="#['one']"/>"##),
                                                 observer: outcomes)
        try await ObjectStoreApp.serve(runtime) { (origin: String) async throws in
            let first = try await ObjectStoreApp.send(.POST, origin + "/poison", body: "{}")
            let second = try await ObjectStoreApp.send(.POST, origin + "/poison", body: "{}")
            #expect(first.status == 500)
            #expect(second.status == 503)
            #expect(second.body == "Maximum redelivery attempts reached. Last error was APP:BROKEN.")
        }
        #expect(outcomes.all == ["failure APP:BROKEN", "failure MULE:REDELIVERY_EXHAUSTED"])
    }

    @Test("Mule's configuration checks")
    func diagnostics() throws {
        let bad = try ObjectStoreApp.diagnostics(Self.app(#"<redelivery-policy useSecureHash="false"/>"#))
        #expect(bad.contains { $0.hasSuffix("error: No method for identifying messages was specified: give <redelivery-policy> an 'idExpression' or leave 'useSecureHash' true.") })
        let digest = try ObjectStoreApp.diagnostics(Self.app(##"<redelivery-policy useSecureHash="false" idExpression="#[1]" messageDigestAlgorithm="MD5"/>"##))
        #expect(digest.contains { $0.hasSuffix("error: The message digest algorithm 'MD5' was specified when a secure hash will not be used") })
        let unknown = try ObjectStoreApp.diagnostics(Self.app(#"<redelivery-policy messageDigestAlgorithm="SHA-999"/>"#))
        #expect(unknown.contains { $0.hasSuffix("error: Unknown messageDigestAlgorithm 'SHA-999': Conduit supports MD5, SHA-1, SHA-256, SHA-384, SHA-512.") })
    }
}
