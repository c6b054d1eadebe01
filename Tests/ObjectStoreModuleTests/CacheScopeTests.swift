import ConduitTestSupport
import FlowCore
import FlowEngine
import FlowFormats
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import Testing

/// Mule Enterprise's Cache scope (`ee:cache`, `ee:object-store-caching-strategy`,
/// `ee:invalidate-key`, `ee:invalidate-cache`), over loopback through the listener and against a
/// real upstream server where a miss must be seen from outside.
@Suite("Cache scope")
struct CacheScopeTests {
    private static let ee = #"xmlns:ee="http://www.mulesoft.org/schema/mule/ee/core""#
    private static let namespaces = "\(ee) \(ObjectStoreApp.namespaces)"

    /// A flow at `/price` whose cache scope (attributes `cache`) stamps each computed response with
    /// a fresh UUID, so a hit shows as the same UUID twice; `globals` go beside it.
    private static func app(cache: String = "", inside: String = "", after: String = "", globals: String = "") -> String {
        """
        \(ObjectStoreApp.listenerConfig)
        \(globals)
        <flow name="price" \(namespaces)>
          <http:listener config-ref="listener" path="/price"/>
          <set-variable variableName="before" value="kept"/>
          <ee:cache \(cache)>
            <logger level="INFO" category="test.cache" message="#['computing ' ++ (payload.item default 'nothing')]"/>
            \(inside)
            <set-variable variableName="inside" value="set"/>
            <set-payload value="#[output application/json --- {item: payload.item, stamp: uuid(), vars: keysOf(vars) joinBy ','}]"/>
          </ee:cache>
          \(after)
        </flow>
        """
    }

    private static func price(_ origin: String, _ body: String) async throws -> Value {
        let answer = try await ObjectStoreApp.send(.POST, origin + "/price", body: body)
        #expect(answer.status == 200, "\(answer.body)")
        return try JSON.decode(Array(answer.body.utf8))
    }

