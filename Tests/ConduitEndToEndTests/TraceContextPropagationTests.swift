import ConduitTestSupport
import FlowCore
import NIOHTTP1
import Foundation
import Testing

/// A W3C `traceparent` followed from a request to the app, through its log lines, to the call
/// the app makes to the Procore sandbox (which records the headers it receives).
@Suite struct TraceContextPropagationTests {
    static let traceId = "4bf92f3577b34da6a3ce929d0e0e4736"
    static let callerSpan = "00f067aa0ba902b7"
    static let traceparent = "00-\(traceId)-\(callerSpan)-01"

    /// The requests the sandbox recorded for `method path`.
    static func recorded(_ method: String, _ path: String, sandbox: String) async throws -> [Value] {
        let all = try await Reply.send(.GET, sandbox + "/_sandbox/requests").json
        return all.arrayValue?.filter { $0["method"]?.stringValue == method && $0["path"]?.stringValue == path } ?? []
    }

    /// `00-<trace>-<span>-<flags>` split into its parts.
    static func parts(_ traceparent: String?) -> [String] {
        traceparent?.split(separator: "-").map(String.init) ?? []
    }

    @Test func procoreCallCarriesTheCallersTraceAndLogsNameIt() async throws {
        let state = try TemporaryDirectory()
        defer { state.remove() }
        let app = try await DevRun.start(stateIn: state.path, arguments: ["--log-format", "json", "--log-level", "com.procore.mule=debug"])
        defer { app.process.kill() }
        #expect(try await app.send(.GET, "/authorize-procore").status == 200)
        #expect(try await Reply.send(.DELETE, app.sandboxURL + "/_sandbox/requests").status == 204)

        let created = try await Reply.send(.POST, app.appURL + "/projects", json: #"{"company_id":"562949953437078","name":"Traced"}"#,
                                           headers: [("traceparent", Self.traceparent), ("tracestate", "congo=t61rcWkgMzE")])
        #expect(created.status == 201)

        let calls = try await Self.recorded("POST", "/rest/v1.0/projects", sandbox: app.sandboxURL)
        try #require(calls.count == 1)
        let sent = Self.parts(calls[0]["headers"]?["traceparent"]?.stringValue)
        #expect(sent.count == 4)
        #expect(sent.first == "00" && sent.dropFirst().first == Self.traceId && sent.last == "01")
        let outboundSpan = try #require(sent.dropFirst(2).first)
        #expect(outboundSpan.count == 16 && outboundSpan != Self.callerSpan)
        #expect(calls[0]["headers"]?["tracestate"]?.stringValue == "congo=t61rcWkgMzE")
        // The sandbox never records a credential.
        #expect(calls[0]["headers"]?["authorization"]?.stringValue == "[redacted]")

        // The connector's request line is logged within the app's span of the caller's trace.
        let lines = app.process.stdout.split(separator: "\n").compactMap { try? JSON.decode(String($0)) }
        let request = try #require(lines.first { $0["message"]?.stringValue == "Procore request POST /rest/v1.0/projects" })
        #expect(request["traceId"]?.stringValue == Self.traceId)
        let appSpan = try #require(request["spanId"]?.stringValue)
        #expect(appSpan.count == 16 && appSpan != Self.callerSpan && appSpan != outboundSpan)

        // Without a traceparent the run starts a trace of its own, still sent on.
        let untraced = try await Reply.send(.POST, app.appURL + "/projects", json: #"{"company_id":"562949953437078","name":"Untraced"}"#)
        #expect(untraced.status == 201)
        let second = try await Self.recorded("POST", "/rest/v1.0/projects", sandbox: app.sandboxURL)
        try #require(second.count == 2)
        let fresh = Self.parts(second[1]["headers"]?["traceparent"]?.stringValue)
        #expect(fresh.count == 4 && fresh[1].count == 32 && fresh[1] != Self.traceId)
        #expect(second[1]["headers"]?["tracestate"] == nil)
        #expect(try await app.interrupt() == 0)
    }

    @Test func httpRequestCarriesTheCallersTrace() async throws {
        let app = try await MuleProjectRun.start(defines: ["sync.frequency=3600"])
        defer { app.process.kill() }
        // The scheduler's first run (its own trace) goes first.
        _ = try await app.process.line(containing: "Project sync (scheduled): ", within: .seconds(10))
        #expect(try await Reply.send(.DELETE, app.sandboxURL + "/_sandbox/requests").status == 204)
        let status = try await Reply.send(.GET, app.appURL + "/status", headers: [("traceparent", Self.traceparent)])
        #expect(status.status == 200)
        let all = try await Reply.send(.GET, app.sandboxURL + "/_sandbox/requests").json.arrayValue ?? []
        // The token request and the REST calls of the sub-flow, each its own span of the caller's trace.
        #expect(all.count >= 2)
        var spans: Set<String> = []
        for call in all {
            let parts = Self.parts(call["headers"]?["traceparent"]?.stringValue)
            #expect(parts.count == 4 && parts[1] == Self.traceId, "\(call)")
            if parts.count == 4 { spans.insert(parts[2]) }
        }
        #expect(spans.count == all.count && !spans.contains(Self.callerSpan))
    }
}
