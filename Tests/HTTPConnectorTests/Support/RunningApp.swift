import ConduitTestSupport
import AsyncHTTPClient
import FlowCore
import FlowEngine
import FlowModel
import Foundation
import HTTPConnector
import Logging
import NIOCore
import NIOHTTP1

/// An app served over real loopback HTTP on a port the system picks.
struct RunningApp {
    let runtime: Runtime
    let served: RuntimeHarness.Served
    let logs: LogCapture

    /// Where each listener configuration is bound.
    var listeners: [BoundListener] { served.listeners }
    /// `http://127.0.0.1:<port>` of the first listener configuration (without its base path).
    var origin: String { "http://127.0.0.1:\(listeners[0].port)" }

    static let listenerConfig = """
        <http:listener-config name="listener">
          <http:listener-connection host="127.0.0.1" port="0"/>
        </http:listener-config>
        """

    /// Serves the app whose `<mule>` body is `body` for the duration of `test`, then shuts it down
    /// gracefully.
    static func serve(_ body: String, connectors: [any Connector] = [], properties: [(String, String)] = [],
                      _ test: (RunningApp) async throws -> Void) async throws {
        let logs = LogCapture()
        let runtime = try TestApp.runtime(body, properties: properties, connectors: connectors, logs: logs)
        try await RuntimeHarness.serve(runtime) { served in
            try await test(RunningApp(runtime: runtime, served: served, logs: logs))
        }
    }

    /// Sends a request to `path` (absolute, from the origin) and returns status, headers and body.
    func send(_ method: HTTPMethod = .GET, _ path: String, body: String? = nil, headers: [(String, String)] = []) async throws -> Reply {
        try await Reply.send(method, origin + path, body: body, headers: headers)
    }
}

/// A response read whole.
struct Reply: Sendable {
    let status: Int
    let reason: String
    let headers: HTTPHeaders
    let body: String

    func header(_ name: String) -> String? { headers.first(name: name) }

    static func send(_ method: HTTPMethod, _ url: String, body: String? = nil, bodyBytes: [UInt8]? = nil,
                     headers: [(String, String)] = []) async throws -> Reply {
        var request = HTTPClientRequest(url: url)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        if let bodyBytes { request.body = .bytes(ByteBuffer(bytes: bodyBytes)) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let collected = try await response.body.collect(upTo: 16 * 1024 * 1024)
        return Reply(status: Int(response.status.code), reason: response.status.reasonPhrase, headers: response.headers,
                     body: String(buffer: collected))
    }
}