    @Test("the default strategy keys by the payload's digest: the same body is computed once, another body again")
    func defaultStrategy() async throws {
        let logs = LogCapture()
        let runtime = try ObjectStoreApp.runtime(Self.app(), logs: logs)
        try await ObjectStoreApp.serve(runtime) { (origin: String) async throws in
            let first = try await Self.price(origin, #"{"item": "bolt"}"#)
            let second = try await Self.price(origin, #"{"item": "bolt"}"#)
            let other = try await Self.price(origin, #"{"item": "nut"}"#)
            #expect(first["stamp"] == second["stamp"])
            #expect(first["stamp"] != other["stamp"])
            #expect(other["item"] == "nut")
            #expect(logs.messages(in: "test.cache") == ["computing bolt", "computing nut"])
            #expect(first["vars"] == "before,inside")
        }
    }

    @Test("a hit gives the cached payload and keeps the caller's variables, not those the computing run set")
    func hitKeepsVariables() async throws {
        let runtime = try ObjectStoreApp.runtime(Self.app(after: ##"<set-payload value="#[output application/json --- {cached: payload.item, inside: vars.inside default 'absent', before: vars.before}]"/>"##))
        try await ObjectStoreApp.serve(runtime) { (origin: String) async throws in
            #expect(try await Self.price(origin, #"{"item": "bolt"}"#) == ["cached": "bolt", "inside": "set", "before": "kept"])
            #expect(try await Self.price(origin, #"{"item": "bolt"}"#) == ["cached": "bolt", "inside": "absent", "before": "kept"])
        }
    }

    @Test("keyGenerationExpression, a named store, invalidate-key and invalidate-cache")
    func namedStrategyAndInvalidation() async throws {
        let globals = """
            <os:object-store \(ObjectStoreApp.namespaces) name="prices" persistent="false"/>
            <ee:object-store-caching-strategy \(Self.ee) name="byItem" keyGenerationExpression="#[payload.item]" objectStore="prices"/>
            <flow name="forget" \(Self.namespaces)>
              <http:listener config-ref="listener" path="/forget"/>
              <ee:invalidate-key cachingStrategy-ref="byItem" keyGenerationExpression="#[attributes.queryParams.item]"/>
              <set-payload value="forgotten"/>
            </flow>
            <flow name="forget-all" \(Self.namespaces)>
              <http:listener config-ref="listener" path="/forget-all"/>
              <ee:invalidate-cache cachingStrategy-ref="byItem"/>
              <os:retrieve-all-keys objectStore="prices"/>
              <set-payload value="#[sizeOf(payload)]"/>
            </flow>
            """
        let runtime = try ObjectStoreApp.runtime(Self.app(cache: #"cachingStrategy-ref="byItem""#, globals: globals))
        try await ObjectStoreApp.serve(runtime) { (origin: String) async throws in
            let bolt = try await Self.price(origin, #"{"item": "bolt", "qty": 1}"#)
            // Another body with the same key is a hit.
            #expect(try await Self.price(origin, #"{"item": "bolt", "qty": 2}"#)["stamp"] == bolt["stamp"])
            let nut = try await Self.price(origin, #"{"item": "nut"}"#)
            #expect(try await ObjectStoreApp.send(.GET, origin + "/forget?item=bolt").body == "forgotten")
            let recomputed = try await Self.price(origin, #"{"item": "bolt"}"#)
            #expect(recomputed["stamp"] != bolt["stamp"])
            #expect(try await Self.price(origin, #"{"item": "nut"}"#)["stamp"] == nut["stamp"])
            #expect(try await ObjectStoreApp.send(.GET, origin + "/forget-all").body == "0")
            #expect(try await Self.price(origin, #"{"item": "nut"}"#)["stamp"] != nut["stamp"])
        }
    }

    @Test("events the filterExpression rejects, and events whose key is null, run without the cache")
    func filterAndNullKey() async throws {
        let globals = ##"<ee:object-store-caching-strategy \##(Self.ee) name="byItem" keyGenerationExpression="#[payload.item]"/>"##
        let runtime = try ObjectStoreApp.runtime(Self.app(cache: ##"cachingStrategy-ref="byItem" filterExpression="#[payload.cacheable default true]""##,
                                                          globals: globals))
        try await ObjectStoreApp.serve(runtime) { (origin: String) async throws in
            let uncached = #"{"item": "bolt", "cacheable": false}"#
            #expect(try await Self.price(origin, uncached)["stamp"] != Self.price(origin, uncached)["stamp"])
            #expect(try await Self.price(origin, #"{"other": 1}"#)["stamp"] != Self.price(origin, #"{"other": 1}"#)["stamp"])
            #expect(try await Self.price(origin, #"{"item": "bolt"}"#)["stamp"] == Self.price(origin, #"{"item": "bolt"}"#)["stamp"])
        }
    }

    @Test("an error inside the scope reaches the flow and caches nothing")
    func errorsAreNotCached() async throws {
        let logs = LogCapture()
        let body = Self.app(inside: ##"<raise-error type="APP:OUT_OF_STOCK" description="#['no ' ++ payload.item]"/>"##)
            .replacingOccurrences(of: "</flow>", with: """
                              <error-handler>
                                <on-error-continue type="APP:OUT_OF_STOCK"><set-payload value="#[error.description]"/></on-error-continue>
                              </error-handler>
                            </flow>
                            """)
        let runtime = try ObjectStoreApp.runtime(body, logs: logs)
        try await ObjectStoreApp.serve(runtime) { (origin: String) async throws in
            #expect(try await ObjectStoreApp.send(.POST, origin + "/price", body: #"{"item": "bolt"}"#).body == "no bolt")
            #expect(try await ObjectStoreApp.send(.POST, origin + "/price", body: #"{"item": "bolt"}"#).body == "no bolt")
            #expect(logs.messages(in: "test.cache").count == 2)
        }
    }

    @Test("a cached http:request response keeps its bytes, media type and attributes, and 20 concurrent misses call the upstream once")
    func synchronizedMissesCallUpstreamOnce() async throws {
        let body = #"{"id": 562949953437078, "price": 1.50}"#
        try await FaultyUpstream.with({ _, _ in
            // Trickled, so the first response takes a while and the other 19 requests arrive meanwhile.
            let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Upstream: yes\r\nContent-Length: \(body.utf8.count)\r\n\r\n"
            return [.write(Array(head.utf8)), .trickle(Array(body.utf8), interval: .milliseconds(10))]
        }) { upstream in
            let app = """
                \(ObjectStoreApp.listenerConfig)
                <http:request-config name="upstream">
                  <http:request-connection host="127.0.0.1" port="\(upstream.port)"/>
                </http:request-config>
                <flow name="quote" \(Self.namespaces)>
                  <http:listener config-ref="listener" path="/quote"/>
                  <ee:cache>
                    <http:request config-ref="upstream" method="GET" path="/prices/bolt"/>
                  </ee:cache>
                </flow>
                """
            let runtime = try ObjectStoreApp.runtime(app)
            try await ObjectStoreApp.serve(runtime) { (origin: String) async throws in
                let answers = try await withThrowingTaskGroup(of: (Int, String).self) { group in
                    for _ in 0..<20 {
                        group.addTask { try await ObjectStoreApp.send(.GET, origin + "/quote") }
                    }
                    return try await group.reduce(into: [(Int, String)]()) { $0.append($1) }
                }
                #expect(answers.count == 20)
                #expect(answers.allSatisfy { $0.0 == 200 && $0.1 == body })
                #expect(upstream.requests.count == 1)
            }
            // The attributes come back with a hit too.
            let attributesApp = app.replacingOccurrences(of: "</ee:cache>", with: """
                </ee:cache>
                <set-payload value="#[output text/plain --- attributes.statusCode as String ++ ' ' ++ attributes.headers.'x-upstream' ++ ' ' ++ payload.id as String]"/>
                """)
            let second = try ObjectStoreApp.runtime(attributesApp)
            try await ObjectStoreApp.serve(second) { (origin: String) async throws in
                #expect(try await ObjectStoreApp.send(.GET, origin + "/quote").body == "200 yes 562949953437078")
                #expect(try await ObjectStoreApp.send(.GET, origin + "/quote").body == "200 yes 562949953437078")
            }
            #expect(upstream.requests.count == 2)
        }
    }

    @Test("a scope reached again inside its own miss for the same key runs without waiting for itself")
    func reentrantMissDoesNotHang() async throws {
        let runtime = try ObjectStoreApp.runtime("""
            <flow name="price" \(Self.namespaces)>
              <ee:cache>
                <choice>
                  <when expression="#[(vars.depth default 0) &lt; 2]">
                    <set-variable variableName="depth" value="#[(vars.depth default 0) + 1]"/>
                    <flow-ref name="price"/>
                  </when>
                  <otherwise>
                    <set-payload value="#['made at depth ' ++ vars.depth]"/>
                  </otherwise>
                </choice>
              </ee:cache>
            </flow>
            """)
        // Bounded: before the fix the inner scope waited for the outer one's lock for ever (an
        // unstructured task, so that a stuck run fails the test instead of holding it).
        let outcome = NIOLockedValueBox<String?>(nil)
        Task {
            let text = try? await runtime.run(flow: "price", payload: "bolt").event?.payload.value.stringValue
            outcome.withLockedValue { $0 = text ?? "no answer" }
        }
        let deadline = ContinuousClock.now + .seconds(20)
        while outcome.withLockedValue({ $0 }) == nil, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        let answer = outcome.withLockedValue { $0 } ?? "still waiting after 20 s"
        #expect(answer == "made at depth 2")
        // The outer miss kept the response: the next event with the payload is a hit.
        #expect(try await runtime.run(flow: "price", payload: "bolt").event?.payload.value.stringValue == "made at depth 2")
    }

    @Test("a persistent store keeps cached responses across a restart")
    func persistentStore() async throws {
        let directory = ObjectStoreApp.storeDirectory()
        let globals = """
            <ee:object-store-caching-strategy \(Self.ee) name="kept" keyGenerationExpression="#[payload.item]">
              <os:private-object-store \(ObjectStoreApp.namespaces) alias="priceCache" persistent="true" entryTtl="1" entryTtlUnit="HOURS"/>
              <ee:serializable-event-copy-strategy/>
            </ee:object-store-caching-strategy>
            """
        let app = Self.app(cache: #"cachingStrategy-ref="kept""#, globals: globals)
        var stamp: Value?
        try await ObjectStoreApp.serve(try ObjectStoreApp.runtime(app, directory: directory)) { (origin: String) async throws in
            stamp = try await Self.price(origin, #"{"item": "bolt"}"#)["stamp"]
        }
        try await ObjectStoreApp.serve(try ObjectStoreApp.runtime(app, directory: directory)) { (origin: String) async throws in
            #expect(try await Self.price(origin, #"{"item": "bolt"}"#)["stamp"] == stamp)
        }
        #expect(FileManager.default.fileExists(atPath: directory + "/priceCache.json"))
    }

    @Test("mistakes are located: an unknown strategy, Java generators, an empty scope, a missing reference")
    func loadErrors() throws {
        let diagnostics = try ObjectStoreApp.diagnostics("""
            \(ObjectStoreApp.listenerConfig)
            <ee:object-store-caching-strategy \(Self.ee) name="java" keyGenerator-ref="myKeys" responseGenerator-ref="myResponses"/>
            <flow name="price" \(Self.namespaces)>
              <http:listener config-ref="listener" path="/price"/>
              <ee:cache cachingStrategy-ref="byItme">
                <set-payload value="x"/>
              </ee:cache>
              <ee:cache/>
              <ee:invalidate-cache/>
            </flow>
            """)
        #expect(diagnostics == [
            "flows/main.xml:13:102: error: Parameter 'keyGenerator-ref' of <ee:object-store-caching-strategy> names a Java class ('myKeys'), which Conduit cannot run; use keyGenerationExpression instead.",
            "flows/main.xml:13:128: error: Parameter 'responseGenerator-ref' of <ee:object-store-caching-strategy> names a Java class ('myResponses'), which Conduit cannot run; use the default response instead.",
            "flows/main.xml:16:34: error: Referenced component 'byItme' must be one of stereotypes [EE:CACHING_STRATEGY].",
            "flows/main.xml:19:3: error: Element <ee:cache> needs at least one processor.",
            "flows/main.xml:20:3: error: Element <ee:invalidate-cache> is missing required parameter 'cachingStrategy-ref'.",
        ])
    }
}
